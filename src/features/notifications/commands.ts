import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { EVERY_ROLE } from "@/server/actor";
import { markAllNotificationsReadSchema, markNotificationReadSchema } from "./schemas";

// Everyone signed in has notifications, pupils and staff alike; each reaches only their own, in the
// school they are working in: anyone else's is "not found" (ADR 016).
const EVERYONE = EVERY_ROLE;

export const ALREADY_READ_MESSAGE = "You have already read this one.";
export const NOTHING_NEW_MESSAGE = "There is nothing new to mark as read.";

/**
 * Marks one of the actor's notifications read; the answer links to where it points (the action goes
 * there). One read is one light audit row: which notification, and its kind — never its message.
 */
export const markNotificationRead = defineCommand(
  { name: "markNotificationRead", schema: markNotificationReadSchema, allow: EVERYONE },
  async (input, { tx, actor, audit }) => {
    const mine = { schoolId: actor.schoolId, userId: actor.userId, id: input.notificationId };
    const row = await tx.notification.findFirst({ where: mine, select: { id: true, kind: true, link: true } });
    if (!row) throw new NotFoundError("notification");
    const goThere = { href: row.link, label: "Go to it" };
    // Conditional: read once, however many tabs send it.
    const marked = await tx.notification.updateMany({ where: { ...mine, readAt: null }, data: { readAt: new Date() } });
    if (marked.count === 0) throw new RuleError(ALREADY_READ_MESSAGE, {}, goThere);
    await audit({ action: "notification.read", recordType: "Notification", recordId: row.id, changes: { kind: row.kind } });
    return { message: "Marked as read.", recordId: row.id, link: goThere };
  },
);

/** Marks every unread notification up to the newest the page showed; one audit row with the count. */
export const markAllNotificationsRead = defineCommand(
  { name: "markAllNotificationsRead", schema: markAllNotificationsReadSchema, allow: EVERYONE },
  async (input, { tx, actor, audit }) => {
    const mine = { schoolId: actor.schoolId, userId: actor.userId };
    const newest = await tx.notification.findFirst({ where: { ...mine, id: input.newestId }, select: { createdAt: true } });
    if (!newest) throw new NotFoundError("notification");
    const marked = await tx.notification.updateMany({
      where: { ...mine, readAt: null, createdAt: { lte: newest.createdAt } },
      data: { readAt: new Date() },
    });
    if (marked.count === 0) throw new RuleError(NOTHING_NEW_MESSAGE);
    await audit({ action: "notification.all_read", recordType: "Notification", changes: { count: marked.count } });
    return { message: marked.count === 1 ? "Marked 1 notification as read." : `Marked ${marked.count} notifications as read.` };
  },
);
