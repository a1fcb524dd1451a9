// Writes that hold under concurrency (ADR 010): double submits and races give one row and a clear
// message, never a second row or an error page; status changes never lose to a race; waiting for a
// lock ends in seconds with a message that names what is busy.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { BUSY_MESSAGE, EXPIRED_FORM_MESSAGE, NOT_FOUND_MESSAGE, UNEXPECTED_MESSAGE } from "@/server/command";
import { addMentee, createStudent } from "@/server/factories";
import { formatPupilDate } from "@/lib/dates";
import { actorFor } from "@/test-support/actors";
import { buildSchool, logSessionForm } from "@/test-support/school";
import { addKeepApart } from "./keep-apart/commands";
import { changePairingStatus, createPairing } from "./pairings/commands";
import { awardPoints, reversePoints } from "./points/commands";
import { recordReview } from "./reviews/commands";
import { logSession } from "./sessions/commands";

const times = <T>(n: number, make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i)));

describe("duplicate writes", () => {
  it("20 identical session logs at once make one session; the others say it is already logged and link to it", async () => {
    const s = await buildSchool();
    const mentor = await actorFor(s.pupils.mentor.userId!);
    const form = logSessionForm(s);
    const results = await times(20, () => logSession.run(mentor, form));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const sessions = await db.mentoringSession.findMany({ where: { pairingId: s.pairing.id } });
    expect(sessions).toHaveLength(1);
    const already = `A session on ${formatPupilDate(s.today, s.today)} is already logged, so nothing new was saved.`;
    for (const refused of results.filter((r) => !r.ok)) {
      expect(refused.message).toBe(already);
      expect(refused.link).toEqual({ href: `/mentor?session=${sessions[0]!.id}#session-${sessions[0]!.id}`, label: "See that session" });
    }
    expect(await db.sessionAttendance.count({ where: { sessionId: sessions[0]!.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "session.logged", recordId: sessions[0]!.id } })).toBe(1);
  });

  it("one more tap on Save after “Session saved” logs nothing new", async () => {
    const s = await buildSchool();
    const mentor = await actorFor(s.pupils.mentor.userId!);
    const form = logSessionForm(s);
    expect((await logSession.run(mentor, form)).ok).toBe(true);
    const again = await logSession.run(mentor, form);
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/already logged/) });
    expect(await db.mentoringSession.count({ where: { pairingId: s.pairing.id } })).toBe(1);
  });

  it("20 identical point awards from one form at once make one set of entries; every answer is the first one's", async () => {
    const s = await buildSchool();
    const teacher = await actorFor(s.staff.teacher);
    const form = {
      programmeId: s.programme.id,
      studentIds: [s.pupils.mentee.id, s.pupils.mentor.id],
      amount: "2",
      categoryId: s.categoryIds.Effort!,
      reason: "Double tap test",
      idempotencyKey: randomUUID(),
    };
    const results = await times(20, () => awardPoints.run(teacher, form));
    for (const result of results) expect(result).toMatchObject({ ok: true, message: "2 points given to 2 pupils." });
    expect(await db.pointEntry.count({ where: { schoolId: s.school.id, reason: "Double tap test" } })).toBe(2);
    expect(await db.auditLog.count({ where: { schoolId: s.school.id, action: "points.awarded" } })).toBe(2);
    // After each success the form gets a fresh key, so the next award is a new one.
    const keys = new Set(results.map((r) => r.idempotencyKey));
    expect(keys.size).toBe(20);
    expect(keys.has(form.idempotencyKey)).toBe(false);
    const next = await awardPoints.run(teacher, { ...form, idempotencyKey: results[0]!.idempotencyKey });
    expect(next.ok).toBe(true);
    expect(await db.pointEntry.count({ where: { schoolId: s.school.id, reason: "Double tap test" } })).toBe(4);
  });

  it("a replayed key returns the first result and writes nothing; a refused run leaves the key free", async () => {
    const s = await buildSchool();
    const coordinator = await actorFor(s.staff.coordinator);
    const key = randomUUID();
    const bad = await recordReview.run(coordinator, {
      pairingId: s.pairing.id,
      heldOn: "2099-01-01",
      progress: "3",
      decision: "CONTINUE",
      idempotencyKey: key,
    });
    expect(bad.ok).toBe(false);
    const form = { pairingId: s.pairing.id, heldOn: s.today, progress: "3", decision: "CONTINUE", notes: "", idempotencyKey: key };
    const first = await recordReview.run(coordinator, form);
    expect(first).toMatchObject({ ok: true, message: "Review saved." });
    const replay = await recordReview.run(coordinator, form);
    expect(replay).toMatchObject({ ok: true, message: "Review saved.", recordId: first.recordId });
    expect(await db.review.count({ where: { pairingId: s.pairing.id } })).toBe(1);
  });

  it("a create without its key, or with a key already used for something else, is refused and writes nothing", async () => {
    const s = await buildSchool();
    const coordinator = await actorFor(s.staff.coordinator);
    const form = {
      programmeId: s.programme.id,
      studentIds: s.pupils.mentee.id,
      amount: "1",
      categoryId: s.categoryIds.Effort!,
      reason: "No key",
    };
    expect(await awardPoints.run(coordinator, form)).toMatchObject({ ok: false, message: EXPIRED_FORM_MESSAGE });
    const key = randomUUID();
    expect(
      (
        await recordReview.run(coordinator, {
          pairingId: s.pairing.id,
          heldOn: s.today,
          progress: "3",
          decision: "CONTINUE",
          idempotencyKey: key,
        })
      ).ok,
    ).toBe(true);
    expect(await awardPoints.run(coordinator, { ...form, idempotencyKey: key })).toMatchObject({
      ok: false,
      message: EXPIRED_FORM_MESSAGE,
    });
    expect(await db.pointEntry.count({ where: { schoolId: s.school.id, reason: "No key" } })).toBe(0);
  });

  it("two keep-apart adds of one pair at once make one row; the other says so", async () => {
    const s = await buildSchool();
    const [coordinator, dsl] = await Promise.all([actorFor(s.staff.coordinator), actorFor(s.staff.dsl)]);
    const form = { studentAId: s.pupils.spareMentee.id, studentBId: s.pupils.otherMentor.id, reason: "Race test" };
    const results = await times(10, (i) => addKeepApart.run(i % 2 ? coordinator : dsl, form));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) expect(refused.message).toBe("These two pupils are already kept apart.");
    expect(await db.keepApart.count({ where: { schoolId: s.school.id, reason: "Race test" } })).toBe(1);
  });
});

