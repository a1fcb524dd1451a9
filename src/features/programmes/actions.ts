"use server";

import { defineAction } from "@/server/action";
import { addProgrammeSkip, changeProgrammeStatus, createProgramme, removeProgrammeSkip, updateProgramme } from "./commands";

export const createProgrammeAction = defineAction(createProgramme);
export const updateProgrammeAction = defineAction(updateProgramme);
export const changeProgrammeStatusAction = defineAction(changeProgrammeStatus);
export const addProgrammeSkipAction = defineAction(addProgrammeSkip);
export const removeProgrammeSkipAction = defineAction(removeProgrammeSkip);
