import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "@/server/command";
import { addMentee, addMentor, createPairingRow, createStudent } from "@/server/factories";
import { checkInPeriodOn } from "@/lib/check-ins";
import { addDaysIso, formatPupilDate, fromDbDate, toDbDate } from "@/lib/dates";
import { actorFor } from "@/test-support/actors";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { auditEntriesBy } from "@/test-support/snapshot";
import { buildWorld, uniqueEmail, type RoleColumn } from "@/test-support/school";
import { ALREADY_SENT_MESSAGE, NOT_LIVE_MESSAGE, NOT_OPEN_MESSAGE, submitCheckIn } from "./commands";

type World = Awaited<ReturnType<typeof buildWorld>>;

const NO_RIGHT = /permission denied/;

/** The period that is open today for a pairing (every four weeks, the default). */
const openPeriod = (startsOn: Date, today: string) => checkInPeriodOn(fromDbDate(startsOn), 4, today)!.periodStart;

describe("submitCheckIn", () => {
  let world: World;
  let periodStart: string;
  beforeAll(async () => {
    world = await buildWorld();
    periodStart = openPeriod(world.a.pairing.startsOn, world.a.today);
  });
  const ids = () => [world.a.school.id, world.b.school.id];
  const menteeForm = (extra: Record<string, string> = {}) => ({
    pairingId: world.a.pairing.id,
    questionnaireKey: "mentee-check-in",
    periodStart,
    going: "2",
    note: "My mentor is kind but we missed a week (private)",
    ...extra,
  });
  const mentorForm = (extra: Record<string, string> = {}) => ({
    ...menteeForm(),
    questionnaireKey: "mentor-check-in",
    going: "4",
    note: "",
    ...extra,
  });

  /** A new 1:1 pairing in school `a` with pupils who can sign in. */
  async function newPair(options: { startsOn: string; status?: "TRIAL" | "ACTIVE" | "PAUSED" | "ENDED" }) {
    const { school, programme, today, staff } = world.a;
    const [mentor, mentee] = await Promise.all([
      createStudent(db, { schoolId: school.id, yearGroup: 10, today, account: { email: uniqueEmail("ci-mentor") } }),
      createStudent(db, { schoolId: school.id, yearGroup: 8, today, account: { email: uniqueEmail("ci-mentee") } }),
    ]);
    await Promise.all([
      addMentor(db, { schoolId: school.id, programmeId: programme.id, studentId: mentor.id }),
      addMentee(db, { schoolId: school.id, programmeId: programme.id, studentId: mentee.id }),
    ]);
    const pairing = await createPairingRow(db, {
      schoolId: school.id,
      programmeId: programme.id,
      createdById: staff.coordinator.id,
      mentorIds: [mentor.id],
      menteeIds: [mentee.id],
      status: options.status ?? "ACTIVE",
      startsOn: options.startsOn,
    });
    return { pairing, mentor: await actorFor(mentor.userId!), mentee: await actorFor(mentee.userId!) };
  }

  it.each<[RoleColumn, string]>([
    ["ADMIN", FORBIDDEN_MESSAGE],
    ["COORDINATOR", FORBIDDEN_MESSAGE],
    ["TEACHER", FORBIDDEN_MESSAGE],
    ["DSL", FORBIDDEN_MESSAGE],
    ["otherSchoolCoordinator", FORBIDDEN_MESSAGE],
    // A mentor of another pairing: the pairing is not theirs, so it is "not found".
    ["otherMentor", NOT_FOUND_MESSAGE],
  ])("is refused for %s and writes nothing", async (role, message) => {
    await expectRefusedWithoutWrites(submitCheckIn, world.actors[role], menteeForm(), ids(), message);
  });

  it("refuses a mentor answering the mentee's questionnaire, and a mentee the mentor's, as not found", async () => {
    await expectRefusedWithoutWrites(submitCheckIn, world.actors.MENTOR, menteeForm(), ids(), NOT_FOUND_MESSAGE);
    await expectRefusedWithoutWrites(submitCheckIn, world.actors.MENTEE, mentorForm(), ids(), NOT_FOUND_MESSAGE);
    const events = await db.securityEvent.findMany({
      where: { userId: world.actors.MENTOR.userId, kind: "access.not_found", detail: { path: ["command"], equals: "submitCheckIn" } },
    });
    expect(events.map((e) => (e.detail as { what: string }).what)).toContain("questionnaire not found");
  });

  it("says what to fix when the scale is not answered, and keeps what was typed", async () => {
    const result = await expectRefusedWithoutWrites(
      submitCheckIn,
      world.actors.MENTEE,
      menteeForm({ going: "", note: "Keep this" }),
      ids(),
      "Please check the highlighted fields.",
    );
    expect(result.fieldErrors).toEqual({ going: ["Choose how mentoring is going, from 1 to 5."] });
    expect(result.values).toMatchObject({ note: "Keep this", going: "" });
  });

  it("lets the mentee send their check-in: one response, its answers, and an audit entry without the answers", async () => {
    const actor = world.actors.MENTEE;
    const { result, changes } = await runCommand(submitCheckIn, actor, menteeForm(), ids());
    expect(result).toMatchObject({ ok: true, message: "Thank you! Your check-in is sent." });
    expect(changes).toEqual({ questionnaireResponses: 1, questionnaireAnswers: 2, auditLogs: 1 });

    const response = await db.questionnaireResponse.findFirstOrThrow({ where: { id: result.recordId! }, include: { answers: true } });
    expect(response).toMatchObject({
      schoolId: world.a.school.id,
      questionnaireKey: "mentee-check-in",
      pairingId: world.a.pairing.id,
      studentId: world.a.pupils.mentee.id,
      respondentRole: "MENTEE",
    });
    expect(fromDbDate(response.periodStart)).toBe(periodStart);
    expect(response.answers.map((a) => [a.questionKey, a.scaleValue, a.text]).sort()).toEqual([
      ["going", 2, ""],
      ["note", null, "My mentor is kind but we missed a week (private)"],
    ]);

    const [audit] = await auditEntriesBy(actor.userId, 1);
    expect(audit).toMatchObject({ action: "check-in.sent", recordType: "QuestionnaireResponse", recordId: response.id });
    expect(audit!.changes).toMatchObject({ questionnaireKey: "mentee-check-in", pairingId: world.a.pairing.id, periodStart });
    expect(JSON.stringify(audit!.changes)).not.toMatch(/private|"2"|scaleValue/);
  });

  it("is idempotent by the natural key: sending again says it was already sent and adds nothing", async () => {
    const again = await expectRefusedWithoutWrites(
      submitCheckIn,
      world.actors.MENTEE,
      menteeForm({ going: "5" }),
      ids(),
      ALREADY_SENT_MESSAGE,
    );
    expect(again.link).toEqual({ href: "/student", label: "Back to your page" });
    const responses = await db.questionnaireResponse.findMany({
      where: { pairingId: world.a.pairing.id, studentId: world.a.pupils.mentee.id },
      include: { answers: true },
    });
    expect(responses).toHaveLength(1);
    expect(responses[0]!.answers.find((a) => a.questionKey === "going")?.scaleValue).toBe(2);
  });

  it("lets the mentor send the mentor's check-in about the same pairing, on its own", async () => {
    const { result, changes } = await runCommand(submitCheckIn, world.actors.MENTOR, mentorForm(), ids());
    expect(result.ok, result.message).toBe(true);
    // An empty optional sentence is not stored.
    expect(changes).toEqual({ questionnaireResponses: 1, questionnaireAnswers: 1, auditLogs: 1 });
    const response = await db.questionnaireResponse.findFirstOrThrow({ where: { id: result.recordId! } });
    expect(response).toMatchObject({ questionnaireKey: "mentor-check-in", studentId: world.a.pupils.mentor.id, respondentRole: "MENTOR" });
  });

  it("gives one response when the same check-in is sent twice at once", async () => {
    const { pairing, mentee } = await newPair({ startsOn: addDaysIso(world.a.today, -30) });
    const form = { ...menteeForm(), pairingId: pairing.id, periodStart: openPeriod(pairing.startsOn, world.a.today) };
    const results = await Promise.all([submitCheckIn.run(mentee, form), submitCheckIn.run(mentee, form)]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)?.message).toBe(ALREADY_SENT_MESSAGE);
    expect(await db.questionnaireResponse.count({ where: { pairingId: pairing.id } })).toBe(1);
    expect(await db.questionnaireAnswer.count({ where: { response: { pairingId: pairing.id } } })).toBe(2);
  });

  it("refuses a check-in that is not open yet, saying when it opens", async () => {
    const { pairing, mentee } = await newPair({ startsOn: addDaysIso(world.a.today, -3) });
    const opens = addDaysIso(fromDbDate(pairing.startsOn), 28);
    for (const day of [fromDbDate(pairing.startsOn), opens]) {
      await expectRefusedWithoutWrites(
        submitCheckIn,
        mentee,
        { ...menteeForm(), pairingId: pairing.id, periodStart: day },
        ids(),
        `${NOT_OPEN_MESSAGE} The next one opens on ${formatPupilDate(opens, world.a.today)}.`,
      );
    }
  });

  it("refuses a check-in for a period that has closed: the new one is the one to send", async () => {
    const { pairing, mentee } = await newPair({ startsOn: addDaysIso(world.a.today, -60) });
    const closed = addDaysIso(fromDbDate(pairing.startsOn), 28);
    expect(openPeriod(pairing.startsOn, world.a.today)).toBe(addDaysIso(fromDbDate(pairing.startsOn), 56));
    await expectRefusedWithoutWrites(
      submitCheckIn,
      mentee,
      { ...menteeForm(), pairingId: pairing.id, periodStart: closed },
      ids(),
      `${NOT_OPEN_MESSAGE} A new one is ready: go back to your page to start it.`,
    );
  });

  it.each(["PAUSED", "ENDED"] as const)("refuses a check-in while the pairing is %s", async (status) => {
    const { pairing, mentee } = await newPair({ startsOn: addDaysIso(world.a.today, -30), status });
    await expectRefusedWithoutWrites(
      submitCheckIn,
      mentee,
      { ...menteeForm(), pairingId: pairing.id, periodStart: openPeriod(pairing.startsOn, world.a.today) },
      ids(),
      NOT_LIVE_MESSAGE,
    );
  });

  it("follows the programme's setting for how often", async () => {
    const { pairing, mentee } = await newPair({ startsOn: addDaysIso(world.a.today, -15) });
    const form = { ...menteeForm(), pairingId: pairing.id, periodStart: addDaysIso(fromDbDate(pairing.startsOn), 14) };
    await expectRefusedWithoutWrites(submitCheckIn, mentee, form, ids(), new RegExp(`^${NOT_OPEN_MESSAGE}`));
    await db.programme.update({
      where: { schoolId_id: { schoolId: world.a.school.id, id: world.a.programme.id } },
      data: { checkInEveryWeeks: 2 },
    });
    try {
      expect((await submitCheckIn.run(mentee, form)).ok).toBe(true);
    } finally {
      await db.programme.update({
        where: { schoolId_id: { schoolId: world.a.school.id, id: world.a.programme.id } },
        data: { checkInEveryWeeks: 4 },
      });
    }
  });

  it("keeps responses and answers append-only: the app's role cannot change or remove them", async () => {
    const response = await db.questionnaireResponse.findFirstOrThrow({
      where: { pairingId: world.a.pairing.id, respondentRole: "MENTEE" },
    });
    await expect(db.questionnaireAnswer.updateMany({ where: { responseId: response.id }, data: { scaleValue: 5 } })).rejects.toThrow(
      NO_RIGHT,
    );
    await expect(db.$executeRaw`UPDATE "QuestionnaireAnswer" SET "text" = '' WHERE "responseId" = ${response.id}`).rejects.toThrow(
      NO_RIGHT,
    );
    await expect(
      db.questionnaireResponse.updateMany({ where: { id: response.id }, data: { periodStart: toDbDate(world.a.today) } }),
    ).rejects.toThrow(NO_RIGHT);
    await expect(db.questionnaireAnswer.deleteMany({ where: { responseId: response.id } })).rejects.toThrow(NO_RIGHT);
    await expect(db.questionnaireResponse.deleteMany({ where: { id: response.id } })).rejects.toThrow(NO_RIGHT);
    const answers = await db.questionnaireAnswer.findMany({ where: { responseId: response.id } });
    expect(answers.find((a) => a.questionKey === "going")?.scaleValue).toBe(2);
  });
});
