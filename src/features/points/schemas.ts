import { z } from "zod";
import { choiceId, optionalText, recordId, recordIdList, text, wholeNumber } from "@/lib/schema-helpers";

const blankIsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * Points, from -10 to 10. Left empty, the category's usual amount. The reason is checked by the award
 * rules (src/lib/point-rules.ts): needed when taking points away or giving other than the usual amount.
 */
export const awardPointsSchema = z.object({
  programmeId: recordId,
  studentIds: recordIdList("Choose at least one pupil."),
  amount: z.preprocess(
    blankIsUnset,
    wholeNumber({
      min: -10,
      max: 10,
      message: "Enter a number of points, like 5 or -2.",
      notWhole: "Use a whole number.",
      tooSmall: "At most 10 points can be taken away at once.",
      tooBig: "At most 10 points can be given at once.",
    })
      .refine((n) => n !== 0, { error: "Enter a number other than 0." })
      .optional(),
  ),
  categoryId: choiceId("Choose a category."),
  reason: optionalText(200),
});

/** "Give everyone who came +1 Attendance": one award per pupil who came, once per session and category. */
export const awardSessionPointsSchema = z.object({
  sessionId: recordId,
  categoryId: choiceId("Choose a category."),
});

export const reversePointsSchema = z.object({
  entryId: recordId,
  reason: text({ min: 3, max: 200, tooShort: "Say why this is being corrected." }),
});

const version = (min: number) => wholeNumber({ min, max: 1_000_000_000, message: "This form is out of date. Reload the page." });
const categoryName = text({ min: 1, max: 40, missing: "Give the category a name, like “Kindness”." });
const categoryDescription = text({
  min: 3,
  max: 200,
  tooShort: "Say what earns it, in words pupils understand, like “Helping or including someone”.",
});
const defaultAmount = wholeNumber({
  min: -10,
  max: 10,
  message: "Enter the usual number of points, like 2, or -1 for a category that takes points away.",
  notWhole: "Use a whole number.",
  tooSmall: "Use a number from -10 to 10.",
  tooBig: "Use a number from -10 to 10.",
}).refine((n) => n !== 0, { error: "Enter a number other than 0." });

export const addPointCategorySchema = z.object({ name: categoryName, description: categoryDescription, defaultAmount });
export const updatePointCategorySchema = z.object({
  categoryId: recordId,
  version: version(1),
  name: categoryName,
  description: categoryDescription,
  defaultAmount,
});
export const retirePointCategorySchema = z.object({ categoryId: recordId });
export const restorePointCategorySchema = z.object({ categoryId: recordId });

/** Empty: the rule is off. */
const ruleCategory = z.preprocess(blankIsUnset, choiceId("Choose a category.").optional());

export const savePointSettingsSchema = z.object({
  // 0: the school has never saved its settings (the defaults).
  version: version(0),
  mentorsMayAward: z.enum(["yes", "no"], { error: "Choose whether mentors may give points." }),
  mentorWeeklyLimit: wholeNumber({
    min: 1,
    max: 100,
    message: "Enter how many points a mentor may give each week, like 10.",
    notWhole: "Use a whole number.",
    tooSmall: "Use a number from 1 to 100.",
    tooBig: "Use a number from 1 to 100.",
  }),
  pupilBoardMeasure: z.enum(["EARNED", "NET"], { error: "Choose what pupil boards rank." }),
  boardNameStyle: z.enum(["FIRST_NAME_INITIAL", "NICKNAME", "INITIALS"], { error: "Choose how names show on pupil boards." }),
  attendanceCategoryId: ruleCategory,
  onTimeCategoryId: ruleCategory,
});

export const decideNicknameSchema = z.object({
  studentId: recordId,
  // The nickname the coordinator read: a different one proposed since is decided on its own.
  nickname: text({ min: 1, max: 20, missing: "This form is out of date. Reload the page." }),
  decision: z.enum(["approve", "reject"], { error: "Choose approve or turn down." }),
});
export const setPupilHiddenSchema = z
  .object({
    studentId: recordId,
    hidden: z.enum(["yes", "no"], { error: "Choose hide or show." }),
    reason: optionalText(200),
  })
  .refine((v) => v.hidden === "no" || v.reason.length >= 3, {
    path: ["reason"],
    error: "Say why, for staff only, in a few words.",
  });

export const setBoardOptOutSchema = z.object({ optOut: z.enum(["yes", "no"], { error: "Choose yes or no." }) });
export const proposeNicknameSchema = z.object({
  nickname: text({ min: 2, max: 20, missing: "Type the name you would like.", tooShort: "Use at least 2 letters." }).refine(
    (v) => /^[\p{L}\p{N} '’.-]+$/u.test(v),
    { error: "Use letters, numbers, spaces, hyphens and apostrophes only." },
  ),
});
export const answerMilestoneSchema = z.object({
  milestoneId: recordId,
  share: z.enum(["yes", "no"], { error: "Choose yes or no." }),
});
