"use server";

import { defineAction } from "@/server/action";
import { editSession, logSession } from "./commands";

export const logSessionAction = defineAction(logSession);
export const editSessionAction = defineAction(editSession);
