import { z } from "zod";
import { recordId } from "@/lib/schema-helpers";

export const addKeepApartSchema = z
  .object({
    studentAId: recordId,
    studentBId: recordId,
    reason: z
      .string()
      .trim()
      .min(3, { error: "Say why, in a few words. Only staff can read it." })
      .max(500, { error: "Use at most 500 characters." }),
  })
  .refine((v) => v.studentAId !== v.studentBId, { error: "Choose two different pupils.", path: ["studentBId"] });

export const removeKeepApartSchema = z.object({ keepApartId: recordId });
