// Email for notifications against a real SMTP server that the test starts (smtp-server on a free
// port, read back with mailparser): nothing mocked between the outbox and the wire (ADR 016).
// Other test files add notifications to the same database at the same time, so every check here
// looks at this file's own recipients and rows only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "./db";
import { env } from "@/env";
import { createNotificationRow, createSchool, createStaffUser, createStudent } from "./factories";
import { defineCommand } from "./command";
import { RuleError } from "./errors";
import { notify } from "./notifications";
import { deliverPendingEmails, kickEmailDelivery, mailSettingsOf, type MailSettings } from "./notification-email";
import { notificationEmail } from "@/lib/notification-email";
import { actorFor } from "@/test-support/actors";
import { startSmtpServer, type Received, type TestSmtpServer } from "@/test-support/smtp";
import { uniqueEmail } from "@/test-support/school";

const APP_URL = "https://peerpath.hillside.example";

describe("email for notifications, through a real SMTP server", () => {
  let smtp: TestSmtpServer;
  let mail: MailSettings;
  let school: { id: string; name: string };
  let coordinator: { id: string; email: string };
  let pupil: { id: string; email: string };
  let counter = 0;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    mail = { smtpUrl: smtp.url, from: "PeerPath <peerpath@hillside.example>", appUrl: APP_URL };
    school = await createSchool(db, { name: `Hillside School ${Date.now()}`, withCalendar: false });
    coordinator = await createStaffUser(db, { schoolId: school.id, roles: ["COORDINATOR"], email: uniqueEmail("email-coord") });
    const student = await createStudent(db, { schoolId: school.id, yearGroup: 10, account: { email: uniqueEmail("email-mentor") } });
    pupil = await db.user.findUniqueOrThrow({ where: { id: student.userId! }, select: { id: true, email: true } });
  });
  afterAll(async () => {
    await smtp.close();
  });

  /** A notification for `user` through `notify`, in a transaction of its own. */
  const notifyUser = async (user: { id: string }, message = `Log your session number ${++counter}.`, link = `/mentor/log/p${counter}`) => {
    const row = await db.$transaction((tx) =>
      notify(tx, { schoolId: school.id, userId: user.id, kind: "session.to_log", message, link, dedupeKey: `test:${counter}:${message}` }),
    );
    return { id: row!.id, message, link };
  };
  /** What arrived for this notification (its Message-ID names it). */
  const arrivedFor = (id: string, received: Received[] = smtp.received) => received.filter((r) => r.mail.messageId?.includes(`.${id}@`));
  const emailedAt = async (id: string) => (await db.notification.findFirstOrThrow({ where: { schoolId: school.id, id } })).emailedAt;

  it("sends one email per notification: the right recipient, sender, subject and link, and nothing else", async () => {
    const forCoordinator = await notifyUser(coordinator, "Look at the new rows in your to-do list.", "/coordinator?programme=abc");
    const forPupil = await notifyUser(pupil, "Your session with Maya P. moved to Tuesday 2 December.", "/mentor");
    const result = await deliverPendingEmails({ mail });
    expect(result.sent).toBeGreaterThanOrEqual(2);

    for (const [n, user] of [
      [forCoordinator, coordinator],
      [forPupil, pupil],
    ] as const) {
      const arrived = arrivedFor(n.id);
      expect(arrived, "exactly one email").toHaveLength(1);
      const { mail: email, to, from, authenticatedAs } = arrived[0]!;
      expect(to).toEqual([user.email]);
      expect(from).toBe("peerpath@hillside.example");
      expect(authenticatedAs, "signed in with SMTP_URL's user and password").toBe("peerpath");
      expect(email.from?.text).toBe('"PeerPath" <peerpath@hillside.example>');
      expect(email.subject).toBe(n.message);
      const expected = notificationEmail({ message: n.message, link: `${APP_URL}${n.link}`, schoolName: school.name });
      // The whole body: the message, the absolute link and the school's name. No HTML, no attachments.
      expect(email.text?.trim()).toBe(expected.text.trim());
      expect(email.text).toContain(`${APP_URL}${n.link}`);
      expect(email.html).toBe(false);
      expect(email.attachments).toEqual([]);
      expect(email.messageId).toBe(`<notification.${school.id}.${n.id}@peerpath.hillside.example>`);
      expect(email.headers.get("auto-submitted")).toBe("auto-generated");
      expect(await emailedAt(n.id)).toBeInstanceOf(Date);
    }

    // Sent is sent: the next run sends neither again.
    await deliverPendingEmails({ mail });
    expect(arrivedFor(forCoordinator.id)).toHaveLength(1);
    expect(arrivedFor(forPupil.id)).toHaveLength(1);
  });

  it("sends nothing when SMTP_URL is not set, and leaves the notification unsent", async () => {
    expect(env.SMTP_URL, "the tests run without SMTP_URL").toBeUndefined();
    expect(mailSettingsOf(env)).toBeNull();
    const n = await notifyUser(pupil);
    expect(await deliverPendingEmails()).toEqual({ sent: 0, failed: 0 });
    await kickEmailDelivery();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(arrivedFor(n.id)).toEqual([]);
    expect(await emailedAt(n.id)).toBeNull();
    // …and it goes once SMTP_URL is there.
    await deliverPendingEmails({ mail });
    expect(arrivedFor(n.id)).toHaveLength(1);
  });

  it("retries a send the server refused, and sends it once, later", async () => {
    const n = await notifyUser(coordinator);
    smtp.setRefusing(true);
    try {
      const refused = await deliverPendingEmails({ mail });
      expect(refused.failed).toBeGreaterThanOrEqual(1);
      expect(arrivedFor(n.id)).toEqual([]);
      expect(await emailedAt(n.id)).toBeNull();
    } finally {
      smtp.setRefusing(false);
    }
    await deliverPendingEmails({ mail });
    expect(arrivedFor(n.id)).toHaveLength(1);
    expect(await emailedAt(n.id)).toBeInstanceOf(Date);
    await deliverPendingEmails({ mail });
    expect(arrivedFor(n.id)).toHaveLength(1);
  });

  it("stops at the first failure when the server cannot be reached, and sends everything later", async () => {
    const [first, second] = [await notifyUser(pupil), await notifyUser(pupil)];
    const closedPort = { ...mail, smtpUrl: "smtp://127.0.0.1:9" };
    expect(await deliverPendingEmails({ mail: closedPort })).toEqual({ sent: 0, failed: 1 });
    expect(await emailedAt(first.id)).toBeNull();
    expect(await emailedAt(second.id)).toBeNull();
    await deliverPendingEmails({ mail });
    expect(arrivedFor(first.id)).toHaveLength(1);
    expect(arrivedFor(second.id)).toHaveLength(1);
  });

  it("sends each email exactly once when two deliverers run at the same moment", async () => {
    const notes = [];
    for (let i = 0; i < 12; i += 1) notes.push(await notifyUser(i % 2 === 0 ? pupil : coordinator));
    smtp.setDelayMs(30);
    try {
      const [a, b] = await Promise.all([deliverPendingEmails({ mail, batchSize: 3 }), deliverPendingEmails({ mail, batchSize: 3 })]);
      expect(a.sent, "both deliverers sent some").toBeGreaterThan(0);
      expect(b.sent, "both deliverers sent some").toBeGreaterThan(0);
    } finally {
      smtp.setDelayMs(0);
    }
    for (const n of notes) {
      expect(arrivedFor(n.id), `notification ${n.message}`).toHaveLength(1);
      expect(await emailedAt(n.id)).toBeInstanceOf(Date);
    }
  });

  it("does not email a disabled user, or news older than a day", async () => {
    const disabled = await createStaffUser(db, { schoolId: school.id, roles: ["TEACHER"], email: uniqueEmail("email-disabled") });
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const forDisabled = await notifyUser(disabled);
    const old = await createNotificationRow(db, {
      schoolId: school.id,
      userId: coordinator.id,
      message: "An old reminder.",
      link: "/coordinator",
      createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000),
    });
    // Disabled at this school only, and a pupil who has left: news queued before is not sent after.
    const closedHere = await createStaffUser(db, { schoolId: school.id, roles: ["TEACHER"], email: uniqueEmail("email-closed-here") });
    const forClosedHere = await notifyUser(closedHere);
    await db.membership.updateMany({ where: { userId: closedHere.id, schoolId: school.id }, data: { disabledAt: new Date() } });
    const leaver = await createStudent(db, { schoolId: school.id, yearGroup: 11, account: { email: uniqueEmail("email-leaver") } });
    const forLeaver = await createNotificationRow(db, { schoolId: school.id, userId: leaver.userId!, message: "Log it.", link: "/mentor" });
    await db.student.updateMany({ where: { id: leaver.id }, data: { status: "LEFT" } });
    await deliverPendingEmails({ mail });
    expect(arrivedFor(forDisabled.id)).toEqual([]);
    expect(arrivedFor(forClosedHere.id)).toEqual([]);
    expect(arrivedFor(forLeaver.id)).toEqual([]);
    expect(arrivedFor(old.id)).toEqual([]);
    expect(await emailedAt(old.id)).toBeNull();
  });

  describe("a command's kick after commit", () => {
    const notifyingCommand = defineCommand(
      { name: "testNotifyAndKick", schema: z.object({ message: z.string(), refuse: z.string().optional() }), allow: ["COORDINATOR"] },
      async (input, { tx, actor, audit, afterCommit }) => {
        await notify(tx, {
          schoolId: actor.schoolId,
          userId: actor.userId,
          kind: "todo.new",
          message: input.message,
          link: "/coordinator",
          dedupeKey: input.message,
        });
        await audit({ action: "test.notified", recordType: "Notification" });
        afterCommit(() => kickEmailDelivery({ mail }));
        if (input.refuse) throw new RuleError("Refused after notifying.");
        return { message: "Done." };
      },
    );
    const arrivedWithSubject = (subject: string) => smtp.received.filter((r) => r.mail.subject === subject);

    it("sends the email soon after the command answers, without the command waiting for it", async () => {
      const actor = await actorFor(coordinator.id);
      const message = `New to-do rows ${Date.now()}.`;
      smtp.setDelayMs(400);
      try {
        const result = await notifyingCommand.run(actor, { message });
        expect(result).toMatchObject({ ok: true, message: "Done." });
        expect(arrivedWithSubject(message), "the command did not wait for the email").toEqual([]);
        await smtp.waitFor(() => arrivedWithSubject(message).length === 1);
      } finally {
        smtp.setDelayMs(0);
      }
      expect(arrivedWithSubject(message)[0]!.to).toEqual([coordinator.email]);
    });

    it("kicks nothing when the command is refused: its notification never existed", async () => {
      const actor = await actorFor(coordinator.id);
      const message = `Refused to-do rows ${Date.now()}.`;
      const result = await notifyingCommand.run(actor, { message, refuse: "yes" });
      expect(result).toMatchObject({ ok: false, message: "Refused after notifying." });
      expect(await db.notification.count({ where: { schoolId: school.id, userId: coordinator.id, dedupeKey: message } })).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(arrivedWithSubject(message)).toEqual([]);
    });
  });
});
