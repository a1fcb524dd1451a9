// A mentor's load, defined once: the mentees they support now across TRIAL and ACTIVE pairings of
// a programme, every mentee of a group counting. Used by the capacity rule and every list of mentors.
import type { Prisma } from "@/generated/prisma/client";
import { LIVE_STATUSES } from "./status";

/** Select this on a Student as `memberships` to count their load with `mentorLoad`. */
export function mentorLoadSelect(programmeId: string) {
  return {
    where: { role: "MENTOR", pairing: { programmeId, status: { in: [...LIVE_STATUSES] } } },
    select: { pairing: { select: { members: { where: { role: "MENTEE" }, select: { id: true } } } } },
  } satisfies Prisma.Student$membershipsArgs;
}

export function mentorLoad(memberships: { pairing: { members: unknown[] } }[]): number {
  return memberships.reduce((sum, m) => sum + m.pairing.members.length, 0);
}
