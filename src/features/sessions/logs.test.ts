// Logging, phone first (issue 8): the fit check, who reads the notes, the supervising teacher, and the
// author's 7-day edit with every earlier version kept for the DSL and the coordinator.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { setPairingSlotRow } from "@/server/factories";
import { addDaysIso } from "@/lib/dates";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { expectNotFound } from "@/test-support/expectations";
import { buildWorld } from "@/test-support/school";
import { editSession, logSession } from "./commands";
import { getSessionForReader, listMySessionsAsMentee, listMySessionsAsMentor, listSupervisedThisWeek } from "./queries";
import { weeksInARow } from "./policy";

type World = Awaited<ReturnType<typeof buildWorld>>;

describe("logging a session", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
    await setPairingSlotRow(db, { schoolId: w.a.school.id, pairingId: w.a.pairing.id, weekday: 3, supervisorId: w.a.staff.teacher.id });
  });
  const ids = () => [w.a.school.id, w.b.school.id];
  const form = (extra: Record<string, string> = {}) => ({
    pairingId: w.a.pairing.id,
    heldOn: addDaysIso(w.a.today, -7),
    durationMinutes: "20",
    activityId: w.a.activityIds["Games"]!,
    notes: "STAFF-ONLY-NOTE about home",
    [`attendance_${w.a.pupils.mentee.id}`]: "PRESENT",
    ...extra,
  });

  it("asks the first session whether it felt like a good match, then keeps the answer", async () => {
    const refused = await expectRefusedWithoutWrites(
      logSession,
      w.actors.MENTOR,
      form(),
      ids(),
      "Say whether this felt like a good match.",
    );
    expect(refused.fieldErrors?.fitCheck).toEqual(["Say whether this felt like a good match."]);
    const { result } = await runCommand(logSession, w.actors.MENTOR, form({ fitCheck: "NOT_SURE", fitCheckNote: "Quiet at first" }), ids());
    expect(result.ok, result.message).toBe(true);
    const first = await db.mentoringSession.findFirstOrThrow({ where: { pairingId: w.a.pairing.id } });
    expect(first).toMatchObject({ fitCheck: "NOT_SURE", fitCheckNote: "Quiet at first", noteVisibility: "STAFF_ONLY", version: 1 });
  });

  it("shares notes with the mentee only when the mentor says so; a staff-only note never reaches the mentee", async () => {
    const { result } = await runCommand(
      logSession,
      w.actors.MENTOR,
      form({ heldOn: addDaysIso(w.a.today, -1), notes: "SHARED-NOTE: well done on the quiz", noteVisibility: "SHARED" }),
      ids(),
    );
    expect(result.ok, result.message).toBe(true);
    const seen = await listMySessionsAsMentee(w.actors.MENTEE);
    expect(seen.map((s) => s.sharedNotes)).toEqual(["SHARED-NOTE: well done on the quiz", ""]);
    expect(JSON.stringify(seen)).not.toContain("STAFF-ONLY-NOTE");
    // The mentor reads the notes they wrote, whoever they were for; a staff member's staff-only notes never.
    const mine = await listMySessionsAsMentor(w.actors.MENTOR);
    expect(mine.map((s) => s.notes)).toEqual(["SHARED-NOTE: well done on the quiz", "STAFF-ONLY-NOTE about home"]);
    await runCommand(logSession, w.actors.COORDINATOR, form({ heldOn: addDaysIso(w.a.today, -4), notes: "COORDINATOR-NOTE" }), ids());
    expect(JSON.stringify(await listMySessionsAsMentor(w.actors.MENTOR))).not.toContain("COORDINATOR-NOTE");
  });

  it("lets the supervising teacher log on the mentor's behalf, recorded as such; a teacher who does not supervise cannot", async () => {
    const { result } = await runCommand(logSession, w.actors.TEACHER, form({ heldOn: addDaysIso(w.a.today, -2) }), ids());
    expect(result).toMatchObject({ ok: true, message: "Session saved on the mentor's behalf." });
    const row = await db.mentoringSession.findFirstOrThrow({ where: { pairingId: w.a.pairing.id, loggedById: w.a.staff.teacher.id } });
    expect(row.onBehalfOfId).toBe(w.a.pupils.mentor.id);
    await db.pairing.update({ where: { schoolId_id: { schoolId: w.a.school.id, id: w.a.pairing.id } }, data: { supervisorId: null } });
    try {
      await expectRefusedWithoutWrites(logSession, w.actors.TEACHER, form({ heldOn: addDaysIso(w.a.today, -3) }), ids(), NOT_FOUND_MESSAGE);
    } finally {
      await db.pairing.update({
        where: { schoolId_id: { schoolId: w.a.school.id, id: w.a.pairing.id } },
        data: { supervisorId: w.a.staff.teacher.id },
      });
    }
    const supervised = await listSupervisedThisWeek(w.actors.TEACHER);
    expect(supervised.map((p) => p.id)).toEqual([w.a.pairing.id]);
    expect(await listSupervisedThisWeek(w.actors.DSL)).toEqual([]);
  });
});

