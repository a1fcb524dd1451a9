import { z } from "zod";
import { choiceId, recordId, text, wholeNumber } from "@/lib/schema-helpers";

const blankIsEveryone = (v: unknown) => (typeof v === "string" && v.trim() === "" ? 0 : v);

/** A link for one classroom screen (ADR 024): which programme's pupils, which year group (0: everyone), which points. */
export const makeNoticeboardLinkSchema = z.object({
  label: text({ min: 1, max: 60, missing: "Name the screen, like “Library screen”." }),
  programmeId: choiceId("Choose a programme."),
  yearGroup: z.preprocess(blankIsEveryone, wholeNumber({ min: 0, max: 13, message: "Choose a year group, or everyone." })),
  period: z.enum(["WEEK", "HALF_TERM", "ALL_TIME"], { error: "Choose which points the screen shows." }),
});

export const replaceNoticeboardLinkSchema = z.object({ linkId: recordId });
export const turnOffNoticeboardLinkSchema = z.object({ linkId: recordId });