describe("status races", () => {
  it("“Ended (safeguarding)” and “Paused” sent together: ENDED stays final with its reason, every time", async () => {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const s = await buildSchool();
      const coordinator = await actorFor(s.staff.coordinator);
      const [ended, paused] = await Promise.all([
        changePairingStatus.run(coordinator, { pairingId: s.pairing.id, status: "ENDED", closureReason: "SAFEGUARDING" }),
        changePairingStatus.run(coordinator, { pairingId: s.pairing.id, status: "PAUSED" }),
      ]);
      expect(ended.ok, ended.message).toBe(true);
      const row = await db.pairing.findFirstOrThrow({ where: { id: s.pairing.id } });
      expect(row).toMatchObject({ status: "ENDED", closureReason: "SAFEGUARDING" });
      // The audit rows tell the true story: each change records the status it really changed from.
      const audits = await db.auditLog.findMany({
        where: { recordId: s.pairing.id, action: "pairing.status_changed" },
        orderBy: { at: "asc" },
      });
      if (paused.ok)
        expect(audits.map((a) => a.changes)).toEqual([
          { from: "ACTIVE", status: "PAUSED" },
          { from: "PAUSED", status: "ENDED", closureReason: "SAFEGUARDING" },
        ]);
      else expect(audits.map((a) => a.changes)).toEqual([{ from: "ACTIVE", status: "ENDED", closureReason: "SAFEGUARDING" }]);
      const reactivate = await changePairingStatus.run(coordinator, { pairingId: s.pairing.id, status: "ACTIVE" });
      expect(reactivate).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be restarted/) });
    }
  });

  it("the database itself refuses to change an ended pairing, whatever the app does", async () => {
    const s = await buildSchool();
    await db.pairing.updateMany({ where: { id: s.pairing.id }, data: { status: "ENDED", closureReason: "GOALS_MET" } });
    await expect(db.pairing.updateMany({ where: { id: s.pairing.id }, data: { status: "PAUSED" } })).rejects.toThrow(
      /ended pairing cannot be changed/,
    );
    await expect(db.$executeRaw`UPDATE "Pairing" SET "closureReason" = NULL WHERE "id" = ${s.pairing.id}`).rejects.toThrow(
      /ended pairing cannot be changed/,
    );
    // Other columns (a name) may still change.
    await expect(db.pairing.updateMany({ where: { id: s.pairing.id }, data: { name: "Renamed" } })).resolves.toEqual({ count: 1 });
    expect((await db.pairing.findFirstOrThrow({ where: { id: s.pairing.id } })).status).toBe("ENDED");
  });
});

