"use server";

import { defineAction } from "@/server/action";
import { submitCheckIn } from "./commands";

export const submitCheckInAction = defineAction(submitCheckIn);
