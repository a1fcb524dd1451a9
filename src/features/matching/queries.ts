import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { todayIn } from "@/lib/dates";
import { pupilDisplayName, pupilFirstName } from "@/lib/ranking";
import { freeTimeTokens } from "@/lib/day-slots";
import { loadDaySlots } from "@/server/day-slots";
import { yearGroupOn } from "@/lib/year-group";
import { compileProgramme } from "@/lib/matching/compile";
import { pairRuleBroken } from "@/lib/matching/hard-rules";
import { pairScore } from "@/lib/matching/candidates";
import { suggestOneToOne } from "@/lib/matching/one-to-one";
import { suggestGroups } from "@/lib/matching/groups";
import { DEFAULT_WEIGHTS, type MatchWeights, type Programme, type StrengthLevel } from "@/lib/matching/types";
import { focusAreaLabels } from "@/features/profiles/schemas";
import { mentorLoad, mentorLoadSelect } from "@/features/pairings/load";
import { waitingMenteeWhere } from "@/features/pairings/waiting";
import { toWeightsForm, type WeightsForm } from "./schemas";
import { CURRENT_PUPIL } from "@/features/students/policy";

// The engine's reasons name focus areas as given, so it is given the words a coordinator reads.
const focusWord = (area: string) => (focusAreaLabels[area as keyof typeof focusAreaLabels] ?? area).toLowerCase();

function strengthsFrom(json: unknown): Record<string, StrengthLevel> {
  const out: Record<string, StrengthLevel> = {};
  if (json && typeof json === "object") {
    for (const [area, level] of Object.entries(json)) if (level === 1 || level === 2 || level === 3) out[focusWord(area)] = level;
  }
  return out;
}

function weightsFrom(json: unknown): MatchWeights {
  if (!json || typeof json !== "object") return DEFAULT_WEIGHTS;
  const w = json as Partial<MatchWeights>;
  const ranking =
    Array.isArray(w.menteeRanking) && w.menteeRanking.length === 3
      ? (w.menteeRanking as [number, number, number])
      : DEFAULT_WEIGHTS.menteeRanking;
  const n = (v: unknown, d: number) => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : d);
  return {
    ...DEFAULT_WEIGHTS,
    focusFit: n(w.focusFit, DEFAULT_WEIGHTS.focusFit),
    menteeRanking: ranking,
    sharedInterests: n(w.sharedInterests, DEFAULT_WEIGHTS.sharedInterests),
    yearGapCloseness: n(w.yearGapCloseness, DEFAULT_WEIGHTS.yearGapCloseness),
    livedExperience: n(w.livedExperience, DEFAULT_WEIGHTS.livedExperience),
  };
}

/**
 * The engine's input for a programme: its mentors (with their current load), the mentees waiting
 * for a mentor, the school's keep-apart pairs and the programme's rules. Staff-only.
 */
