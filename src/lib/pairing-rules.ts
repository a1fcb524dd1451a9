// The hard rules for any pairing or group, in one place. The matching engine extends this list
// (training, keep-apart); manual pairing and suggestions both go through it.

export type RuleCandidate = {
  studentId: string;
  name: string;
  yearGroup: number;
  hasProfile: boolean;
  /** For mentees: how many live (trial or active) pairings they are already a mentee in. */
  livePairings?: number;
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
  const gap = proposal.minimumYearGap ?? 1;
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
    if ((mentee.livePairings ?? 0) > 0) {
      violations.push({
        rule: "already-paired",
        field: "menteeIds",
        message: `${mentee.name} already has a mentor in this programme. End or pause that pairing first.`,
      });
    }
  }

  const everyone = [...mentors, ...mentees];
  const isKeptApart = (a: string, b: string) => (proposal.keepApart ?? []).some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  for (const [index, a] of everyone.entries()) {
    for (const b of everyone.slice(index + 1)) {
      if (a.studentId !== b.studentId && isKeptApart(a.studentId, b.studentId)) {
        violations.push({
          rule: "keep-apart",
          field: "menteeIds",
          message: `${a.name} and ${b.name} must be kept apart, so they cannot be in the same pairing or group.`,
        });
      }
    }
  }

  for (const mentor of mentors) {
    if (proposal.isTrainingRequired && mentor.isTrained === false && !proposal.hasTrainingOverride) {
      violations.push({
        rule: "training",
        field: "trainingOverrideReason",
        message: `${mentor.name} has not finished the required training. To pair them anyway, give a reason.`,
      });
    }
    for (const mentee of mentees) {
      if (mentor.studentId === mentee.studentId) continue;
      if (proposal.maximumYearGap !== undefined && mentor.yearGroup - mentee.yearGroup > proposal.maximumYearGap) {
        violations.push({
          rule: "too-old",
          field: "mentorIds",
          message: `${mentor.name} (Year ${mentor.yearGroup}) is more than ${proposal.maximumYearGap} years older than ${mentee.name} (Year ${mentee.yearGroup}).`,
        });
      }
      // Only checked when both have said when they are free.
      if (mentor.slots?.length && mentee.slots?.length && !mentor.slots.some((slot) => mentee.slots!.includes(slot))) {
        violations.push({
          rule: "no-shared-slot",
          field: "mentorIds",
          message: `${mentor.name} and ${mentee.name} are never free at the same time.`,
        });
      }
      if (mentor.yearGroup - mentee.yearGroup < gap) {
        violations.push({
          rule: "older",
          field: "mentorIds",
          message: `${mentor.name} (Year ${mentor.yearGroup}) must be at least ${gap} year${gap === 1 ? "" : "s"} older than ${mentee.name} (Year ${mentee.yearGroup}).`,
        });
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

export type PairingStatusName = "TRIAL" | "ACTIVE" | "PAUSED" | "ENDED";

const TRANSITIONS: Record<PairingStatusName, PairingStatusName[]> = {
  TRIAL: ["ACTIVE", "PAUSED", "ENDED"],
  ACTIVE: ["PAUSED", "ENDED"],
  PAUSED: ["ACTIVE", "ENDED"],
  ENDED: [],
};

/** An ended pairing stays ended: a re-pair is a new pairing, so the history is kept. */
export function canChangeStatus(from: PairingStatusName, to: PairingStatusName): boolean {
  return TRANSITIONS[from].includes(to);
}
