"use server";

import { defineAction } from "@/server/action";
import { awardPoints, reversePoints } from "./commands";

export const awardPointsAction = defineAction(awardPoints);
export const reversePointsAction = defineAction(reversePoints);
