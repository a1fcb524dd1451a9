"use server";

import { defineAction } from "@/server/action";
import { setMentorPreferences, updateMatchingDetails, updateMenteeProfile, updateMentorProfile, updateMyProfile } from "./commands";

export const updateMyProfileAction = defineAction(updateMyProfile);
export const setMentorPreferencesAction = defineAction(setMentorPreferences);
export const updateMatchingDetailsAction = defineAction(updateMatchingDetails);
export const updateMentorProfileAction = defineAction(updateMentorProfile);
export const updateMenteeProfileAction = defineAction(updateMenteeProfile);
