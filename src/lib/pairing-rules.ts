// The hard rules for any pairing or group, in one place (ADR 009). `pairRulesBroken` is the one
// answer to "may this pupil mentor that one": manual pairing, the matching engine
// (lib/matching/hard-rules.ts) and the mentors a mentee may rank (features/profiles) all use it.
// `checkPairingRules` adds what concerns a whole pairing: format, size, profiles, capacity, a
// mentee who already has a mentor.

/** The rules for one mentor and one mentee, in the order a coordinator would fix them. */
export type PairRuleName = "same-pupil" | "too-young" | "too-old" | "no-shared-slot" | "untrained" | "keep-apart";
export type PairRules = { minYearGap: number; maxYearGap: number; isTrainingRequired: boolean };
export type PairFacts = {
  isSamePupil: boolean;
  /** Mentor's year group minus the mentee's. */
  yearGap: number;
  sharesFreeTime: boolean;
  isMentorTrained: boolean;
  isKeptApart: boolean;
  /** A coordinator's recorded reason to pair a mentor whose training is not finished (manual pairing only). */
  hasTrainingOverride?: boolean;
};

const PAIR_RULES: readonly [PairRuleName, (facts: PairFacts, rules: PairRules) => boolean][] = [
  ["same-pupil", (f) => f.isSamePupil],
  ["too-young", (f, r) => f.yearGap < r.minYearGap],
  ["too-old", (f, r) => f.yearGap > r.maxYearGap],
  ["no-shared-slot", (f) => !f.sharesFreeTime],
  ["untrained", (f, r) => r.isTrainingRequired && !f.isMentorTrained && !f.hasTrainingOverride],
  ["keep-apart", (f) => f.isKeptApart],
];

export function pairRulesBroken(facts: PairFacts, rules: PairRules): PairRuleName[] {
  return PAIR_RULES.filter(([, isBroken]) => isBroken(facts, rules)).map(([name]) => name);
}

/** The first of pairRulesBroken, without building the list (the engine asks it for many pairs). */
export function firstPairRuleBroken(facts: PairFacts, rules: PairRules): PairRuleName | null {
  for (const [name, isBroken] of PAIR_RULES) if (isBroken(facts, rules)) return name;
  return null;
}

/**
 * Free at the same time: they share a weekly free time, or one of them has not said when they are free
 * (not known is not a clash, so a school that has not collected free times can still pair; ADR 009).
 * The callers pass free-time tokens (`freeTimeTokens`, lib/day-slots.ts), which carry each pupil's
 * year group's times, so a split lunch is not shared (ADR 014).
 */
export function sharesFreeTime(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((slot) => b.includes(slot));
}

