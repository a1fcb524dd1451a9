// The coordinator's programmes (ADR 015): created once per form, edited only from a current form,
// closed only without live pairings, and skipped weeks kept inside the programme and the school year.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { academicCalendar, createProgramme as createProgrammeRow } from "@/server/factories";
import { addDaysIso, formatStaffDate, fromDbDate, todayIn } from "@/lib/dates";
import { actorFor } from "@/test-support/actors";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { buildSchool, type TestSchool } from "@/test-support/school";
import { changePairingStatus, createPairing } from "@/features/pairings/commands";
import { addProgrammeSkip, changeProgrammeStatus, createProgramme, removeProgrammeSkip, updateProgramme } from "./commands";
import { STALE_PROGRAMME_MESSAGE } from "./locks";

const year = academicCalendar(todayIn("Europe/London"));
const y = year.startYear;

/** The settings form as the page sends it: every field, as strings. */
async function settingsForm(programmeId: string, changes: Record<string, string> = {}) {
  const p = await db.programme.findFirstOrThrow({ where: { id: programmeId } });
  return {
    programmeId: p.id,
    version: String(p.version),
    name: p.name,
    focusAreas: p.focusAreas,
    format: p.format,
    cadence: p.cadence,
    sessionMinutes: String(p.sessionMinutes),
    startsOn: fromDbDate(p.startsOn),
    endsOn: p.endsOn ? fromDbDate(p.endsOn) : "",
    defaultWeekday: p.defaultWeekday ? String(p.defaultWeekday) : "",
    defaultSlotId: p.defaultSlotId ?? "",
    defaultPlace: p.defaultPlace,
    minYearGap: String(p.minYearGap),
    maxYearGap: String(p.maxYearGap),
    groupSize: String(p.groupSize),
    ...(p.isTrainingRequired ? { isTrainingRequired: "on" } : {}),
    todoLogGraceDays: String(p.todoLogGraceDays),
    todoFirstSessionDays: String(p.todoFirstSessionDays),
    todoFirstWeeks: String(p.todoFirstWeeks),
    todoFirstWeeksSessions: String(p.todoFirstWeeksSessions),
    todoAbsentRun: String(p.todoAbsentRun),
    todoCheckInLow: String(p.todoCheckInLow),
    todoCheckInChange: String(p.todoCheckInChange),
    checkInEveryWeeks: String(p.checkInEveryWeeks),
    ...changes,
  };
}

