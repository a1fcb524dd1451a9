"use server";

import { defineAction } from "@/server/action";
import { logSession } from "./commands";

export const logSessionAction = defineAction(logSession);