export async function loadMatchingInput(actor: Actor, programmeId: string, weightsOverride?: MatchWeights) {
  await requireRoleForRead(actor, "COORDINATOR");
  const programme = await db.programme.findFirst({
    where: { id: programmeId, schoolId: actor.schoolId },
    select: { id: true, name: true, minYearGap: true, maxYearGap: true, isTrainingRequired: true, groupSize: true, matchWeights: true },
  });
  if (!programme) return notFoundFor(actor, "Programme", programmeId);
  const today = todayIn(actor.timezone);
  const pupil = {
    id: true,
    legalFirstName: true,
    legalLastName: true,
    preferredName: true,
    cohortYear: true,
    interests: true,
    availability: true,
    livedExperience: true,
  } as const;
  const [mentorRows, menteeRows, keepApart, daySlots] = await Promise.all([
    db.mentorProfile.findMany({
      where: { schoolId: actor.schoolId, programmeId, student: CURRENT_PUPIL },
      select: {
        capacity: true,
        trainingComplete: true,
        strengths: true,
        student: { select: { ...pupil, memberships: mentorLoadSelect(programmeId) } },
      },
    }),
    db.menteeProfile.findMany({
      where: waitingMenteeWhere(actor.schoolId, programmeId),
      select: { focusAreas: true, ranking: true, student: { select: pupil } },
      orderBy: { student: { legalLastName: "asc" } },
    }),
    db.keepApart.findMany({ where: { schoolId: actor.schoolId }, select: { studentAId: true, studentBId: true } }),
    loadDaySlots(actor.schoolId, db, { includeArchived: true }),
  ]);
  // The engine compares free times as opaque ids: here each is the weekday, the slot and the pupil's
  // year group's times, so a split lunch is never a shared one (ADR 014).
  const freeTimes = freeTimeTokens(daySlots);
  const slotsOf = (student: { availability: string[]; cohortYear: number }) =>
    freeTimes.tokensFor(student.availability, yearGroupOn(student.cohortYear, today));
  const input: Programme = {
    mentors: mentorRows.map((m) => ({
      id: m.student.id,
      name: pupilFirstName(m.student),
      yearGroup: yearGroupOn(m.student.cohortYear, today),
      isTrained: m.trainingComplete,
      capacity: m.capacity,
      currentLoad: mentorLoad(m.student.memberships),
      strengths: strengthsFrom(m.strengths),
      interests: m.student.interests,
      slots: slotsOf(m.student),
      livedExperience: m.student.livedExperience.length > 0 ? m.student.livedExperience : null,
    })),
    mentees: menteeRows.map((m) => ({
      id: m.student.id,
      name: pupilFirstName(m.student),
      yearGroup: yearGroupOn(m.student.cohortYear, today),
      focusAreas: m.focusAreas.map(focusWord),
      interests: m.student.interests,
      slots: slotsOf(m.student),
      livedExperience: m.student.livedExperience.length > 0 ? m.student.livedExperience : null,
      ranking: m.ranking,
    })),
    keepApart: keepApart.map((k) => [k.studentAId, k.studentBId] as const),
    rules: {
      minYearGap: programme.minYearGap,
      maxYearGap: programme.maxYearGap,
      isTrainingRequired: programme.isTrainingRequired,
      groupSize: programme.groupSize,
    },
    weights: weightsOverride ?? weightsFrom(programme.matchWeights),
    slotLabels: freeTimes.labels,
  };
  const names = new Map(
    [...mentorRows, ...menteeRows].map((r) => [
      r.student.id,
      { name: pupilDisplayName(r.student), yearGroup: yearGroupOn(r.student.cohortYear, today) },
    ]),
  );
  return { programme, input, names };
}

/**
 * Optimal 1:1 suggestions for the waiting mentees, with reasons; `rejected` pairs (from this
 * screen) are left out of this run only. For each mentee, the other mentors who meet every hard
 * rule, for "swap".
 */
export async function getSuggestions(
  actor: Actor,
  programmeId: string,
  options: { weights?: MatchWeights; rejected?: [string, string][] } = {},
) {
  const { programme, input, names } = await loadMatchingInput(actor, programmeId, options.weights);
  const rejected = options.rejected ?? [];
  // A rejected pair is left out of this run everywhere: not suggested, and not offered as a swap.
  const thisRun = { ...input, keepApart: [...input.keepApart, ...rejected] };
  const result = suggestOneToOne(thisRun);
  const compiled = compileProgramme(thisRun);
  const alternatives = new Map<string, { mentorId: string; name: string; score: number }[]>();
  input.mentees.forEach((mentee, i) => {
    const options: { mentorId: string; name: string; score: number }[] = [];
    input.mentors.forEach((mentor, j) => {
      if (pairRuleBroken(compiled, i, j) !== null) return;
      if (mentor.currentLoad !== undefined && mentor.currentLoad >= mentor.capacity) return;
      options.push({ mentorId: mentor.id, name: names.get(mentor.id)?.name ?? mentor.name, score: pairScore(compiled, i, j) });
    });
    alternatives.set(
      mentee.id,
      options.sort((a, b) => b.score - a.score),
    );
  });
  const weights: WeightsForm = toWeightsForm(input.weights);
  return { programme, result, names, alternatives, weights, waitingCount: input.mentees.length };
}

/** Mixed-age groups of the programme's group size for the waiting mentees (heuristic: ADR 009). */
export async function getGroupSuggestions(actor: Actor, programmeId: string, options: { weights?: MatchWeights } = {}) {
  const { programme, input, names } = await loadMatchingInput(actor, programmeId, options.weights);
  const result = suggestGroups(input);
  return { programme, result, names, weights: toWeightsForm(input.weights), waitingCount: input.mentees.length };
}