describe("contention", () => {
  it("20 pairings for one mentor at once: capacity holds, and every refusal is a clear message", async () => {
    const s = await buildSchool();
    const coordinator = await actorFor(s.staff.coordinator);
    // The spare mentor has room for one; 20 waiting mentees each ask for them.
    const mentees = await times(20, () => createStudent(db, { schoolId: s.school.id, yearGroup: 7, today: s.today }));
    await Promise.all(mentees.map((m) => addMentee(db, { schoolId: s.school.id, programmeId: s.programme.id, studentId: m.id })));
    const results = await times(20, (i) =>
      createPairing.run(coordinator, {
        programmeId: s.programme.id,
        kind: "ONE_TO_ONE",
        mentorIds: s.pupils.spareMentor.id,
        menteeIds: mentees[i]!.id,
        startsOn: s.today,
        idempotencyKey: randomUUID(),
      }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) {
      expect(refused.message).not.toBe(UNEXPECTED_MESSAGE);
      expect(refused.message).toMatch(/can support 1 mentee at once and already has 1|Someone else is changing this mentor's pairings/);
    }
    expect(await db.pairingMember.count({ where: { studentId: s.pupils.spareMentor.id, role: "MENTOR" } })).toBe(1);
  });

  it("a lock held by someone else ends in seconds with a message naming what is busy", async () => {
    const s = await buildSchool();
    const coordinator = await actorFor(s.staff.coordinator);
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Pairing" WHERE id = ${s.pairing.id} FOR UPDATE`;
        locked();
        await held;
      },
      { timeout: 30_000 },
    );
    // Only once the row is really locked (on a busy machine the holder's query can come second).
    await isLocked;
    try {
      const started = Date.now();
      const result = await changePairingStatus.run(coordinator, { pairingId: s.pairing.id, status: "PAUSED" });
      expect(result).toMatchObject({
        ok: false,
        message: "Someone else is changing this pairing at the same moment, so nothing was saved. Please try again.",
      });
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      release();
      await holder;
    }
    expect((await db.pairing.findFirstOrThrow({ where: { id: s.pairing.id } })).status).toBe("ACTIVE");
  });
});

describe("natural keys", () => {
  it("two corrections of one point entry at once make one correction; the other says it is already corrected", async () => {
    const s = await buildSchool();
    const coordinator = await actorFor(s.staff.coordinator);
    const results = await times(10, () => reversePoints.run(coordinator, { entryId: s.pointEntry.id, reason: "Given by mistake" }));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) expect(refused.message).toBe("This entry has already been corrected.");
    expect(await db.pointEntry.count({ where: { reversesId: s.pointEntry.id } })).toBe(1);
  });
});