describe("editing a session log", () => {
  let w: World;
  let sessionId: string;
  beforeAll(async () => {
    w = await buildWorld();
    await setPairingSlotRow(db, { schoolId: w.a.school.id, pairingId: w.a.pairing.id, weekday: 3, supervisorId: w.a.staff.teacher.id });
    const { result } = await runCommand(
      logSession,
      w.actors.MENTOR,
      {
        pairingId: w.a.pairing.id,
        heldOn: addDaysIso(w.a.today, -1),
        durationMinutes: "20",
        activityId: w.a.activityIds["Games"]!,
        notes: "DISCLOSURE: said they are scared at home",
        fitCheck: "YES",
        [`attendance_${w.a.pupils.mentee.id}`]: "PRESENT",
      },
      [w.a.school.id],
    );
    sessionId = (await db.mentoringSession.findFirstOrThrow({ where: { pairingId: w.a.pairing.id } })).id;
    expect(result.ok).toBe(true);
  });
  const ids = () => [w.a.school.id, w.b.school.id];
  const edit = (extra: Record<string, string> = {}) => ({
    sessionId,
    version: "1",
    heldOn: addDaysIso(w.a.today, -1),
    durationMinutes: "25",
    activityId: w.a.activityIds["Reading together"]!,
    notes: "All fine",
    fitCheck: "YES",
    [`attendance_${w.a.pupils.mentee.id}`]: "LATE",
    ...extra,
  });

  it("lets only its author edit it; another mentor, a coordinator or another school finds nothing", async () => {
    await expectRefusedWithoutWrites(editSession, w.actors.otherMentor, edit(), ids(), NOT_FOUND_MESSAGE);
    await expectRefusedWithoutWrites(editSession, w.actors.COORDINATOR, edit(), ids(), NOT_FOUND_MESSAGE);
    await expectRefusedWithoutWrites(editSession, w.actors.otherSchoolCoordinator, edit(), ids(), NOT_FOUND_MESSAGE);
  });

  it("keeps the version it replaces for good, audits the edit without the notes, and refuses a stale form", async () => {
    const { result, changes } = await runCommand(editSession, w.actors.MENTOR, edit(), ids());
    expect(result).toMatchObject({ ok: true, message: "Session updated. The earlier version is kept for staff." });
    expect(changes).toEqual({ sessionRevisions: 1, sessionEdits: 1, auditLogs: 1 });
    const now = await db.mentoringSession.findFirstOrThrow({ where: { id: sessionId }, include: { attendances: true, revisions: true } });
    expect(now).toMatchObject({ version: 2, notes: "All fine", durationMinutes: 25 });
    expect(now.attendances[0]!.attendance).toBe("LATE");
    expect(now.revisions).toHaveLength(1);
    expect(now.revisions[0]).toMatchObject({ version: 1, notes: "DISCLOSURE: said they are scared at home", durationMinutes: 20 });
    const auditRow = await db.auditLog.findFirstOrThrow({ where: { recordId: sessionId, action: "session.edited" } });
    expect(JSON.stringify(auditRow.changes)).not.toContain("All fine");
    // The same form again (version 1) is out of date now.
    await expectRefusedWithoutWrites(editSession, w.actors.MENTOR, edit({ notes: "Again" }), ids(), /changed after you opened it/);
  });

  it("makes the earlier versions impossible to change, even for the app's own database role", async () => {
    await expect(db.sessionRevision.updateMany({ where: { sessionId }, data: { notes: "erased" } })).rejects.toThrow();
    await expect(db.sessionRevision.deleteMany({ where: { sessionId } })).rejects.toThrow();
    expect((await db.sessionRevision.findFirstOrThrow({ where: { sessionId } })).notes).toContain("DISCLOSURE");
  });

  it("shows the history to the DSL and the coordinator (each view audited), not to the supervising teacher or a pupil", async () => {
    const before = await db.auditLog.count({ where: { recordId: sessionId, action: "session.history_viewed" } });
    const asDsl = await getSessionForReader(w.actors.DSL, sessionId);
    expect(asDsl.revisions.map((r) => r.notes)).toEqual(["DISCLOSURE: said they are scared at home"]);
    const asCoordinator = await getSessionForReader(w.actors.COORDINATOR, sessionId);
    expect(asCoordinator.revisions).toHaveLength(1);
    expect(await db.auditLog.count({ where: { recordId: sessionId, action: "session.history_viewed" } })).toBe(before + 2);
    const asTeacher = await getSessionForReader(w.actors.TEACHER, sessionId);
    expect(asTeacher).toMatchObject({ notes: "All fine", revisions: [] });
    const asAuthor = await getSessionForReader(w.actors.MENTOR, sessionId);
    expect(asAuthor).toMatchObject({ isEditable: true, revisions: [] });
    await expectNotFound(() => getSessionForReader(w.actors.MENTEE, sessionId));
    await expectNotFound(() => getSessionForReader(w.actors.otherMentor, sessionId));
    await expectNotFound(() => getSessionForReader(w.actors.ADMIN, sessionId));
    await expectNotFound(() => getSessionForReader(w.actors.otherSchoolCoordinator, sessionId));
  });

  it("locks a log 7 days after it was written", async () => {
    await db.$executeRaw`UPDATE "MentoringSession" SET "createdAt" = now() - interval '7 days 1 minute' WHERE "id" = ${sessionId}`;
    await expectRefusedWithoutWrites(editSession, w.actors.MENTOR, edit({ version: "2" }), ids(), /locked now/);
    expect((await getSessionForReader(w.actors.MENTOR, sessionId)).isEditable).toBe(false);
  });
});

describe("weeks in a row", () => {
  const calendar = { timezone: "Europe/London", terms: [], closures: [{ startsOn: "2026-10-26", endsOn: "2026-10-30" }], weekAStarts: [] };
  it("counts back from this week or last, skipping a half-term week and stopping at a missed school week", () => {
    const held = ["2026-11-25", "2026-11-18", "2026-11-11", "2026-11-04", "2026-10-21", "2026-10-07"];
    expect(weeksInARow(held, "2026-11-29", calendar)).toBe(5);
    expect(weeksInARow(held, "2026-12-02", calendar)).toBe(5);
    expect(weeksInARow(held, "2026-12-09", calendar)).toBe(0);
  });
});
