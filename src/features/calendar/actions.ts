"use server";

import { defineAction } from "@/server/action";
import { addCalendarPeriod, removeCalendarPeriod, saveSchoolWeek } from "./commands";

export const addCalendarPeriodAction = defineAction(addCalendarPeriod);
export const removeCalendarPeriodAction = defineAction(removeCalendarPeriod);
export const saveSchoolWeekAction = defineAction(saveSchoolWeek);
