import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PairingStatus } from "@/generated/prisma/enums";
import { RuleError } from "@/server/errors";
import type { Tx } from "@/server/db";
import { lockPupils } from "@/server/locks";
import { pupilDisplayName } from "@/lib/ranking";
import { mentorLoad, mentorLoadSelect } from "./load";
import { HELD_STATUSES } from "./status";

// Letting a pairing go on (a trial made active, or a pause resumed): every rule about who may be
// together is checked again, under the same locks as creating a pairing (ADR 010). Shared by the
// status command and by resuming a pause, so the two can never check different things.

export const MENTOR_CONTENTION =
  "Someone else is changing this mentor's pairings at the same moment, so nothing was saved. Please try again.";

/** Each mentor's current load (pairings/load.ts), read inside the transaction that checks capacity. */
export async function currentLoads(tx: Tx, schoolId: string, programmeId: string, mentorIds: string[]) {
  const mentors = await tx.student.findMany({
    where: { schoolId, id: { in: mentorIds } },
    select: { id: true, memberships: mentorLoadSelect(programmeId) },
  });
  return new Map(mentorIds.map((id) => [id, mentorLoad(mentors.find((m) => m.id === id)?.memberships ?? [])]));
}

/**
 * Serialises changes that share a mentor or a mentee, so two at once cannot both pass the capacity
 * rule or give one mentee two mentors. Mentors are locked before mentees, always in that order.
 */
export async function lockProfiles(tx: Tx, programmeId: string, mentorIds: string[], menteeIds: string[]) {
  if (mentorIds.length > 0) {
    await tx.$queryRaw`SELECT id FROM "MentorProfile" WHERE "programmeId" = ${programmeId} AND "studentId" IN (${Prisma.join(mentorIds)}) ORDER BY id FOR UPDATE`;
  }
  if (menteeIds.length > 0) {
    await tx.$queryRaw`SELECT id FROM "MenteeProfile" WHERE "programmeId" = ${programmeId} AND "studentId" IN (${Prisma.join(menteeIds)}) ORDER BY id FOR UPDATE`;
  }
}

type Member = {
  studentId: string;
  role: "MENTOR" | "MENTEE";
  student: { legalFirstName: string; legalLastName: string; preferredName: string | null };
};

/** What `checkGoingOn` reads about a pairing: select this with its id, status and programme. */
export const goingOnMembersSelect = {
  select: { studentId: true, role: true, student: { select: { legalFirstName: true, legalLastName: true, preferredName: true } } },
} as const;

/** Resuming a paused pairing: nobody else has its mentees, and its mentors have room again. */
async function checkResumable(
  tx: Tx,
  schoolId: string,
  pairing: { id: string; programmeId: string },
  mentors: Member[],
  mentees: Member[],
) {
  // Defence in depth: a paused pairing keeps its mentee (HELD_STATUSES), so nobody else should have them.
  const repaired = await tx.pairingMember.findFirst({
    where: {
      schoolId,
      role: "MENTEE",
      studentId: { in: mentees.map((m) => m.studentId) },
      pairingId: { not: pairing.id },
      pairing: { programmeId: pairing.programmeId, status: { in: [...HELD_STATUSES] } },
    },
    select: { student: { select: { legalFirstName: true, legalLastName: true, preferredName: true } } },
  });
  if (repaired) {
    throw new RuleError(
      `${pupilDisplayName(repaired.student)} already has another mentor in this programme. End this pairing instead, or end the other one first.`,
      { status: ["A mentee has another pairing."] },
    );
  }
  const mentorIds = mentors.map((m) => m.studentId);
  const [loads, profiles] = await Promise.all([
    currentLoads(tx, schoolId, pairing.programmeId, mentorIds),
    tx.mentorProfile.findMany({
      where: { schoolId, programmeId: pairing.programmeId, studentId: { in: mentorIds } },
      select: { studentId: true, capacity: true },
    }),
  ]);
  for (const mentor of mentors) {
    const capacity = profiles.find((p) => p.studentId === mentor.studentId)?.capacity ?? 0;
    const load = loads.get(mentor.studentId) ?? 0;
    if (load + mentees.length > capacity) {
      throw new RuleError(
        `${pupilDisplayName(mentor.student)} can support ${capacity} mentee${capacity === 1 ? "" : "s"} at once and already has ${load}.`,
        {
          status: ["The mentor is at capacity."],
        },
      );
    }
  }
}

