// The admin's school day (ADR 014): slots added once whatever is sent twice, renamed with their key
// kept, a split lunch set and removed, retired and brought back; every refusal writes nothing, and
// another school's slot is "not found".
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadDaySlots } from "@/server/day-slots";
import { createSchool, createStaffUser } from "@/server/factories";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { CHECK_FIELDS_MESSAGE } from "@/lib/field-errors";
import type { Actor } from "@/server/actor";
import { actorFor } from "@/test-support/actors";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { uniqueEmail } from "@/test-support/school";
import { addDaySlot, removeYearGroupTimes, restoreDaySlot, retireDaySlot, setYearGroupTimes, updateDaySlot } from "./commands";

async function newSchool() {
  const school = await createSchool(db, { withCalendar: false });
  const admin = await actorFor(await createStaffUser(db, { schoolId: school.id, roles: ["ADMIN"], email: uniqueEmail("day-admin") }));
  const slot = async (key: string) => (await db.schoolSlot.findFirstOrThrow({ where: { schoolId: school.id, key } })).id;
  return { schoolId: school.id, admin, slot };
}

describe("the school's day slots", () => {
  let a: Awaited<ReturnType<typeof newSchool>>;
  let b: Awaited<ReturnType<typeof newSchool>>;
  let admin: Actor;
  beforeAll(async () => {
    [a, b] = await Promise.all([newSchool(), newSchool()]);
    admin = a.admin;
  });

  it("adds a slot with a key made from its name, in the order of the day, audited", async () => {
    const { result, changes } = await runCommand(addDaySlot, admin, { name: "Form time", startTime: "8:40", endTime: "09:00" }, [
      a.schoolId,
    ]);
    expect(result).toMatchObject({ ok: true, message: "Added Form time (08:40–09:00)." });
    expect(changes).toEqual({ daySlots: 1, auditLogs: 1 });
    expect((await loadDaySlots(a.schoolId)).map((s) => [s.key, s.name, s.startTime])).toEqual([
      ["FORM_TIME", "Form time", "08:40"],
      ["BREAK", "Break", "10:40"],
      ["LUNCH", "Lunch", "12:30"],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { schoolId: a.schoolId, action: "day_slot.added" } });
    expect(audit.changes).toMatchObject({ key: "FORM_TIME", name: "Form time", startTime: "08:40", endTime: "09:00" });
  });

  it("adds the same slot once, however often it is sent (also at the same moment), and refuses a name in use", async () => {
    const form = { name: "After school", startTime: "15:20", endTime: "16:00" };
    const racing = await Promise.all([1, 2, 3].map(() => addDaySlot.run(admin, form)));
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.schoolSlot.count({ where: { schoolId: a.schoolId, name: "After school" } })).toBe(1);
    const message = "There is already a slot called After school.";
    expect(racing.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ message, fieldErrors: { name: [message] } }),
      expect.objectContaining({ message, fieldErrors: { name: [message] } }),
    ]);
    await expectRefusedWithoutWrites(addDaySlot, admin, { ...form, name: " after  SCHOOL " }, [a.schoolId], message);
  });

  it("refuses times that are not real, an end before the start and a blank name, field by field, writing nothing", async () => {
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ name: "Late lunch", startTime: "25:00", endTime: "13:00" }, { startTime: ["Enter a real time of day, like 12:30."] }],
      [{ name: "Late lunch", startTime: "13:00", endTime: "12:59" }, { endTime: ["The end must be after the start."] }],
      [{ name: "Late lunch", startTime: "13:00", endTime: "13:00" }, { endTime: ["The end must be after the start."] }],
      [{ name: "Late lunch", startTime: "13:00", endTime: "" }, { endTime: ["Enter the time it ends, like 13:15."] }],
      [{ name: "  ", startTime: "13:00", endTime: "14:00" }, { name: ["Give the slot a name, like “After school”."] }],
      [{ name: "--", startTime: "13:00", endTime: "14:00" }, { name: ["Use letters or numbers in the name."] }],
    ];
    for (const [input, fieldErrors] of cases) {
      const { result, before, after } = await runCommand(addDaySlot, admin, input, [a.schoolId]);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, fieldErrors });
      expect(after).toEqual(before);
    }
  });

  it("renames and retimes a slot, keeping its key, and refuses another slot's name", async () => {
    const breakId = await a.slot("BREAK");
    const { result } = await runCommand(
      updateDaySlot,
      admin,
      { slotId: breakId, name: "Morning break", startTime: "10:45", endTime: "11:05" },
      [a.schoolId],
    );
    expect(result).toMatchObject({ ok: true, message: "Saved Morning break (10:45–11:05)." });
    expect(await db.schoolSlot.findFirstOrThrow({ where: { schoolId: a.schoolId, id: breakId } })).toMatchObject({
      key: "BREAK",
      name: "Morning break",
      startTime: "10:45",
    });
    // The same again changes nothing but the audit log.
    const again = await runCommand(updateDaySlot, admin, { slotId: breakId, name: "Morning break", startTime: "10:45", endTime: "11:05" }, [
      a.schoolId,
    ]);
    expect(again.changes).toEqual({ auditLogs: 1 });
    await expectRefusedWithoutWrites(
      updateDaySlot,
      admin,
      { slotId: breakId, name: "lunch", startTime: "10:45", endTime: "11:05" },
      [a.schoolId],
      "There is already a slot called Lunch.",
    );
  });

  it("sets a year group's own times (a split lunch) once per year group, changes them, and removes them", async () => {
    const lunchId = await a.slot("LUNCH");
    const set = await runCommand(setYearGroupTimes, admin, { slotId: lunchId, yearGroup: "7", startTime: "12:00", endTime: "12:40" }, [
      a.schoolId,
    ]);
    expect(set.result).toMatchObject({ ok: true, message: "Year 7 now has Lunch at 12:00–12:40." });
    expect(set.changes).toEqual({ daySlotYearTimes: 1, auditLogs: 1 });
    const changed = await runCommand(setYearGroupTimes, admin, { slotId: lunchId, yearGroup: "7", startTime: "12:05", endTime: "12:45" }, [
      a.schoolId,
    ]);
    expect(changed.changes).toEqual({ auditLogs: 1 });
    const racing = await Promise.all(
      [1, 2].map(() => setYearGroupTimes.run(admin, { slotId: lunchId, yearGroup: "8", startTime: "12:00", endTime: "12:40" })),
    );
    expect(racing.every((r) => r.ok)).toBe(true);
    const lunch = (await loadDaySlots(a.schoolId)).find((s) => s.key === "LUNCH")!;
    expect(lunch.yearTimes).toEqual([
      { yearGroup: 7, startTime: "12:05", endTime: "12:45" },
      { yearGroup: 8, startTime: "12:00", endTime: "12:40" },
    ]);

    await expectRefusedWithoutWrites(
      setYearGroupTimes,
      admin,
      { slotId: lunchId, yearGroup: "6", startTime: "12:00", endTime: "12:40" },
      [a.schoolId],
      CHECK_FIELDS_MESSAGE,
    );
    const row = await db.schoolSlotYearTime.findFirstOrThrow({ where: { schoolId: a.schoolId, slotId: lunchId, yearGroup: 8 } });
    const removed = await runCommand(removeYearGroupTimes, admin, { yearTimeId: row.id }, [a.schoolId]);
    expect(removed.result).toMatchObject({ ok: true, message: "Year 8 now has Lunch at the usual times (12:30–13:15)." });
    expect(removed.changes).toEqual({ daySlotYearTimes: -1, auditLogs: 1 });
    await expectRefusedWithoutWrites(removeYearGroupTimes, admin, { yearTimeId: row.id }, [a.schoolId], NOT_FOUND_MESSAGE);
  });

  it("retires a slot and brings it back; refuses twice, and refuses to retire the last slot offered", async () => {
    const s = await newSchool();
    const [breakId, lunchId] = [await s.slot("BREAK"), await s.slot("LUNCH")];
    const retired = await runCommand(retireDaySlot, s.admin, { slotId: breakId }, [s.schoolId]);
    expect(retired.result).toMatchObject({ ok: true, message: expect.stringMatching(/^Retired Break\./) });
    expect(retired.changes).toEqual({ auditLogs: 1 });
    expect((await loadDaySlots(s.schoolId)).map((x) => x.key)).toEqual(["LUNCH"]);
    expect((await loadDaySlots(s.schoolId, db, { includeArchived: true })).find((x) => x.key === "BREAK")?.isArchived).toBe(true);
    await expectRefusedWithoutWrites(retireDaySlot, s.admin, { slotId: breakId }, [s.schoolId], "Break is already retired.");
    await expectRefusedWithoutWrites(
      retireDaySlot,
      s.admin,
      { slotId: lunchId },
      [s.schoolId],
      "Keep at least one slot: pupils choose their free times from the school's slots.",
    );
    // A retired slot's name is still taken: adding it again points to bringing it back.
    await expectRefusedWithoutWrites(
      addDaySlot,
      s.admin,
      { name: "Break", startTime: "10:00", endTime: "10:20" },
      [s.schoolId],
      "Break is a retired slot. Bring it back instead of adding it again.",
    );
    const restored = await runCommand(restoreDaySlot, s.admin, { slotId: breakId }, [s.schoolId]);
    expect(restored.result).toMatchObject({ ok: true, message: "Brought back Break. Pupils can choose it again." });
    expect((await loadDaySlots(s.schoolId)).map((x) => x.key)).toEqual(["BREAK", "LUNCH"]);
    await expectRefusedWithoutWrites(restoreDaySlot, s.admin, { slotId: breakId }, [s.schoolId], "Break is already in use.");
  });

  it("treats another school's slot as not found, for every command, writing nothing in either school", async () => {
    const theirs = await b.slot("LUNCH");
    const theirYearTime = await db.schoolSlotYearTime.create({
      data: { schoolId: b.schoolId, slotId: theirs, yearGroup: 9, startTime: "12:00", endTime: "12:40" },
    });
    const attempts: [Parameters<typeof expectRefusedWithoutWrites>[0], Record<string, string>][] = [
      [updateDaySlot, { slotId: theirs, name: "Ours now", startTime: "12:00", endTime: "13:00" }],
      [setYearGroupTimes, { slotId: theirs, yearGroup: "7", startTime: "12:00", endTime: "12:40" }],
      [removeYearGroupTimes, { yearTimeId: theirYearTime.id }],
      [retireDaySlot, { slotId: theirs }],
      [restoreDaySlot, { slotId: theirs }],
    ];
    for (const [command, input] of attempts)
      await expectRefusedWithoutWrites(command, admin, input, [a.schoolId, b.schoolId], NOT_FOUND_MESSAGE);
  });
});