export function isKeptApart(keepApart: readonly (readonly [string, string])[], a: string, b: string): boolean {
  return keepApart.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export type RuleCandidate = {
  studentId: string;
  name: string;
  yearGroup: number;
  hasProfile: boolean;
  /** For mentees: the pairings in this programme in which they already have a mentor (trial, active or paused). */
  heldPairings?: number;
  /** Weekly slots the pupil is free in; empty or missing means "not recorded". */
  slots?: readonly string[];
};
export type MentorCandidate = RuleCandidate & { capacity: number; currentLoad: number; isTrained?: boolean };

export type PairingProposal = {
  kind: "ONE_TO_ONE" | "GROUP";
  programmeFormat: "ONE_TO_ONE" | "GROUP" | "BOTH";
  mentors: MentorCandidate[];
  mentees: RuleCandidate[];
  minimumYearGap?: number;
  maximumYearGap?: number;
  isTrainingRequired?: boolean;
  /** A coordinator's recorded reason to pair a mentor whose training is not finished. */
  hasTrainingOverride?: boolean;
  /** Pairs of pupil ids that must never be together. No override exists. */
  keepApart?: readonly (readonly [string, string])[];
};

export type RuleViolation = { rule: RuleName; field: "mentorIds" | "menteeIds" | "kind" | "trainingOverrideReason"; message: string };
export type RuleName =
  | "format"
  | "size"
  | "profile"
  | "overlap"
  | "older"
  | "too-old"
  | "capacity"
  | "already-paired"
  | "training"
  | "keep-apart"
  | "no-shared-slot";

export function checkPairingRules(proposal: PairingProposal): RuleViolation[] {
  const { kind, mentors, mentees } = proposal;
  const rules: PairRules = {
    minYearGap: proposal.minimumYearGap ?? 1,
    maxYearGap: proposal.maximumYearGap ?? Number.POSITIVE_INFINITY,
    isTrainingRequired: proposal.isTrainingRequired ?? false,
  };
  const keepApart = proposal.keepApart ?? [];
  const violations: RuleViolation[] = [];

  if (proposal.programmeFormat !== "BOTH" && proposal.programmeFormat !== kind) {
    const allowed = proposal.programmeFormat === "GROUP" ? "groups" : "1:1 pairs";
    violations.push({ rule: "format", field: "kind", message: `This programme runs ${allowed} only.` });
  }
  if (mentors.length === 0) violations.push({ rule: "size", field: "mentorIds", message: "Choose a mentor." });
  if (mentees.length === 0) violations.push({ rule: "size", field: "menteeIds", message: "Choose a mentee." });
  if (kind === "ONE_TO_ONE") {
    if (mentors.length > 1) violations.push({ rule: "size", field: "mentorIds", message: "A 1:1 pair has one mentor." });
    if (mentees.length > 1)
      violations.push({ rule: "size", field: "menteeIds", message: "A 1:1 pair has one mentee. Make a group for more." });
  }

  const mentorIds = new Set(mentors.map((m) => m.studentId));
  for (const mentee of mentees) {
    if (mentorIds.has(mentee.studentId)) {
      violations.push({
        rule: "overlap",
        field: "menteeIds",
        message: `${mentee.name} cannot be a mentor and a mentee in the same pairing.`,
      });
    }
  }
  for (const mentor of mentors) {
    if (!mentor.hasProfile)
      violations.push({ rule: "profile", field: "mentorIds", message: `${mentor.name} is not a mentor in this programme.` });
  }
  for (const mentee of mentees) {
    if (!mentee.hasProfile)
      violations.push({ rule: "profile", field: "menteeIds", message: `${mentee.name} is not a mentee in this programme.` });
  }
  for (const mentee of mentees) {
    if ((mentee.heldPairings ?? 0) > 0) {
      violations.push({
        rule: "already-paired",
        field: "menteeIds",
        message: `${mentee.name} already has a mentor in this programme. End that pairing first to pair them again.`,
      });
    }
  }

  // Keep-apart applies to every two members, mentees of one group included.
  const everyone = [...mentors, ...mentees];
  for (const [index, a] of everyone.entries()) {
    for (const b of everyone.slice(index + 1)) {
      if (a.studentId !== b.studentId && isKeptApart(keepApart, a.studentId, b.studentId)) {
        violations.push({
          rule: "keep-apart",
          field: "menteeIds",
          message: `${a.name} and ${b.name} must be kept apart, so they cannot be in the same pairing or group.`,
        });
      }
    }
  }

  for (const mentor of mentors) {
    let isTrainingReported = false;
    for (const mentee of mentees) {
      if (mentor.studentId === mentee.studentId) continue; // "overlap" above says it in words.
      const broken = pairRulesBroken(
        {
          isSamePupil: false,
          yearGap: mentor.yearGroup - mentee.yearGroup,
          sharesFreeTime: sharesFreeTime(mentor.slots ?? [], mentee.slots ?? []),
          isMentorTrained: mentor.isTrained !== false,
          // Reported for every pair of members above, mentees of one group included.
          isKeptApart: false,
          hasTrainingOverride: proposal.hasTrainingOverride,
        },
        rules,
      );
      for (const rule of broken) {
        if (rule === "too-young") {
          const gap = rules.minYearGap;
          violations.push({
            rule: "older",
            field: "mentorIds",
            message: `${mentor.name} (Year ${mentor.yearGroup}) must be at least ${gap} year${gap === 1 ? "" : "s"} older than ${mentee.name} (Year ${mentee.yearGroup}).`,
          });
        } else if (rule === "too-old") {
          violations.push({
            rule: "too-old",
            field: "mentorIds",
            message: `${mentor.name} (Year ${mentor.yearGroup}) is more than ${rules.maxYearGap} years older than ${mentee.name} (Year ${mentee.yearGroup}).`,
          });
        } else if (rule === "no-shared-slot") {
          violations.push({
            rule: "no-shared-slot",
            field: "mentorIds",
            message: `${mentor.name} and ${mentee.name} are never free at the same time.`,
          });
        } else if (rule === "untrained" && !isTrainingReported) {
          isTrainingReported = true;
          violations.push({
            rule: "training",
            field: "trainingOverrideReason",
            message: `${mentor.name} has not finished the required training. To pair them anyway, give a reason.`,
          });
        }
      }
    }
    const load = mentor.currentLoad + mentees.length;
    if (load > mentor.capacity) {
      violations.push({
        rule: "capacity",
        field: "mentorIds",
        message: `${mentor.name} can support ${mentor.capacity} mentee${mentor.capacity === 1 ? "" : "s"} at once and already has ${mentor.currentLoad}.`,
      });
    }
  }
  return violations;
}
