import "server-only";
import { createHash } from "node:crypto";
import { addDaysIso, fromDbDate, formatPupilDate, todayIn } from "@/lib/dates";
import { isSatisfiedBy, occurrencesBetween } from "@/lib/occurrences";
import type { TodoKind } from "@/lib/todo";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { loadTodoRows } from "@/features/todo/load";
import { db, type Tx } from "@/server/db";
import { notify } from "@/server/notifications";
import { loadSchedules } from "@/server/schedules";
import { LIVE_MEMBERSHIP } from "@/server/account-access";
import { MAY_MENTOR } from "@/features/students/policy";

// The notifications issue 8 asks for (ADR 016): mentors are told about a session to log and a moved or
// cancelled meeting; coordinators about new to-do rows. They say what to do and where, never a pupil's
// name, notes, moods or check-ins. Each is made once per cause (its dedupe key).

/** Tells a pairing's pupils that one meeting moved or was cancelled (inside the command's transaction). */
export async function notifyMeetingChanged(
  tx: Tx,
  input: { schoolId: string; pairingId: string; changeId: string; message: string; timezone: string },
): Promise<number> {
  const members = await tx.pairingMember.findMany({
    // A mentee whose place is paused is not meeting for now, so is not told (ADR 022).
    where: {
      schoolId: input.schoolId,
      pairingId: input.pairingId,
      pausedAt: null,
      student: { userId: { not: null }, ...MAY_MENTOR },
    },
    select: { role: true, student: { select: { userId: true } } },
  });
  let made = 0;
  for (const m of members) {
    const row = await notify(tx, {
      schoolId: input.schoolId,
      userId: m.student.userId!,
      kind: "meeting.changed",
      message: input.message,
      link: m.role === "MENTOR" ? "/mentor" : "/student",
      dedupeKey: `meeting-changed:${input.changeId}`,
    });
    if (row) made += 1;
  }
  return made;
}

/** "Wednesday 2 December" for a pupil's message (the year only outside this school year). */
export const pupilDay = (day: string, timezone: string, now: Date = new Date()) => formatPupilDate(day, todayIn(timezone, now));

/**
 * Mentors whose planned meeting has ended in the last two days with nothing logged for its week (or
 * fortnight): "Time to log this week's mentoring session", linking to that pairing's form.
 */
export async function produceSessionToLog(now: Date = new Date(), options: { schoolIds?: string[] } = {}): Promise<number> {
  let made = 0;
  const schools = await db.school.findMany({ where: options.schoolIds ? { id: { in: options.schoolIds } } : {}, select: { id: true } });
  for (const school of schools) {
    const pairings = await db.pairing.findMany({
      where: { schoolId: school.id, status: { in: [...LIVE_STATUSES] }, slotId: { not: null } },
      select: {
        id: true,
        // Mentors who may still sign in: a pupil who left, or an alumnus no longer invited, is not asked.
        members: {
          where: { role: "MENTOR", student: { userId: { not: null }, ...MAY_MENTOR } },
          select: { student: { select: { userId: true } } },
        },
      },
    });
    if (pairings.length === 0) continue;
    const { calendar, schedules } = await loadSchedules(
      school.id,
      pairings.map((p) => p.id),
      db,
      now,
    );
    const today = todayIn(calendar.timezone, now);
    const held = await db.mentoringSession.findMany({
      where: {
        schoolId: school.id,
        pairingId: { in: pairings.map((p) => p.id) },
        heldOn: { gte: new Date(`${addDaysIso(today, -21)}T00:00:00Z`) },
      },
      select: { pairingId: true, heldOn: true },
    });
    for (const p of pairings) {
      const s = schedules.get(p.id);
      if (!s?.slot) continue;
      const days = held.filter((h) => h.pairingId === p.id).map((h) => fromDbDate(h.heldOn));
      const due = occurrencesBetween(s.slot, calendar, addDaysIso(today, -2), today, { skips: s.skips, exceptions: s.exceptions }).filter(
        (o) => o.endsAt <= now && !days.some((d) => isSatisfiedBy(o, d)),
      );
      for (const o of due) {
        for (const m of p.members) {
          const row = await db.$transaction((tx) =>
            notify(tx, {
              schoolId: school.id,
              userId: m.student.userId!,
              kind: "session.to_log",
              message: "Time to log this week's mentoring session.",
              link: `/mentor/log/${p.id}`,
              dedupeKey: `to-log:${p.id}:${o.plannedOn}`,
            }),
          );
          if (row) made += 1;
        }
      }
    }
  }
  return made;
}

const TODO_WORDS: Record<TodoKind, string> = {
  NOT_LOGGED: "a planned meeting was not logged",
  NO_FIRST_SESSION: "a new match has not met yet",
  FEW_EARLY: "a new match has met too little",
  QUIET_MONTH: "a pairing did not meet last month",
  ABSENT: "a mentee has missed sessions",
  FIT_CHECK: "a first session raised a doubt about the match",
  CHECK_IN: "a check-in needs a look",
  TRIAL_REVIEW: "a trial review is due",
  NO_SLOT: "a pairing has no regular slot",
};

/** Every coordinator of the school, for each to-do row not set aside and not told before: "A pairing needs you: …". */
export async function produceTodoNotifications(now: Date = new Date(), options: { schoolIds?: string[] } = {}): Promise<number> {
  let made = 0;
  const programmes = await db.programme.findMany({
    where: { status: "ACTIVE", ...(options.schoolIds ? { schoolId: { in: options.schoolIds } } : {}) },
    select: { id: true, schoolId: true },
  });
  for (const programme of programmes) {
    const { rows } = await loadTodoRows(programme.schoolId, programme.id, { now });
    const open = rows.filter((r) => !r.dismissal);
    if (open.length === 0) continue;
    const coordinators = await db.membership.findMany({
      where: { schoolId: programme.schoolId, roles: { has: "COORDINATOR" }, ...LIVE_MEMBERSHIP },
      select: { userId: true },
    });
    for (const row of open) {
      const cause = createHash("sha256").update(row.cause).digest("hex").slice(0, 32);
      const all = [...new Set(row.reasons.map((r) => TODO_WORDS[r.kind]))];
      const words = all.length > 3 ? `${all.slice(0, 3).join("; ")} and more` : all.join("; ");
      for (const c of coordinators) {
        const made1 = await db.$transaction((tx) =>
          notify(tx, {
            schoolId: programme.schoolId,
            userId: c.userId,
            kind: "todo.new",
            message: `A pairing needs you: ${words}.`,
            link: `/coordinator/pairings/${row.pairingId}`,
            dedupeKey: `todo:${row.pairingId}:${cause}`,
          }),
        );
        if (made1) made += 1;
      }
    }
  }
  return made;
}