describe("who may be together, under races", () => {
  it("a keep-apart added while the same two are being paired: the pair is refused, or the keep-apart says they are together", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const s = await buildSchool();
      const [coordinator, dsl] = await Promise.all([actorFor(s.staff.coordinator), actorFor(s.staff.dsl)]);
      const [paired, kept] = await Promise.all([
        createPairing.run(coordinator, {
          programmeId: s.programme.id,
          kind: "ONE_TO_ONE",
          mentorIds: s.pupils.spareMentor.id,
          menteeIds: s.pupils.spareMentee.id,
          startsOn: s.today,
          idempotencyKey: randomUUID(),
        }),
        addKeepApart.run(dsl, { studentAId: s.pupils.spareMentor.id, studentBId: s.pupils.spareMentee.id, reason: "Race" }),
      ]);
      expect(kept.ok, kept.message).toBe(true);
      if (paired.ok) expect(kept.message).toMatch(/They are in a pairing together now: end it; it cannot go on\./);
      else expect(paired.message).toMatch(/must be kept apart/);
    }
  });

  it("a pairing whose pupils are now kept apart cannot go on: not from a pause, not from its trial", async () => {
    const s = await buildSchool();
    const coordinator = await actorFor(s.staff.coordinator);
    await db.pairing.updateMany({ where: { id: s.otherPairing.id }, data: { status: "TRIAL" } });
    await db.pairing.updateMany({ where: { id: s.pairing.id }, data: { status: "PAUSED" } });
    const [mentor, mentee, otherMentor, otherMentee] = [s.pupils.mentor, s.pupils.mentee, s.pupils.otherMentor, s.pupils.otherMentee].map(
      (p) => p.id,
    ) as [string, string, string, string];
    await db.keepApart.createMany({
      data: [
        {
          schoolId: s.school.id,
          studentAId: [mentor, mentee].sort()[0]!,
          studentBId: [mentor, mentee].sort()[1]!,
          reason: "x",
          createdById: s.staff.dsl.id,
        },
        {
          schoolId: s.school.id,
          studentAId: [otherMentor, otherMentee].sort()[0]!,
          studentBId: [otherMentor, otherMentee].sort()[1]!,
          reason: "x",
          createdById: s.staff.dsl.id,
        },
      ],
    });
    for (const pairingId of [s.pairing.id, s.otherPairing.id]) {
      const result = await changePairingStatus.run(coordinator, { pairingId, status: "ACTIVE" });
      expect(result).toMatchObject({
        ok: false,
        message: expect.stringMatching(/must now be kept apart, so this pairing cannot go on\. End it instead\./),
      });
    }
    expect(
      (await changePairingStatus.run(coordinator, { pairingId: s.pairing.id, status: "ENDED", closureReason: "SAFEGUARDING" })).ok,
    ).toBe(true);
  });

  it("a session is not logged against a pairing ended at the same moment", async () => {
    const s = await buildSchool();
    const mentor = await actorFor(s.pupils.mentor.userId!);
    const form = logSessionForm(s);
    let logging: ReturnType<typeof logSession.run> | undefined;
    await db.$transaction(
      async (tx) => {
        // The end is written but not committed when the mentor saves; it commits while the save waits.
        await tx.$queryRaw`SELECT id FROM "Pairing" WHERE id = ${s.pairing.id} FOR UPDATE`;
        await tx.pairing.updateMany({ where: { id: s.pairing.id }, data: { status: "ENDED", closureReason: "SAFEGUARDING" } });
        logging = logSession.run(mentor, form);
        await new Promise((resolve) => setTimeout(resolve, 500));
      },
      { timeout: 10_000 },
    );
    expect(await logging).toMatchObject({ ok: false, message: NOT_FOUND_MESSAGE });
    expect(await db.mentoringSession.count({ where: { pairingId: s.pairing.id } })).toBe(0);
  });
});

describe("replays and busy pools", () => {
  it("the same key with other answers is a stale form, not a replay", async () => {
    const s = await buildSchool();
    const teacher = await actorFor(s.staff.teacher);
    const key = randomUUID();
    const form = {
      programmeId: s.programme.id,
      studentIds: s.pupils.mentee.id,
      amount: "1",
      categoryId: s.categoryIds.Effort!,
      reason: "First answers",
      idempotencyKey: key,
    };
    expect((await awardPoints.run(teacher, form)).ok).toBe(true);
    expect(await awardPoints.run(teacher, { ...form, amount: "5" })).toMatchObject({ ok: false, message: EXPIRED_FORM_MESSAGE });
    expect(await db.pointEntry.count({ where: { schoolId: s.school.id, reason: "First answers" } })).toBe(1);
  });

  it("when no connection comes free, a command says PeerPath is busy within seconds", async () => {
    const s = await buildSchool();
    const coordinator = await actorFor(s.staff.coordinator);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Every connection of this process's pool is taken by a transaction that waits.
    const holders = Array.from({ length: 10 }, () => db.$transaction(() => held, { timeout: 60_000, maxWait: 60_000 }));
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const started = Date.now();
      const result = await changePairingStatus.run(coordinator, { pairingId: s.pairing.id, status: "PAUSED" });
      expect(result).toMatchObject({ ok: false, message: BUSY_MESSAGE });
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      release();
      await Promise.all(holders);
    }
  });
});
