import "server-only";
import type { Tx } from "@/server/db";
import { toDbDate, type IsoDate } from "@/lib/dates";
import { whatLeavingDoes } from "@/lib/leavers";
import { endLivePauses, pausePlace } from "@/features/pairings/pause";

// Pupils leaving the school (issue 11, ADR 025): the one write used by the MIS import ("left", by a
// leaving date or missing from a whole-roll file) and by the rollover ("left" or "alumni"). Runs in the
// calling command's transaction and writes no audit entry: the command does, from what it returns.

export type Leaving = { studentId: string; becomes: "LEFT" | "ALUMNI" };

export type LeftResult = {
  /** Pupils whose status changed (already left or alumni: untouched). */
  left: string[];
  /** Users whose sessions ended: sign-in refuses a pupil no longer on roll (src/server/account-access.ts). */
  accountsClosed: string[];
  pairingsEnded: string[];
  placesPaused: { pairingId: string; studentId: string }[];
};

/**
 * Marks pupils as left (or alumni) on `leftOn`: their accounts close at once (sessions and unused
 * set-up codes or links go), a pairing a leaver mentors, or whose last meeting mentee leaves, ends with
 * "pupil left", and a leaving mentee's place in a group that still meets is paused (source LEFT_SCHOOL).
 * Pairings are locked in id order, so two writers cannot deadlock.
 */
export async function markPupilsLeft(
  tx: Tx,
  input: { schoolId: string; leaving: Leaving[]; leftOn: IsoDate; byUserId: string },
): Promise<LeftResult> {
  const { schoolId } = input;
  const ids = input.leaving.map((l) => l.studentId);
  if (ids.length === 0) return { left: [], accountsClosed: [], pairingsEnded: [], placesPaused: [] };
  // Locked, in id order: what is returned is exactly what this transaction changed.
  const onRoll = await tx.$queryRaw<{ id: string; userId: string | null }[]>`
    SELECT "id", "userId" FROM "Student"
    WHERE "schoolId" = ${schoolId} AND "id" = ANY(${ids}::text[]) AND "status" = 'ON_ROLL'
    ORDER BY "id" FOR UPDATE`;
  const leavingIds = new Set(onRoll.map((p) => p.id));
  for (const becomes of ["LEFT", "ALUMNI"] as const) {
    const these = input.leaving.filter((l) => l.becomes === becomes && leavingIds.has(l.studentId)).map((l) => l.studentId);
    if (these.length > 0)
      await tx.student.updateMany({
        where: { schoolId, id: { in: these }, status: "ON_ROLL" },
        // Leaving never makes an alumni mentor: that takes a new check and invitation (ADR 025).
        data: { status: becomes, leftOn: toDbDate(input.leftOn), alumniMentorFrom: null },
      });
  }

  const userIds = onRoll.flatMap((p) => (p.userId ? [p.userId] : []));
  if (userIds.length > 0) {
    await tx.user.updateMany({ where: { id: { in: userIds } }, data: { sessionVersion: { increment: 1 } } });
    await tx.userSession.deleteMany({ where: { userId: { in: userIds } } });
    await tx.accountToken.updateMany({
      where: { schoolId, userId: { in: userIds }, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date(), sealedCode: null },
    });
  }

  const pairingIds = (
    await tx.pairing.findMany({
      where: { schoolId, status: { not: "ENDED" }, members: { some: { studentId: { in: [...leavingIds] } } } },
      select: { id: true },
      orderBy: { id: "asc" },
    })
  ).map((p) => p.id);
  const pairingsEnded: string[] = [];
  const placesPaused: LeftResult["placesPaused"] = [];
  for (const pairingId of pairingIds) {
    const [locked] = await tx.$queryRaw<{ status: string }[]>`
      SELECT "status"::text AS "status" FROM "Pairing" WHERE "id" = ${pairingId} AND "schoolId" = ${schoolId} FOR UPDATE`;
    if (!locked || locked.status === "ENDED") continue;
    const members = await tx.pairingMember.findMany({
      where: { schoolId, pairingId },
      select: { studentId: true, role: true, pausedAt: true },
    });
    const outcome = whatLeavingDoes(
      members.map((m) => ({ studentId: m.studentId, role: m.role, isPaused: m.pausedAt !== null })),
      leavingIds,
    );
    if (outcome.kind === "END") {
      await tx.pairing.updateMany({
        where: { schoolId, id: pairingId, status: { not: "ENDED" } },
        data: { status: "ENDED", closureReason: "PUPIL_LEFT", endsOn: toDbDate(input.leftOn) },
      });
      await endLivePauses(tx, { schoolId, pairingId, endedById: input.byUserId, placesToo: true });
      pairingsEnded.push(pairingId);
    } else if (outcome.kind === "PAUSE_PLACES") {
      for (const studentId of outcome.studentIds) {
        const paused = await pausePlace(tx, {
          schoolId,
          pairingId,
          studentId,
          source: "LEFT_SCHOOL",
          reason: "Left the school.",
          pausedById: input.byUserId,
        });
        if (!paused.alreadyPaused) placesPaused.push({ pairingId, studentId });
      }
    }
  }
  return { left: onRoll.map((p) => p.id), accountsClosed: userIds, pairingsEnded, placesPaused };
}
