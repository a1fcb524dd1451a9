import { z } from "zod";
import { recordId, text } from "@/lib/schema-helpers";

const name = text({ min: 1, max: 60, missing: "Give the activity a name, like “Homework help”." });

export const addActivitySchema = z.object({ name });
export const renameActivitySchema = z.object({ activityId: recordId, name });
export const retireActivitySchema = z.object({ activityId: recordId });
export const restoreActivitySchema = z.object({ activityId: recordId });
export const moveActivitySchema = z.object({
  activityId: recordId,
  direction: z.enum(["up", "down"], { error: "Choose up or down." }),
});
