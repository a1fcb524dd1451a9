import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { requireRoleForRead } from "@/server/security-events";
import { todayIn } from "@/lib/dates";
import { FEED_ROLES, feedPairingsOf, feedPersonOf, nothingToShowMessage } from "./policy";

/** The signed-in person's calendar link as the page shows it: whether there is one (never the link itself). */
export async function getMyCalendarLink(actor: Actor) {
  await requireRoleForRead(actor, ...FEED_ROLES);
  const person = feedPersonOf(actor);
  const [feed, pairingCount] = await Promise.all([
    db.calendarFeed.findFirst({
      where: { schoolId: actor.schoolId, userId: actor.userId, revokedAt: null, tokenHash: { not: null } },
      select: { createdAt: true },
    }),
    db.pairing.count({ where: feedPairingsOf(person) }),
  ]);
  return {
    isStaff: person.isStaff,
    madeOn: feed ? todayIn(actor.timezone, feed.createdAt) : null,
    pairingCount,
    /** Why there is nothing to make a link for yet, or null. */
    nothingToShow: pairingCount === 0 ? nothingToShowMessage(person) : null,
  };
}
