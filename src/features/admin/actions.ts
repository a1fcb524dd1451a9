"use server";

import { defineAction } from "@/server/action";
import { setSafeguardingRoles, updateSafeguardingSettings, updateSignInSettings } from "./commands";

export const updateSafeguardingSettingsAction = defineAction(updateSafeguardingSettings);
export const setSafeguardingRolesAction = defineAction(setSafeguardingRoles);
export const updateSignInSettingsAction = defineAction(updateSignInSettings);
