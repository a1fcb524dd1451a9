import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/actor";
import { concernsLedBy } from "@/features/concerns/policy";

// A pupil's safeguarding file (issue 9, ADR 023): every safeguarding-route concern naming the pupil
// that the actor leads. Who reads pupil files at all is `readsPupilFiles` (the concerns' policy).

export function fileConcernsOf(actor: Actor, studentId: string): Prisma.ConcernWhereInput {
  return { AND: [concernsLedBy(actor), { schoolId: actor.schoolId, route: "SAFEGUARDING", pupils: { some: { studentId } } }] };
}
