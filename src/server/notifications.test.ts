// notify(): in the caller's transaction, once per dedupe key, for people of the school only (ADR 016).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "./db";
import { createSchool, createStaffUser, createStudent } from "./factories";
import { notify, type NotificationInput } from "./notifications";
import { uniqueEmail } from "@/test-support/school";

describe("notify", () => {
  let schoolId: string;
  let coordinatorId: string;
  let pupilUserId: string;
  let otherSchoolsUserId: string;
  beforeAll(async () => {
    const [school, other] = await Promise.all([createSchool(db, { withCalendar: false }), createSchool(db, { withCalendar: false })]);
    schoolId = school.id;
    coordinatorId = (await createStaffUser(db, { schoolId, roles: ["COORDINATOR"], email: uniqueEmail("notify-coord") })).id;
    pupilUserId = (await createStudent(db, { schoolId, yearGroup: 10, account: { email: uniqueEmail("notify-pupil") } })).userId!;
    otherSchoolsUserId = (await createStaffUser(db, { schoolId: other.id, roles: ["COORDINATOR"], email: uniqueEmail("notify-other") })).id;
  });
  const input = (over: Partial<NotificationInput> = {}): NotificationInput => ({
    schoolId,
    userId: coordinatorId,
    kind: "todo.new",
    message: "Look at the new rows in your to-do list.",
    link: "/coordinator",
    dedupeKey: `todo:${Math.random()}`,
    ...over,
  });
  const count = (dedupeKey: string) => db.notification.count({ where: { schoolId, dedupeKey } });

  it("adds a notification for staff and for pupils, unread and not yet emailed", async () => {
    for (const userId of [coordinatorId, pupilUserId]) {
      const made = await db.$transaction((tx) => notify(tx, input({ userId, message: "  Log your session.  " })));
      const row = await db.notification.findFirstOrThrow({ where: { schoolId, id: made!.id } });
      expect(row).toMatchObject({
        userId,
        kind: "todo.new",
        message: "Log your session.",
        link: "/coordinator",
        readAt: null,
        emailedAt: null,
      });
    }
  });

  it("does nothing the second time for the same dedupe key, even at the same moment", async () => {
    const first = input();
    expect(await db.$transaction((tx) => notify(tx, first))).not.toBeNull();
    expect(await db.$transaction((tx) => notify(tx, { ...first, message: "Something else." }))).toBeNull();
    expect(await count(first.dedupeKey)).toBe(1);

    const racing = input();
    const results = await Promise.all([1, 2, 3, 4].map(() => db.$transaction((tx) => notify(tx, racing))));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await count(racing.dedupeKey)).toBe(1);
    // The key is per user: the same cause may notify two people.
    expect(await db.$transaction((tx) => notify(tx, { ...racing, userId: pupilUserId }))).not.toBeNull();
  });

  it("belongs to the caller's transaction: rolled back with it", async () => {
    const rolledBack = input();
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, rolledBack);
        throw new Error("the producer's change failed");
      }),
    ).rejects.toThrow("the producer's change failed");
    expect(await count(rolledBack.dedupeKey)).toBe(0);
  });

  it("refuses a producer's mistakes: a full URL, a bad kind, a long or multi-line message, someone from another school", async () => {
    const refused = async (over: Partial<NotificationInput>, pattern: RegExp) => {
      const wrong = input(over);
      await expect(db.$transaction((tx) => notify(tx, wrong))).rejects.toThrow(pattern);
      expect(await count(wrong.dedupeKey)).toBe(0);
    };
    await refused({ link: "https://evil.example/" }, /must be a path in the app/);
    await refused({ link: "//evil.example/x" }, /must be a path in the app/);
    await refused({ kind: "Todo New" }, /kind/);
    await refused({ message: "" }, /message must be one line/);
    await refused({ message: "x".repeat(301) }, /message must be one line/);
    await refused({ message: "Line one\nLine two" }, /message must be one line/);
    await refused({ userId: otherSchoolsUserId }, /not in this school/);
  });
});
