"use server";

import { defineAction } from "@/server/action";
import { acceptSuggestions, saveMatchWeights } from "./commands";

export const acceptSuggestionsAction = defineAction(acceptSuggestions);
export const saveMatchWeightsAction = defineAction(saveMatchWeights);
