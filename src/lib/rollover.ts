// A new school year, planned before anything is written (issue 11, plan §0.6–7 and §7): who leaves,
// whose accounts close, which pairings end or places pause, which programmes close or carry on. Year
// groups derive from the cohort (ADR 004), so nothing advances: the plan only says what leaving means.
// Pure: the preview page and the run build the same facts, and the run refuses a plan whose
// fingerprint is not the one the admin previewed.
import { createHash } from "node:crypto";
import { addDaysIso, type IsoDate } from "./dates";
import { whatLeavingDoes } from "./leavers";
import { yearGroupOn } from "./year-group";

export type RolloverPupil = {
  id: string;
  cohortYear: number;
  status: "ON_ROLL" | "LEFT" | "ALUMNI";
  leavingOn?: IsoDate | null;
  hasMentored: boolean;
  hasAccount: boolean;
};
export type RolloverMember = { studentId: string; role: "MENTOR" | "MENTEE"; pausedAt?: IsoDate | null };
export type RolloverPairing = {
  id: string;
  status: "TRIAL" | "ACTIVE" | "PAUSED" | "ENDED";
  programmeId: string;
  members: RolloverMember[];
  pausedByConcern?: boolean;
};
export type RolloverProgramme = { id: string; status: "DRAFT" | "ACTIVE" | "CLOSED"; endsOn?: IsoDate | null };
export type ProgrammeChoice = "CLOSE" | "CARRY";
export type RolloverFacts = {
  /** The new school year's first day. */
  newYearStartsOn: IsoDate;
  finalYearGroup: 11 | 13;
  pupils: RolloverPupil[];
  pairings: RolloverPairing[];
  programmes: RolloverProgramme[];
  /** The admin's choice per programme; without one, a programme ending before the new year closes. */
  choices: Record<string, ProgrammeChoice>;
};

export type Leaver = { studentId: string; becomes: "ALUMNI" | "LEFT"; why: "FINAL_YEAR" | "LEAVING_DATE" };
export type PairingEnding = { id: string; reason: "PUPIL_LEFT" | "PROGRAMME_ENDED" };
export type PlaceToPause = { pairingId: string; studentId: string };
export type RolloverWarning = { message: string; ids: string[] };
export type RolloverPlan = {
  leavers: Leaver[];
  /** Pupil records whose sign-in account is disabled. */
  accountsToDisable: string[];
  pairingsToEnd: PairingEnding[];
  placesToPause: PlaceToPause[];
  programmesToClose: string[];
  programmesCarried: string[];
  warnings: RolloverWarning[];
  fingerprint: string;
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function planRollover(facts: RolloverFacts): RolloverPlan {
  // "Final year" is the year group on the old year's last day: the day before the new one starts, but
  // never past 31 August, when year groups change (ADR 004), for a year entered as starting on 2 September.
  const septemberFirst = `${facts.newYearStartsOn.slice(0, 4)}-09-01`;
  const lastDay = facts.newYearStartsOn > septemberFirst ? addDaysIso(septemberFirst, -1) : addDaysIso(facts.newYearStartsOn, -1);
  const onRoll = facts.pupils.filter((p) => p.status === "ON_ROLL");
  const leavers: Leaver[] = [];
  const pastFinalYear: string[] = [];
  for (const pupil of onRoll) {
    const yearGroup = yearGroupOn(pupil.cohortYear, lastDay);
    if (yearGroup > facts.finalYearGroup) pastFinalYear.push(pupil.id);
    const why =
      yearGroup >= facts.finalYearGroup ? "FINAL_YEAR" : pupil.leavingOn && pupil.leavingOn < facts.newYearStartsOn ? "LEAVING_DATE" : null;
    if (why) leavers.push({ studentId: pupil.id, becomes: pupil.hasMentored ? "ALUMNI" : "LEFT", why });
  }
  const leaving = new Set(leavers.map((l) => l.studentId));
  const accountsToDisable = onRoll.filter((p) => leaving.has(p.id) && p.hasAccount).map((p) => p.id);

  const programmesToClose: string[] = [];
  const programmesCarried: string[] = [];
  for (const programme of facts.programmes) {
    if (programme.status === "CLOSED") continue;
    const ended = !!programme.endsOn && programme.endsOn < facts.newYearStartsOn;
    const choice = facts.choices[programme.id] ?? (ended ? "CLOSE" : "CARRY");
    (choice === "CLOSE" ? programmesToClose : programmesCarried).push(programme.id);
  }
  const closing = new Set(programmesToClose);

  const pairingsToEnd: PairingEnding[] = [];
  const placesToPause: PlaceToPause[] = [];
  const concernPausedEnding: string[] = [];
  for (const pairing of facts.pairings) {
    if (pairing.status === "ENDED") continue;
    const outcome = whatLeavingDoes(
      pairing.members.map((m) => ({ studentId: m.studentId, role: m.role, isPaused: !!m.pausedAt })),
      leaving,
    );
    const reason = outcome.kind === "END" ? "PUPIL_LEFT" : closing.has(pairing.programmeId) ? "PROGRAMME_ENDED" : null;
    if (reason) {
      pairingsToEnd.push({ id: pairing.id, reason });
      if (pairing.pausedByConcern) concernPausedEnding.push(pairing.id);
      continue;
    }
    if (outcome.kind === "PAUSE_PLACES")
      for (const studentId of outcome.studentIds) placesToPause.push({ pairingId: pairing.id, studentId });
  }

  const warnings: RolloverWarning[] = [];
  const staying = onRoll.length - leavers.length;
  if (staying > 0) {
    warnings.push({
      message: `Tutor groups stay as they are until the next pupil import: ${plural(staying, "pupil moving up a year keeps", "pupils moving up a year keep")} last year's tutor group until then.`,
      ids: [],
    });
  }
  if (concernPausedEnding.length > 0) {
    warnings.push({
      message: `${plural(concernPausedEnding.length, "pairing paused because of a concern ends", "pairings paused because of a concern end")}. The concern stays open with the safeguarding lead.`,
      ids: concernPausedEnding.sort(byText),
    });
  }
  if (pastFinalYear.length > 0) {
    warnings.push({
      message: `${plural(pastFinalYear.length, "pupil on roll is", "pupils on roll are")} past Year ${facts.finalYearGroup} and will leave too. Check the school's final year group.`,
      ids: pastFinalYear.sort(byText),
    });
  }

  const plan = {
    leavers: leavers.sort((a, b) => byText(a.studentId, b.studentId)),
    accountsToDisable: accountsToDisable.sort(byText),
    pairingsToEnd: pairingsToEnd.sort((a, b) => byText(a.id, b.id)),
    placesToPause: placesToPause.sort((a, b) => byText(a.pairingId, b.pairingId) || byText(a.studentId, b.studentId)),
    programmesToClose: programmesToClose.sort(byText),
    programmesCarried: programmesCarried.sort(byText),
    warnings,
  };
  const basis = JSON.stringify({ newYearStartsOn: facts.newYearStartsOn, finalYearGroup: facts.finalYearGroup, ...plan });
  return { ...plan, fingerprint: createHash("sha256").update(basis).digest("hex") };
}
