"use server";

import { defineAction } from "@/server/action";
import { addActivity, moveActivity, renameActivity, restoreActivity, retireActivity } from "./commands";

export const addActivityAction = defineAction(addActivity);
export const renameActivityAction = defineAction(renameActivity);
export const retireActivityAction = defineAction(retireActivity);
export const restoreActivityAction = defineAction(restoreActivity);
export const moveActivityAction = defineAction(moveActivity);
