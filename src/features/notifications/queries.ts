import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { pageOf } from "@/server/read";

// A notification is its user's alone, in its school: every read filters by both (ADR 016).
const mine = (actor: Actor) => ({ schoolId: actor.schoolId, userId: actor.userId });

/** How many of the actor's notifications are unread (the header's count). */
export async function countMyUnreadNotifications(actor: Actor): Promise<number> {
  return db.notification.count({ where: { ...mine(actor), readAt: null } });
}

/** The actor's notifications, newest first, a page at a time. */
export async function listMyNotifications(actor: Actor, options: { page?: number } = {}) {
  const { skip, take, page } = pageOf(options.page);
  const [rows, total, unread, newest] = await Promise.all([
    db.notification.findMany({
      where: mine(actor),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take,
      select: { id: true, kind: true, message: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: mine(actor) }),
    db.notification.count({ where: { ...mine(actor), readAt: null } }),
    db.notification.findFirst({ where: mine(actor), orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } }),
  ]);
  return {
    page,
    pageCount: Math.max(1, Math.ceil(total / take)),
    total,
    unread,
    /** What "Mark all as read" marks up to: the newest there was when the page was shown. */
    newestId: newest?.id ?? null,
    items: rows.map((n) => ({ id: n.id, kind: n.kind, message: n.message, createdAt: n.createdAt, isRead: n.readAt !== null })),
  };
}
