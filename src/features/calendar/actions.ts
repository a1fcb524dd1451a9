"use server";

import { defineAction } from "@/server/action";
import { addAcademicYear, addCalendarPeriod, confirmAcademicYear, removeCalendarPeriod, saveSchoolWeek } from "./commands";

export const addCalendarPeriodAction = defineAction(addCalendarPeriod);
export const addAcademicYearAction = defineAction(addAcademicYear);
export const removeCalendarPeriodAction = defineAction(removeCalendarPeriod);
export const saveSchoolWeekAction = defineAction(saveSchoolWeek);
export const confirmAcademicYearAction = defineAction(confirmAcademicYear);
