import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { requireRoleForRead } from "@/server/security-events";
import { pupilFullName } from "@/lib/ranking";
import { yearGroupOn } from "@/lib/year-group";
import { fromDbDate, type IsoDate } from "@/lib/dates";
import type { CalendarPeriodKind } from "@/lib/next-year-calendar";
import type { ProgrammeChoice } from "@/lib/rollover";
import { lastDayOfOldYear, loadRollover } from "./facts";

export type RolloverPreview =
  | { kind: "NO_YEAR" }
  | {
      kind: "READY";
      fromName: string;
      toName: string;
      newYearStartsOn: IsoDate;
      finalYearGroup: 11 | 13;
      alreadyRolledOver: boolean;
      leavers: { id: string; name: string; yearGroup: number; becomes: "ALUMNI" | "LEFT"; why: "FINAL_YEAR" | "LEAVING_DATE" }[];
      accountsClosing: number;
      pairingsEnding: { id: string; names: string; programme: string; reason: "PUPIL_LEFT" | "PROGRAMME_ENDED" }[];
      placesPaused: { pairingId: string; name: string; programme: string }[];
      programmes: { id: string; name: string; endsOn: IsoDate | null; choice: ProgrammeChoice }[];
      warnings: string[];
      /** Next year's dates: the draft the run will create, or the year the school already has. */
      calendar: {
        isNew: boolean;
        isDraft: boolean;
        periods: { kind: CalendarPeriodKind; name: string; startsOn: IsoDate; endsOn: IsoDate; check: boolean }[];
      };
      fingerprint: string;
    };

/** What running the rollover now would do, in names (admins only). */
export async function getRolloverPreview(
  actor: Actor,
  options: { finalYearGroup?: 11 | 13; choices?: Record<string, ProgrammeChoice> } = {},
): Promise<RolloverPreview> {
  await requireRoleForRead(actor, "ADMIN");
  const loaded = await loadRollover(db, actor.schoolId, options);
  if (loaded.kind === "NO_YEAR") return loaded;
  const { plan, facts, pupils, pairings, programmes } = loaded;
  const lastDay = lastDayOfOldYear(facts.newYearStartsOn);
  const nameOf = (id: string) => {
    const pupil = pupils.get(id);
    return pupil ? pupilFullName(pupil) : "A pupil";
  };
  const programmeName = (id: string) => programmes.get(id)?.name ?? "A closed programme";
  const closing = new Set(plan.programmesToClose);
  const nextPeriods = loaded.draft
    ? loaded.draft.periods.map((p) => ({ kind: p.kind, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, check: p.check }))
    : (
        await db.calendarPeriod.findMany({
          where: { schoolId: actor.schoolId, academicYearId: loaded.next!.id },
          orderBy: [{ startsOn: "asc" }, { kind: "asc" }],
          select: { kind: true, name: true, startsOn: true, endsOn: true },
        })
      ).map((p) => ({
        kind: p.kind,
        name: p.name,
        startsOn: fromDbDate(p.startsOn),
        endsOn: fromDbDate(p.endsOn),
        check: false,
      }));
  return {
    kind: "READY",
    fromName: loaded.from.name,
    toName: loaded.next?.name ?? loaded.draft!.year.name,
    newYearStartsOn: facts.newYearStartsOn,
    finalYearGroup: facts.finalYearGroup,
    alreadyRolledOver: loaded.alreadyRolledOver,
    leavers: plan.leavers
      .map((l) => ({
        id: l.studentId,
        name: nameOf(l.studentId),
        yearGroup: yearGroupOn(pupils.get(l.studentId)!.cohortYear, lastDay),
        becomes: l.becomes,
        why: l.why,
      }))
      .sort((a, b) => b.yearGroup - a.yearGroup || a.name.localeCompare(b.name, "en-GB")),
    accountsClosing: plan.accountsToDisable.length,
    pairingsEnding: plan.pairingsToEnd.map((p) => {
      const pairing = pairings.get(p.id)!;
      return {
        id: p.id,
        names: pairing.members.map((m) => nameOf(m.studentId)).join(", "),
        programme: programmeName(pairing.programmeId),
        reason: p.reason,
      };
    }),
    placesPaused: plan.placesToPause.map((p) => ({
      pairingId: p.pairingId,
      name: nameOf(p.studentId),
      programme: programmeName(pairings.get(p.pairingId)!.programmeId),
    })),
    programmes: [...programmes.entries()]
      .map(([id, p]) => ({ id, name: p.name, endsOn: p.endsOn, choice: (closing.has(id) ? "CLOSE" : "CARRY") as ProgrammeChoice }))
      .sort((a, b) => a.name.localeCompare(b.name, "en-GB")),
    warnings: plan.warnings.map((w) => w.message),
    calendar: { isNew: loaded.draft !== null, isDraft: loaded.next?.isDraft ?? true, periods: nextPeriods },
    fingerprint: plan.fingerprint,
  };
}
