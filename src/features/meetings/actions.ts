"use server";

import { defineAction } from "@/server/action";
import { cancelOccurrence, moveOccurrence, setPairingSlot, undoOccurrenceChange } from "./commands";

export const setPairingSlotAction = defineAction(setPairingSlot);
export const moveOccurrenceAction = defineAction(moveOccurrence);
export const cancelOccurrenceAction = defineAction(cancelOccurrence);
export const undoOccurrenceChangeAction = defineAction(undoOccurrenceChange);
