"use server";

import { defineAction } from "@/server/action";
import { awardPoints, awardSessionPoints, reversePoints } from "./commands";
import {
  addPointCategory,
  decideNickname,
  restorePointCategory,
  retirePointCategory,
  savePointSettings,
  setPupilHidden,
  updatePointCategory,
} from "./setting-commands";
import { answerMilestone, proposeNickname, setBoardOptOut } from "./pupil-commands";

export const awardPointsAction = defineAction(awardPoints);
export const awardSessionPointsAction = defineAction(awardSessionPoints);
export const reversePointsAction = defineAction(reversePoints);
export const addPointCategoryAction = defineAction(addPointCategory);
export const updatePointCategoryAction = defineAction(updatePointCategory);
export const retirePointCategoryAction = defineAction(retirePointCategory);
export const restorePointCategoryAction = defineAction(restorePointCategory);
export const savePointSettingsAction = defineAction(savePointSettings);
export const decideNicknameAction = defineAction(decideNickname);
export const setPupilHiddenAction = defineAction(setPupilHidden);
export const setBoardOptOutAction = defineAction(setBoardOptOut);
export const proposeNicknameAction = defineAction(proposeNickname);
export const answerMilestoneAction = defineAction(answerMilestone);