/**
 * Checks, under the pupils' and profiles' locks, that a pairing may go on from `pairing.status` (trial
 * or paused) to a live status: its programme is open, nobody in it must be kept apart, and, from a
 * pause, its mentees have no other mentor and its mentors have room. Throws a RuleError if not.
 * `contention` names the locks taken here, for the answer when they are not granted in time.
 */
export async function checkGoingOn(
  tx: Tx,
  schoolId: string,
  pairing: { id: string; status: PairingStatus; programmeId: string; members: Member[] },
  contention: (message: string) => void = () => {},
) {
  // A closed programme has no live pairings (closing refuses while it has any): reopen it first.
  const [programme] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text FROM "Programme" WHERE "schoolId" = ${schoolId} AND "id" = ${pairing.programmeId} FOR SHARE`;
  if (programme?.status === "CLOSED")
    throw new RuleError("This programme is closed, so its pairings cannot go on. Reopen the programme first.", {
      status: ["The programme is closed."],
    });
  const mentors = pairing.members.filter((m) => m.role === "MENTOR");
  const mentees = pairing.members.filter((m) => m.role === "MENTEE");
  const everyone = pairing.members.map((m) => m.studentId);
  contention(MENTOR_CONTENTION);
  await lockPupils(tx, schoolId, everyone);
  await lockProfiles(
    tx,
    pairing.programmeId,
    mentors.map((m) => m.studentId),
    mentees.map((m) => m.studentId),
  );
  const keptApart = await tx.keepApart.findFirst({
    where: { schoolId, studentAId: { in: everyone }, studentBId: { in: everyone } },
    select: { studentAId: true, studentBId: true },
  });
  if (keptApart) {
    const name = (id: string) => pupilDisplayName(pairing.members.find((m) => m.studentId === id)!.student);
    throw new RuleError(
      `${name(keptApart.studentAId)} and ${name(keptApart.studentBId)} must now be kept apart, so this pairing cannot go on. End it instead.`,
      { status: ["These pupils must be kept apart."] },
    );
  }
  // A paused pairing used none of its mentors' places and was outside the one-mentor rule's count.
  if (pairing.status === "PAUSED") await checkResumable(tx, schoolId, pairing, mentors, mentees);
}

/**
 * A mentee's paused place taken up again: nobody in the group must now be kept apart from them. Their
 * place was held all along (it counts in the mentor's load), so capacity is unchanged.
 */
export async function checkPlaceGoingOn(
  tx: Tx,
  schoolId: string,
  pairing: { members: Member[] },
  studentId: string,
  contention: (message: string) => void = () => {},
) {
  const others = pairing.members.filter((m) => m.studentId !== studentId).map((m) => m.studentId);
  contention(MENTOR_CONTENTION);
  await lockPupils(tx, schoolId, [studentId, ...others]);
  const keptApart = await tx.keepApart.findFirst({
    where: {
      schoolId,
      OR: [
        { studentAId: studentId, studentBId: { in: others } },
        { studentBId: studentId, studentAId: { in: others } },
      ],
    },
    select: { studentAId: true, studentBId: true },
  });
  if (keptApart) {
    const name = (id: string) => pupilDisplayName(pairing.members.find((m) => m.studentId === id)!.student);
    throw new RuleError(
      `${name(keptApart.studentAId)} and ${name(keptApart.studentBId)} must now be kept apart, so this place cannot be taken up again.`,
      { status: ["These pupils must be kept apart."] },
    );
  }
}
