import type { Prisma } from "@/generated/prisma/client";
import { HELD_STATUSES } from "./status";

/**
 * Who is waiting for a mentor in a programme, defined once (ADR 009) for the dashboard's count, the
 * matching engine's input, the manual pairing picker and a mentee's own choices: a mentee of the
 * programme who is on roll (not left, not an alumnus) and has no trial, active or paused pairing in it.
 */
export function waitingMenteeWhere(schoolId: string, programmeId: string): Prisma.MenteeProfileWhereInput {
  return {
    schoolId,
    programmeId,
    student: { status: "ON_ROLL", memberships: { none: { role: "MENTEE", pairing: { programmeId, status: { in: [...HELD_STATUSES] } } } } },
  };
}
