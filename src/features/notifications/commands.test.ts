// Reading notifications: each person's own, in their school; one read or "all read" is one light
// audit row without the message (ADR 016).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { createNotificationRow } from "@/server/factories";
import { auditEntriesBy } from "@/test-support/snapshot";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { buildWorld } from "@/test-support/school";
import { ALREADY_READ_MESSAGE, markAllNotificationsRead, markNotificationRead, NOTHING_NEW_MESSAGE } from "./commands";
import { countMyUnreadNotifications, listMyNotifications } from "./queries";

type World = Awaited<ReturnType<typeof buildWorld>>;

describe("reading notifications", () => {
  let w: World;
  let schools: string[];
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  const notice = (actor: Actor, message: string, createdAt = new Date()) =>
    createNotificationRow(db, {
      schoolId: actor.schoolId,
      userId: actor.userId,
      message,
      link: "/mentor/log/p1",
      kind: "session.to_log",
      createdAt,
    });
  beforeAll(async () => {
    w = await buildWorld();
    schools = [w.a.school.id, w.b.school.id];
  });

  it("marks one read, once, with a light audit row, and answers with where it points", async () => {
    const mentor = w.actors.MENTOR;
    const n = await notice(mentor, "Log your session with Maya P.");
    const { result, changes } = await runCommand(markNotificationRead, mentor, { notificationId: n.id }, schools);
    expect(result).toMatchObject({ ok: true, message: "Marked as read.", link: { href: "/mentor/log/p1" } });
    expect(changes).toEqual({ notificationsRead: 1, auditLogs: 1 });
    const [entry] = await auditEntriesBy(mentor.userId, 1);
    expect(entry).toMatchObject({
      action: "notification.read",
      recordType: "Notification",
      recordId: n.id,
      changes: { kind: "session.to_log" },
    });
    expect(JSON.stringify(entry)).not.toContain("Maya");

    // Read already (another tab): nothing changes, and the answer still says where to go.
    const again = await runCommand(markNotificationRead, mentor, { notificationId: n.id }, schools);
    expect(again.result).toMatchObject({ ok: false, message: ALREADY_READ_MESSAGE, link: { href: "/mentor/log/p1" } });
    expect(again.changes).toEqual({});
  });

  it("is read once when two tabs send it at the same moment", async () => {
    const mentor = w.actors.MENTOR;
    const n = await notice(mentor, "Log your session, please.");
    const results = await Promise.all([1, 2, 3].map(() => markNotificationRead.run(mentor, { notificationId: n.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.message)).toEqual([ALREADY_READ_MESSAGE, ALREADY_READ_MESSAGE]);
  });

  it("finds nobody else's notification: another user's in the school, or another school's", async () => {
    const n = await notice(w.actors.COORDINATOR, "Look at the new to-do rows.");
    for (const other of [w.actors.TEACHER, w.actors.MENTOR, w.actors.otherSchoolCoordinator]) {
      await expectRefusedWithoutWrites(markNotificationRead, other, { notificationId: n.id }, schools, NOT_FOUND_MESSAGE);
      await expectRefusedWithoutWrites(markAllNotificationsRead, other, { newestId: n.id }, schools, NOT_FOUND_MESSAGE);
    }
    expect(await countMyUnreadNotifications(w.actors.TEACHER)).toBe(0);
    expect((await listMyNotifications(w.actors.otherSchoolCoordinator)).items).toEqual([]);
  });

  it("marks all read up to the newest the page showed, leaving one that came after", async () => {
    const teacher = w.actors.TEACHER;
    const [older, shown] = [await notice(teacher, "First.", minutesAgo(30)), await notice(teacher, "Second.", minutesAgo(20))];
    await db.notification.update({
      where: { schoolId_id: { schoolId: teacher.schoolId, id: older.id } },
      data: { readAt: minutesAgo(25) },
    });
    const unshown = await notice(teacher, "Arrived after the page was shown.");
    const { result, changes } = await runCommand(markAllNotificationsRead, teacher, { newestId: shown.id }, schools);
    expect(result).toMatchObject({ ok: true, message: "Marked 1 notification as read." });
    expect(changes).toEqual({ notificationsRead: 1, auditLogs: 1 });
    expect(await auditEntriesBy(teacher.userId, 1)).toMatchObject([{ action: "notification.all_read", changes: { count: 1 } }]);
    expect(await countMyUnreadNotifications(teacher)).toBe(1);
    const list = await listMyNotifications(teacher);
    expect(list.items.map((i) => [i.message, i.isRead])).toEqual([
      ["Arrived after the page was shown.", false],
      ["Second.", true],
      ["First.", true],
    ]);
    expect(list).toMatchObject({ unread: 1, total: 3, newestId: unshown.id, page: 1, pageCount: 1 });

    const nothingNew = await runCommand(markAllNotificationsRead, teacher, { newestId: shown.id }, schools);
    expect(nothingNew.result).toMatchObject({ ok: false, message: NOTHING_NEW_MESSAGE });
    expect(nothingNew.changes).toEqual({});
  });

  it("lists newest first, a page at a time", async () => {
    const dsl = w.actors.DSL;
    for (let i = 1; i <= 27; i += 1) await notice(dsl, `Notice ${i}.`, minutesAgo(100 - i));
    const first = await listMyNotifications(dsl, { page: 1 });
    expect(first).toMatchObject({ total: 27, unread: 27, pageCount: 2, page: 1 });
    expect(first.items).toHaveLength(25);
    expect(first.items[0]!.message).toBe("Notice 27.");
    const second = await listMyNotifications(dsl, { page: 2 });
    expect(second.items.map((i) => i.message)).toEqual(["Notice 2.", "Notice 1."]);
    expect(Object.keys(second.items[0]!).sort()).toEqual(["createdAt", "id", "isRead", "kind", "message"]);
  });
});
