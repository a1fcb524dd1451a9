"use server";

import { defineAction } from "@/server/action";
import { recordReview } from "./commands";

export const recordReviewAction = defineAction(recordReview);
