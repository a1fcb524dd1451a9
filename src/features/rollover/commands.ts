import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { toDbDate } from "@/lib/dates";
import type { AuditEntry } from "@/server/audit";
import { endLivePauses } from "@/features/pairings/pause";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { markPupilsLeft } from "@/features/students/leaving";
import { loadRollover } from "./facts";
import { runRolloverSchema } from "./schemas";
import { lockSchool } from "@/server/locks";

export const ALREADY_ROLLED_OVER = "This school year has already been rolled over.";
export const STALE_ROLLOVER =
  "Pupils, pairings or programmes have changed since you looked at the preview, so nothing was done. Look at the preview again, then run the rollover.";
export const NO_SCHOOL_YEAR = "Add this school year to the calendar first: the rollover starts from it.";

/**
 * Runs the new school year (issue 11, plan §7): the plan the admin previewed, in one transaction under
 * the school's row lock. Programmes closing end their pairings first ("programme ended"), then leavers
 * leave (ending or pausing their pairings, closing their accounts), then those programmes close; next
 * year's calendar is created as a draft for the admin to check and confirm. Once per school year.
 */
export const runRollover = defineCommand(
  {
    name: "runRollover",
    schema: runRolloverSchema,
    allow: ["ADMIN"],
    alreadyExists: ALREADY_ROLLED_OVER,
    transaction: { timeoutMs: 60_000, statementTimeout: "30s" },
  },
  async (input, { tx, actor, audit, auditMany, contention }) => {
    contention("Someone else is changing the school years at the same moment, so nothing was done. Please try again.");
    if (!(await lockSchool(tx, actor.schoolId))) throw new NotFoundError("school");
    const open = await tx.programme.findMany({ where: { schoolId: actor.schoolId, status: { not: "CLOSED" } }, select: { id: true } });
    const closing = new Set(input.close);
    const choices = Object.fromEntries(open.map((p) => [p.id, closing.has(p.id) ? ("CLOSE" as const) : ("CARRY" as const)]));
    const loaded = await loadRollover(tx, actor.schoolId, { finalYearGroup: input.finalYearGroup, choices });
    if (loaded.kind === "NO_YEAR") throw new RuleError(NO_SCHOOL_YEAR);
    if (loaded.alreadyRolledOver) throw new RuleError(ALREADY_ROLLED_OVER);
    const { plan, from } = loaded;
    if (plan.fingerprint !== input.basis) throw new RuleError(STALE_ROLLOVER);
    // Leavers leave, and pairings end, on the old year's last day.
    const leftOn = from.endsOn;

    await tx.school.update({ where: { id: actor.schoolId }, data: { finalYearGroup: input.finalYearGroup } });
    let draftYearId: string | null = null;
    if (loaded.draft) {
      const { year, periods } = loaded.draft;
      draftYearId = (
        await tx.academicYear.create({
          data: {
            schoolId: actor.schoolId,
            name: year.name,
            startYear: year.startYear,
            startsOn: toDbDate(year.startsOn),
            endsOn: toDbDate(year.endsOn),
            confirmedAt: null,
          },
          select: { id: true },
        })
      ).id;
      await tx.calendarPeriod.createMany({
        data: periods.map((p) => ({
          schoolId: actor.schoolId,
          academicYearId: draftYearId!,
          kind: p.kind,
          name: p.name,
          startsOn: toDbDate(p.startsOn),
          endsOn: toDbDate(p.endsOn),
        })),
      });
    }

    // Programmes closing: their pairings end first (as changeProgrammeStatus requires), in id order.
    const programmeEnded = plan.pairingsToEnd.filter((p) => p.reason === "PROGRAMME_ENDED").map((p) => p.id);
    for (const pairingId of programmeEnded) {
      const updated = await tx.pairing.updateMany({
        where: { schoolId: actor.schoolId, id: pairingId, status: { not: "ENDED" } },
        data: { status: "ENDED", closureReason: "PROGRAMME_ENDED", endsOn: toDbDate(leftOn) },
      });
      if (updated.count !== 1) throw new RuleError(STALE_ROLLOVER);
      await endLivePauses(tx, { schoolId: actor.schoolId, pairingId, endedById: actor.userId, placesToo: true });
    }
    const left = await markPupilsLeft(tx, { schoolId: actor.schoolId, leaving: plan.leavers, leftOn, byUserId: actor.userId });
    for (const programmeId of plan.programmesToClose) {
      const live = await tx.pairing.count({
        where: { schoolId: actor.schoolId, programmeId, status: { in: [...LIVE_STATUSES, "PAUSED"] } },
      });
      if (live > 0) throw new RuleError(STALE_ROLLOVER);
      const closed = await tx.programme.updateMany({
        where: { schoolId: actor.schoolId, id: programmeId, status: { not: "CLOSED" } },
        data: { status: "CLOSED", version: { increment: 1 } },
      });
      if (closed.count !== 1) throw new RuleError(STALE_ROLLOVER);
    }

    const summary = {
      fromName: from.name,
      toStartYear: from.startYear + 1,
      finalYearGroup: input.finalYearGroup,
      leavers: plan.leavers.length,
      alumni: plan.leavers.filter((l) => l.becomes === "ALUMNI").length,
      accountsClosed: left.accountsClosed.length,
      pairingsEnded: programmeEnded.length + left.pairingsEnded.length,
      placesPaused: left.placesPaused.length,
      programmesClosed: plan.programmesToClose.length,
      programmesCarried: plan.programmesCarried.length,
      draftYearId,
    };
    const rollover = await tx.schoolRollover.create({
      data: { schoolId: actor.schoolId, fromStartYear: from.startYear, toStartYear: from.startYear + 1, summary, ranById: actor.userId },
      select: { id: true },
    });
    const entries: AuditEntry[] = [
      ...plan.leavers.map((l) => ({
        action: "student.left",
        recordType: "Student",
        recordId: l.studentId,
        changes: { status: l.becomes, leftOn, why: l.why },
      })),
      ...plan.pairingsToEnd.map((p) => ({
        action: "pairing.status_changed",
        recordType: "Pairing",
        recordId: p.id,
        changes: { status: "ENDED", closureReason: p.reason },
      })),
      ...left.placesPaused.map((p) => ({
        action: "pairing.place_paused",
        recordType: "Pairing",
        recordId: p.pairingId,
        changes: { studentId: p.studentId, source: "LEFT_SCHOOL" },
      })),
      ...plan.programmesToClose.map((id) => ({
        action: "programme.closed",
        recordType: "Programme",
        recordId: id,
        changes: { status: "CLOSED" },
      })),
    ];
    if (entries.length > 0) await auditMany(entries);
    await audit({ action: "school.rolled_over", recordType: "SchoolRollover", recordId: rollover.id, changes: summary });
    const alumni = summary.alumni;
    return {
      message: `${from.name} is rolled over: ${summary.leavers} ${summary.leavers === 1 ? "pupil has" : "pupils have"} left (${alumni} as alumni). Check next year's dates on the calendar, then confirm them.`,
      recordId: rollover.id,
      link: { href: "/admin/calendar", label: "Check next year's dates" },
    };
  },
);