describe("programmes", () => {
  let s: TestSchool;
  let other: TestSchool;
  let coordinator: Actor;
  let otherCoordinator: Actor;
  let schools: string[];
  /** A programme for this school year, with its own dates. */
  const newProgramme = (extra: { endsOn?: string | null } = {}) =>
    createProgrammeRow(db, { schoolId: s.school.id, startsOn: year.startsOn }).then((p) =>
      extra.endsOn === null
        ? p
        : db.programme.update({
            where: { schoolId_id: { schoolId: s.school.id, id: p.id } },
            data: { endsOn: new Date(`${extra.endsOn ?? year.endsOn}T00:00:00Z`) },
          }),
    );

  beforeAll(async () => {
    [s, other] = await Promise.all([buildSchool({ withCalendar: true }), buildSchool({ withCalendar: true })]);
    [coordinator, otherCoordinator] = await Promise.all([actorFor(s.staff.coordinator), actorFor(other.staff.coordinator)]);
    schools = [s.school.id, other.school.id];
  });

  describe("create", () => {
    const form = () => ({
      name: "Year 7 transition",
      focusAreas: ["TRANSITION", "WELLBEING"],
      format: "ONE_TO_ONE",
      cadence: "FORTNIGHTLY",
      sessionMinutes: "25",
      startsOn: year.startsOn,
      endsOn: year.endsOn,
      idempotencyKey: randomUUID(),
    });

    it("creates a draft once per form, however often the form is sent, and audits it", async () => {
      const sent = form();
      const first = await runCommand(createProgramme, coordinator, sent, schools);
      expect(first.result).toMatchObject({
        ok: true,
        message: "Created Year 7 transition. Choose its sessions, matching rules and to-dos, then start it.",
        link: { href: `/coordinator/programmes/${first.result.recordId}` },
      });
      expect(first.changes).toEqual({ programmes: 1, auditLogs: 1, idempotencyKeys: 1 });
      const row = await db.programme.findFirstOrThrow({ where: { schoolId: s.school.id, id: first.result.recordId! } });
      expect(row).toMatchObject({
        status: "DRAFT",
        version: 1,
        cadence: "FORTNIGHTLY",
        sessionMinutes: 25,
        focusAreas: ["TRANSITION", "WELLBEING"],
      });

      const again = await runCommand(createProgramme, coordinator, sent, schools);
      expect(again.result).toMatchObject({ ok: true, message: first.result.message, recordId: first.result.recordId });
      expect(again.changes).toEqual({});

      const racing = { ...form(), name: "Racing programme" };
      const results = await Promise.all([1, 2, 3].map(() => createProgramme.run(coordinator, racing)));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await db.programme.count({ where: { schoolId: s.school.id, name: "Racing programme" } })).toBe(1);
    });

    it("refuses a form without its key, dates out of order or out of range, and no focus area, field by field", async () => {
      await expectRefusedWithoutWrites(createProgramme, coordinator, { ...form(), idempotencyKey: null }, schools, /out of date/);
      const backwards = await expectRefusedWithoutWrites(
        createProgramme,
        coordinator,
        { ...form(), endsOn: addDaysIso(year.startsOn, -1) },
        schools,
        "Please check the highlighted fields.",
      );
      expect(backwards.fieldErrors).toEqual({ endsOn: ["The last day must be after the first day."] });
      const ancient = await expectRefusedWithoutWrites(
        createProgramme,
        coordinator,
        { ...form(), startsOn: "1990-09-01" },
        schools,
        /^Choose a date from /,
      );
      expect(ancient.fieldErrors?.startsOn?.[0]).toMatch(/^Choose a date from /);
      const aimless = await expectRefusedWithoutWrites(
        createProgramme,
        coordinator,
        { ...form(), focusAreas: [] },
        schools,
        "Please check the highlighted fields.",
      );
      expect(aimless.fieldErrors).toEqual({ focusAreas: ["Choose at least one focus area: it is what the programme is for."] });
    });
  });

  describe("edit", () => {
    it("saves every setting, bumps the version and audits what changed from what", async () => {
      const p = await newProgramme();
      const lunch = await db.schoolSlot.findFirstOrThrow({ where: { schoolId: s.school.id, key: "LUNCH" } });
      const sent = await settingsForm(p.id, {
        name: "Renamed programme",
        defaultWeekday: "3",
        defaultSlotId: lunch.id,
        defaultPlace: "Library",
        minYearGap: "2",
        maxYearGap: "3",
        todoLogGraceDays: "3",
        todoFirstWeeks: "6",
        todoFirstWeeksSessions: "4",
        checkInEveryWeeks: "6",
      });
      const { result, changes } = await runCommand(updateProgramme, coordinator, sent, schools);
      expect(result).toMatchObject({ ok: true, message: "Saved Renamed programme's settings." });
      expect(changes).toEqual({ auditLogs: 1 });
      const saved = await db.programme.findFirstOrThrow({ where: { id: p.id } });
      expect(saved).toMatchObject({
        version: 2,
        name: "Renamed programme",
        defaultWeekday: 3,
        defaultSlotId: lunch.id,
        defaultPlace: "Library",
        minYearGap: 2,
        maxYearGap: 3,
        todoLogGraceDays: 3,
        todoFirstWeeks: 6,
        todoFirstWeeksSessions: 4,
        checkInEveryWeeks: 6,
      });
      const audit = await db.auditLog.findFirstOrThrow({ where: { schoolId: s.school.id, action: "programme.updated", recordId: p.id } });
      expect(audit.changes).toMatchObject({
        from: { name: p.name, minYearGap: 1, defaultWeekday: null },
        name: "Renamed programme",
        minYearGap: 2,
        version: 2,
      });
    });

    it("refuses an edit from a stale form, saying to reload, and changes nothing", async () => {
      const p = await newProgramme();
      const stale = await settingsForm(p.id, { name: "First edit" });
      expect((await updateProgramme.run(coordinator, stale)).ok).toBe(true);
      await expectRefusedWithoutWrites(updateProgramme, coordinator, { ...stale, name: "Second edit" }, schools, STALE_PROGRAMME_MESSAGE);
      await expectRefusedWithoutWrites(
        changeProgrammeStatus,
        coordinator,
        { programmeId: p.id, version: "1", status: "CLOSED" },
        schools,
        STALE_PROGRAMME_MESSAGE,
      );
      expect((await db.programme.findFirstOrThrow({ where: { id: p.id } })).name).toBe("First edit");
    });

    it("says one plain thing per field: gaps, thresholds, dates and the default slot", async () => {
      const p = await newProgramme();
      const check = async (changes: Record<string, string>, fieldErrors: Record<string, string[]>) => {
        const result = await expectRefusedWithoutWrites(updateProgramme, coordinator, await settingsForm(p.id, changes), schools, /./);
        expect(result.fieldErrors).toEqual(fieldErrors);
      };
      await check({ minYearGap: "4", maxYearGap: "2" }, { maxYearGap: ["The largest gap cannot be smaller than the smallest gap."] });
      await check({ todoCheckInLow: "5" }, { todoCheckInLow: ["Enter a score from 1 to 4."] });
      await check({ todoLogGraceDays: "-1" }, { todoLogGraceDays: ["Enter a number of school days from 0 to 10."] });
      await check(
        { todoFirstWeeks: "4", todoFirstWeeksSessions: "5" },
        { todoFirstWeeksSessions: ["Pairs can meet at most 4 times in 4 weeks: choose 4 or fewer."] },
      );
      await check(
        { cadence: "FORTNIGHTLY", todoFirstWeeks: "4", todoFirstWeeksSessions: "3" },
        { todoFirstWeeksSessions: ["Pairs can meet at most 2 times in 4 weeks: choose 2 or fewer."] },
      );
      await check({ endsOn: year.startsOn }, { endsOn: ["The last day must be after the first day."] });
      await check({ defaultWeekday: "2" }, { defaultSlotId: ["Choose a time of day for this day too, or clear the day."] });
      // Another school's day slot, and a retired one, are not on the list.
      const theirs = await db.schoolSlot.findFirstOrThrow({ where: { schoolId: other.school.id, key: "LUNCH" } });
      await check({ defaultWeekday: "2", defaultSlotId: theirs.id }, { defaultSlotId: ["Choose a time of day from the list."] });
    });

    it("keeps a retired day slot the programme already has, but does not let one be chosen anew", async () => {
      const p = await newProgramme();
      const slot = await db.schoolSlot.create({
        data: {
          schoolId: s.school.id,
          key: `OLD_${randomUUID().slice(0, 6).toUpperCase()}`,
          name: "Old slot",
          startTime: "15:30",
          endTime: "16:00",
        },
      });
      expect((await updateProgramme.run(coordinator, await settingsForm(p.id, { defaultWeekday: "1", defaultSlotId: slot.id }))).ok).toBe(
        true,
      );
      await db.schoolSlot.update({ where: { schoolId_id: { schoolId: s.school.id, id: slot.id } }, data: { archivedAt: new Date() } });
      expect(await updateProgramme.run(coordinator, await settingsForm(p.id, { defaultPlace: "Hall" }))).toMatchObject({ ok: true });
      const fresh = await newProgramme();
      const result = await updateProgramme.run(coordinator, await settingsForm(fresh.id, { defaultWeekday: "1", defaultSlotId: slot.id }));
      expect(result).toMatchObject({ ok: false, fieldErrors: { defaultSlotId: ["Choose a time of day from the list."] } });
    });

    it("does not find another school's programme", async () => {
      const p = await newProgramme();
      await expectRefusedWithoutWrites(updateProgramme, otherCoordinator, await settingsForm(p.id), schools, NOT_FOUND_MESSAGE);
      await expectRefusedWithoutWrites(
        changeProgrammeStatus,
        otherCoordinator,
        { programmeId: p.id, version: "1", status: "CLOSED" },
        schools,
        NOT_FOUND_MESSAGE,
      );
    });
  });

  describe("status", () => {
    it("starts a draft, closes only without live pairings (saying how many and where), and reopens", async () => {
      const draft = await db.programme.update({
        where: { schoolId_id: { schoolId: s.school.id, id: (await newProgramme()).id } },
        data: { status: "DRAFT" },
      });
      const started = await runCommand(
        changeProgrammeStatus,
        coordinator,
        { programmeId: draft.id, version: "1", status: "ACTIVE" },
        schools,
      );
      expect(started.result).toMatchObject({ ok: true, message: `Started ${draft.name}. It can now take pairings.` });
      expect(started.changes).toEqual({ auditLogs: 1 });
      await expectRefusedWithoutWrites(
        changeProgrammeStatus,
        coordinator,
        { programmeId: draft.id, version: "2", status: "DRAFT" },
        schools,
        "A programme that has started cannot go back to being set up. Close it instead.",
      );

      // The school's own programme has two active pairings.
      const p = s.programme;
      const refused = await expectRefusedWithoutWrites(
        changeProgrammeStatus,
        coordinator,
        { programmeId: p.id, version: "1", status: "CLOSED" },
        schools,
        `${p.name} still has 2 live pairings (on trial or active), so it cannot close yet. End each one from the pairing's page first: the programme dashboard lists them.`,
      );
      expect(refused.link).toEqual({ href: `/coordinator?programme=${p.id}`, label: "Open the programme dashboard" });

      // One ends, one pauses: a paused pairing is not live, so the programme may close.
      expect(
        (await changePairingStatus.run(coordinator, { pairingId: s.pairing.id, status: "ENDED", closureReason: "GOALS_MET" })).ok,
      ).toBe(true);
      expect((await changePairingStatus.run(coordinator, { pairingId: s.otherPairing.id, status: "PAUSED" })).ok).toBe(true);
      const closed = await runCommand(changeProgrammeStatus, coordinator, { programmeId: p.id, version: "1", status: "CLOSED" }, schools);
      expect(closed.result).toMatchObject({ ok: true });
      expect(await db.programme.findFirstOrThrow({ where: { id: p.id } })).toMatchObject({ status: "CLOSED", version: 2 });
      const audit = await db.auditLog.findFirstOrThrow({ where: { schoolId: s.school.id, action: "programme.closed", recordId: p.id } });
      expect(audit.changes).toMatchObject({ from: { status: "ACTIVE" }, status: "CLOSED" });

      // Closed: no new pairing, and the paused one cannot go on, until it is reopened.
      const newPairing = {
        programmeId: p.id,
        kind: "ONE_TO_ONE",
        mentorIds: s.pupils.spareMentor.id,
        menteeIds: s.pupils.spareMentee.id,
        startsOn: s.today,
        idempotencyKey: randomUUID(),
      };
      await expectRefusedWithoutWrites(
        createPairing,
        coordinator,
        newPairing,
        schools,
        "This programme is not running, so it cannot take new pairings.",
      );
      await expectRefusedWithoutWrites(
        changePairingStatus,
        coordinator,
        { pairingId: s.otherPairing.id, status: "ACTIVE" },
        schools,
        "This programme is closed, so its pairings cannot go on. Reopen the programme first.",
      );
      const reopened = await runCommand(changeProgrammeStatus, coordinator, { programmeId: p.id, version: "2", status: "ACTIVE" }, schools);
      expect(reopened.result).toMatchObject({ ok: true, message: `Reopened ${p.name}. It can take pairings again.` });
      expect((await changePairingStatus.run(coordinator, { pairingId: s.otherPairing.id, status: "ACTIVE" })).ok).toBe(true);
    });
  });

  describe("races", () => {
    it("two saves from one form at once: one is saved, the other is told to reload", async () => {
      const p = await newProgramme();
      const form = await settingsForm(p.id);
      const results = await Promise.all([
        updateProgramme.run(coordinator, { ...form, name: "Edit A" }),
        updateProgramme.run(coordinator, { ...form, name: "Edit B" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)?.message).toBe(STALE_PROGRAMME_MESSAGE);
      expect((await db.programme.findFirstOrThrow({ where: { id: p.id } })).version).toBe(2);
    });

    it("closing while a pairing is created: never a live pairing in a closed programme", async () => {
      for (let round = 0; round < 4; round += 1) {
        const own = await buildSchool({ withCalendar: true });
        const ownCoordinator = await actorFor(own.staff.coordinator);
        for (const pairing of [own.pairing, own.otherPairing])
          await changePairingStatus.run(ownCoordinator, { pairingId: pairing.id, status: "ENDED", closureReason: "GOALS_MET" });
        await db.mentorProfile.updateMany({ where: { programmeId: own.programme.id }, data: { trainingComplete: true } });
        const [closed, created] = await Promise.all([
          changeProgrammeStatus.run(ownCoordinator, { programmeId: own.programme.id, version: "1", status: "CLOSED" }),
          createPairing.run(ownCoordinator, {
            programmeId: own.programme.id,
            kind: "ONE_TO_ONE",
            mentorIds: own.pupils.spareMentor.id,
            menteeIds: own.pupils.spareMentee.id,
            startsOn: own.today,
            idempotencyKey: randomUUID(),
          }),
        ]);
        expect([closed.ok, created.ok], `round ${round}: ${closed.message} / ${created.message}`).not.toEqual([true, true]);
        const programme = await db.programme.findFirstOrThrow({ where: { id: own.programme.id } });
        const live = await db.pairing.count({ where: { programmeId: own.programme.id, status: { in: ["TRIAL", "ACTIVE"] } } });
        expect(programme.status === "CLOSED" && live > 0).toBe(false);
      }
    });
  });

  describe("skipped weeks", () => {
    const mocks = (programmeId: string, extra: Record<string, string> = {}) => ({
      programmeId,
      startsOn: `${y}-11-23`,
      endsOn: `${y}-11-27`,
      yearGroup: "11",
      reason: "Year 11 mocks",
      ...extra,
    });

    it("adds a year group's weeks once, refuses an overlap for the same group, and lets another group share the dates", async () => {
      const p = await newProgramme();
      const added = await runCommand(addProgrammeSkip, coordinator, mocks(p.id), schools);
      expect(added.result).toMatchObject({
        ok: true,
        message: `Added Year 11 mocks: no sessions are planned for Year 11 ${formatStaffDate(`${y}-11-23`)} to ${formatStaffDate(`${y}-11-27`)}.`,
      });
      expect(added.changes).toEqual({ programmeSkips: 1, auditLogs: 1 });
      const overlap = `Year 11 already has Year 11 mocks (${formatStaffDate(`${y}-11-23`)} to ${formatStaffDate(`${y}-11-27`)}) in these dates. Choose other dates, or remove that one first.`;
      await expectRefusedWithoutWrites(addProgrammeSkip, coordinator, mocks(p.id), schools, overlap);
      await expectRefusedWithoutWrites(
        addProgrammeSkip,
        coordinator,
        mocks(p.id, { startsOn: `${y}-11-27`, endsOn: `${y}-12-04`, reason: "Resits" }),
        schools,
        overlap,
      );
      const racing = await Promise.all(
        [1, 2, 3].map((n) =>
          addProgrammeSkip.run(
            coordinator,
            mocks(p.id, { startsOn: `${y}-12-0${n}`, endsOn: `${y}-12-08`, yearGroup: "10", reason: "Trip" }),
          ),
        ),
      );
      expect(racing.filter((r) => r.ok)).toHaveLength(1);
      const whole = await runCommand(addProgrammeSkip, coordinator, mocks(p.id, { yearGroup: "0", reason: "Exam week" }), schools);
      expect(whole.result).toMatchObject({ ok: true });
      expect(await db.programmeSkip.count({ where: { programmeId: p.id } })).toBe(3);
    });

    it("keeps skipped weeks inside the programme's dates and one school year", async () => {
      const ends = `${y + 1}-03-31`;
      const p = await newProgramme({ endsOn: ends });
      const before = await expectRefusedWithoutWrites(
        addProgrammeSkip,
        coordinator,
        mocks(p.id, { startsOn: addDaysIso(year.startsOn, -7), endsOn: year.startsOn }),
        schools,
        /^Choose dates while the programme runs/,
      );
      expect(before.fieldErrors?.startsOn).toEqual([
        `Choose dates while the programme runs: from ${formatStaffDate(year.startsOn)} to ${formatStaffDate(ends)}.`,
      ]);
      await expectRefusedWithoutWrites(
        addProgrammeSkip,
        coordinator,
        mocks(p.id, { startsOn: ends, endsOn: addDaysIso(ends, 3) }),
        schools,
        /^Choose dates while the programme runs/,
      );
      const open = await newProgramme({ endsOn: null });
      const across = await expectRefusedWithoutWrites(
        addProgrammeSkip,
        coordinator,
        mocks(open.id, { startsOn: addDaysIso(year.endsOn, -2), endsOn: addDaysIso(year.endsOn, 5) }),
        schools,
        `Choose dates inside one school year: this one runs from ${formatStaffDate(year.startsOn)} to ${formatStaffDate(year.endsOn)}.`,
      );
      expect(across.fieldErrors).toHaveProperty("endsOn");
      const badGroup = await expectRefusedWithoutWrites(
        addProgrammeSkip,
        coordinator,
        mocks(open.id, { yearGroup: "5" }),
        schools,
        "Please check the highlighted fields.",
      );
      expect(badGroup.fieldErrors).toEqual({ yearGroup: ["Choose the whole programme or a year group from 7 to 13."] });
    });

    it("removes a skipped week once, and another school's programme and weeks are not found", async () => {
      const p = await newProgramme();
      await expectRefusedWithoutWrites(addProgrammeSkip, otherCoordinator, mocks(p.id), schools, NOT_FOUND_MESSAGE);
      const added = await addProgrammeSkip.run(coordinator, mocks(p.id));
      const skipId = added.recordId!;
      await expectRefusedWithoutWrites(removeProgrammeSkip, otherCoordinator, { skipId }, schools, NOT_FOUND_MESSAGE);
      const removed = await runCommand(removeProgrammeSkip, coordinator, { skipId }, schools);
      expect(removed.result).toMatchObject({
        ok: true,
        message: expect.stringMatching(/^Removed Year 11 mocks \(Year 11, .*\)\. Sessions are planned in these weeks again\.$/),
      });
      expect(removed.changes).toEqual({ programmeSkips: -1, auditLogs: 1 });
      await expectRefusedWithoutWrites(removeProgrammeSkip, coordinator, { skipId }, schools, NOT_FOUND_MESSAGE);
    });
  });
});
