import { z } from "zod";
import { recordId, text } from "@/lib/schema-helpers";

export const addKeepApartSchema = z
  .object({
    studentAId: recordId,
    studentBId: recordId,
    reason: text({ min: 3, max: 500, tooShort: "Say why, in a few words. Only staff can read it." }),
  })
  .refine((v) => v.studentAId !== v.studentBId, { error: "Choose two different pupils.", path: ["studentBId"] });

export const removeKeepApartSchema = z.object({ keepApartId: recordId });
