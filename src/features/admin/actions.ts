"use server";

import { defineAction } from "@/server/action";
import { setSafeguardingRoles, updateSafeguardingSettings } from "./commands";

export const updateSafeguardingSettingsAction = defineAction(updateSafeguardingSettings);
export const setSafeguardingRolesAction = defineAction(setSafeguardingRoles);
