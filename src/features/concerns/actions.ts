"use server";

import { defineAction } from "@/server/action";
import {
  addConcernPupil,
  addToMyConcern,
  changeConcernCategory,
  changeConcernStatus,
  correctConcernEntry,
  keepApartFromConcern,
  pauseFromConcern,
  raiseConcern,
  recordConcernAction,
  removeConcernPupil,
  resumeFromConcern,
  routeConcernToStaff,
  saveConcernDraft,
  shareConcernNote,
} from "./commands";

export const raiseConcernAction = defineAction(raiseConcern);
export const saveConcernDraftAction = defineAction(saveConcernDraft);
export const addToMyConcernAction = defineAction(addToMyConcern);
export const recordConcernActionAction = defineAction(recordConcernAction);
export const changeConcernStatusAction = defineAction(changeConcernStatus);
export const changeConcernCategoryAction = defineAction(changeConcernCategory);
export const addConcernPupilAction = defineAction(addConcernPupil);
export const removeConcernPupilAction = defineAction(removeConcernPupil);
export const correctConcernEntryAction = defineAction(correctConcernEntry);
export const shareConcernNoteAction = defineAction(shareConcernNote);
export const keepApartFromConcernAction = defineAction(keepApartFromConcern);
export const pauseFromConcernAction = defineAction(pauseFromConcern);
export const resumeFromConcernAction = defineAction(resumeFromConcern);
export const routeConcernToStaffAction = defineAction(routeConcernToStaff);
