"use server";

import { defineAction } from "@/server/action";
import { runRollover } from "./commands";

export const runRolloverAction = defineAction(runRollover);
