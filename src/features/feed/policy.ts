import type { Prisma } from "@/generated/prisma/client";
import { pairingsMentoredBy, pairingsSupervisedBy } from "@/features/pairings/policy";
import { isStaff, type Actor } from "@/server/actor";

/** Who may have a calendar link (ADR 017): mentors, and staff who supervise pairings. */
export const FEED_ROLES = ["ADMIN", "COORDINATOR", "TEACHER", "DSL", "MENTOR"] as const;

/** The person a feed is for: a member of staff, or a pupil (by their pupil record). */
export type FeedPerson = { schoolId: string; userId: string; studentId: string | null; isStaff: boolean };

/** The pairings in a person's feed: the live pairings they supervise (staff) or mentor (a pupil). */
export function feedPairingsOf(person: FeedPerson): Prisma.PairingWhereInput {
  return person.isStaff ? pairingsSupervisedBy(person) : pairingsMentoredBy(person);
}

export function feedPersonOf(actor: Actor): FeedPerson {
  return { schoolId: actor.schoolId, userId: actor.userId, studentId: actor.studentId, isStaff: isStaff(actor) };
}

/** What the page and the command say when there is nothing to put in a calendar yet. */
export function nothingToShowMessage(person: FeedPerson): string {
  return person.isStaff
    ? "You can make a calendar link once you supervise a pairing that is on trial or active."
    : "You can make a calendar link once you have a mentee.";
}
