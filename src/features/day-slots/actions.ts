"use server";

import { defineAction } from "@/server/action";
import { addDaySlot, removeYearGroupTimes, restoreDaySlot, retireDaySlot, setYearGroupTimes, updateDaySlot } from "./commands";

export const addDaySlotAction = defineAction(addDaySlot);
export const updateDaySlotAction = defineAction(updateDaySlot);
export const setYearGroupTimesAction = defineAction(setYearGroupTimes);
export const removeYearGroupTimesAction = defineAction(removeYearGroupTimes);
export const retireDaySlotAction = defineAction(retireDaySlot);
export const restoreDaySlotAction = defineAction(restoreDaySlot);
