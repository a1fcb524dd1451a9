import "server-only";
import type { PairingStatus, PauseSource } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";
import { checkGoingOn, checkPlaceGoingOn, goingOnMembersSelect } from "./going-on";
import { canChangeStatus, LIVE_STATUSES } from "./status";

// The one pause operation (issue 9, ADR 022): a whole pairing, or one mentee's place in a group,
// paused from a concern, by the mentee, by the coordinator or for withdrawn consent. Both functions
// run inside the calling command's transaction and write no audit entry: the command does, from
// what they return.

/** A whole pairing (its status is PAUSED), or one mentee's place in a group (PairingMember.pausedAt). */
export type PauseScope = "PAIRING" | "PLACE";

export type PauseRequest = {
  schoolId: string;
  pairingId: string;
  /** A mentee's place; null for the whole pairing. */
  studentId: string | null;
  source: PauseSource;
  /** Why, in the words of whoever paused (may be empty when a mentee gives no reason). */
  reason: string;
  concernId?: string | null;
  pausedById: string;
};

export type Paused = {
  pauseId: string;
  pairingId: string;
  scope: PauseScope;
  /** The live pause already covered it: nothing was written. */
  alreadyPaused: boolean;
  /** The pairing's status before a whole-pairing pause began here. */
  from: PairingStatus | null;
};

export type Resumed = {
  pauseId: string;
  pairingId: string;
  studentId: string | null;
  scope: PauseScope;
  source: PauseSource;
  /** It had ended already: nothing was written. */
  alreadyEnded: boolean;
  /** The status a whole pairing went back to. */
  restoredTo: PairingStatus | null;
};

export const CHANGED_AT_ONCE = "Someone else changed this pairing at the same moment. Please look at it again.";

const isLive = (status: PairingStatus) => (LIVE_STATUSES as readonly PairingStatus[]).includes(status);

/** Locks the pairing's row for the rest of the transaction, so pauses, resumes and status changes run one at a time. */
async function lockPairing(tx: Tx, schoolId: string, pairingId: string) {
  const [row] = await tx.$queryRaw<{ id: string; status: PairingStatus }[]>`
    SELECT "id", "status"::text AS "status" FROM "Pairing" WHERE "id" = ${pairingId} AND "schoolId" = ${schoolId} FOR UPDATE`;
  if (!row) throw new NotFoundError("pairing");
  return row;
}

/**
 * Pauses a pairing, or one mentee's place in it, at once. Only a live (trial or active) pairing can be
 * paused. A mentee's place is the whole pairing when no other mentee would still be meeting (a 1:1,
 * a group of one, or a group whose other places are paused): then the pairing's status becomes
 * PAUSED and the pause remembers the status to return to. Pausing what is already paused returns
 * that live pause with `alreadyPaused` and writes nothing; the partial unique index "one live pause
 * per pairing / per place" backs this under races.
 */
export async function pausePlace(tx: Tx, request: PauseRequest): Promise<Paused> {
  const { schoolId, pairingId, studentId } = request;
  const pairing = await lockPairing(tx, schoolId, pairingId);
  const mentees = await tx.pairingMember.findMany({
    where: { schoolId, pairingId, role: "MENTEE" },
    select: { studentId: true, pausedAt: true },
  });
  if (studentId !== null && !mentees.some((m) => m.studentId === studentId)) throw new NotFoundError("pupil");

  const live = await tx.pause.findMany({
    where: { schoolId, pairingId, endedAt: null, OR: [{ studentId: null }, ...(studentId ? [{ studentId }] : [])] },
    select: { id: true, studentId: true },
  });
  const covering = live.find((p) => p.studentId === null) ?? live.find((p) => p.studentId === studentId);
  if (covering) {
    const scope = covering.studentId === null ? "PAIRING" : "PLACE";
    return { pauseId: covering.id, pairingId, scope, alreadyPaused: true, from: null };
  }
  if (!isLive(pairing.status)) {
    throw new RuleError(
      pairing.status === "PAUSED" ? "This pairing is already paused." : "This pairing has ended, so it cannot be paused.",
    );
  }

  const stillMeeting = mentees.filter((m) => m.studentId !== studentId && m.pausedAt === null);
  const scope: PauseScope = studentId === null || stillMeeting.length === 0 ? "PAIRING" : "PLACE";
  const pausedAt = new Date();
  const [row] = await tx.pause.createManyAndReturn({
    data: [
      {
        schoolId,
        pairingId,
        studentId: scope === "PLACE" ? studentId : null,
        source: request.source,
        reason: request.reason,
        concernId: request.concernId ?? null,
        resumeTo: scope === "PAIRING" ? pairing.status : null,
        pausedById: request.pausedById,
        pausedAt,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!row) {
    // Another transaction that did not take the row lock paused it first: the index kept one live pause.
    const existing = await tx.pause.findFirst({
      where: { schoolId, pairingId, endedAt: null, studentId: scope === "PLACE" ? studentId : null },
      select: { id: true },
    });
    if (!existing) throw new RuleError(CHANGED_AT_ONCE);
    return { pauseId: existing.id, pairingId, scope, alreadyPaused: true, from: null };
  }

  if (scope === "PAIRING") {
    if (!canChangeStatus(pairing.status, "PAUSED")) throw new RuleError("This pairing cannot be paused.");
    const updated = await tx.pairing.updateMany({
      where: { id: pairingId, schoolId, status: pairing.status },
      data: { status: "PAUSED" },
    });
    if (updated.count !== 1) throw new RuleError(CHANGED_AT_ONCE);
  } else {
    const updated = await tx.pairingMember.updateMany({
      where: { schoolId, pairingId, studentId: studentId!, role: "MENTEE", pausedAt: null },
      data: { pausedAt },
    });
    if (updated.count !== 1) throw new RuleError(CHANGED_AT_ONCE);
  }
  return { pauseId: row.id, pairingId, scope, alreadyPaused: false, from: scope === "PAIRING" ? pairing.status : null };
}

/**
 * Ends a live pause: a whole pairing goes back to the status it had before (after the same checks as
 * any pairing going on: keep-apart, capacity, another mentor, a closed programme), or a mentee's
 * place is taken up again. Ending a pause that has ended already returns `alreadyEnded` and writes
 * nothing. `contention` names the locks taken, for the answer when they are not granted in time.
 */
export async function resumePause(
  tx: Tx,
  input: { schoolId: string; pauseId: string; endedById: string },
  contention: (message: string) => void = () => {},
): Promise<Resumed> {
  const { schoolId, pauseId } = input;
  const found = await tx.pause.findFirst({ where: { schoolId, id: pauseId }, select: { pairingId: true } });
  if (!found) throw new NotFoundError("pause");
  const pairing = await lockPairing(tx, schoolId, found.pairingId);
  // Read again under the lock: a resume at the same moment has ended it, or not.
  const pause = await tx.pause.findFirstOrThrow({
    where: { schoolId, id: pauseId },
    select: { pairingId: true, studentId: true, source: true, resumeTo: true, endedAt: true },
  });
  const scope: PauseScope = pause.studentId === null ? "PAIRING" : "PLACE";
  const base = { pauseId, pairingId: pause.pairingId, studentId: pause.studentId, scope, source: pause.source };
  if (pause.endedAt) return { ...base, alreadyEnded: true, restoredTo: null };
  if (pairing.status === "ENDED") throw new RuleError("This pairing has ended, so it cannot go on.");

  let restoredTo: PairingStatus | null = null;
  const members = await tx.pairing.findFirstOrThrow({
    where: { schoolId, id: pause.pairingId },
    select: { id: true, status: true, programmeId: true, members: goingOnMembersSelect },
  });
  if (scope === "PAIRING") {
    const to = pause.resumeTo ?? "ACTIVE";
    if (pairing.status !== "PAUSED" || !canChangeStatus("PAUSED", to)) throw new RuleError(CHANGED_AT_ONCE);
    await checkGoingOn(tx, schoolId, members, contention);
    const updated = await tx.pairing.updateMany({
      where: { id: pause.pairingId, schoolId, status: "PAUSED" },
      data: { status: to },
    });
    if (updated.count !== 1) throw new RuleError(CHANGED_AT_ONCE);
    restoredTo = to;
  } else {
    await checkPlaceGoingOn(tx, schoolId, members, pause.studentId!, contention);
    const updated = await tx.pairingMember.updateMany({
      where: { schoolId, pairingId: pause.pairingId, studentId: pause.studentId!, pausedAt: { not: null } },
      data: { pausedAt: null },
    });
    if (updated.count !== 1) throw new RuleError(CHANGED_AT_ONCE);
  }
  const ended = await tx.pause.updateMany({
    where: { schoolId, id: pauseId, endedAt: null },
    data: { endedAt: new Date(), endedById: input.endedById },
  });
  if (ended.count !== 1) throw new RuleError(CHANGED_AT_ONCE);
  return { ...base, alreadyEnded: false, restoredTo };
}

/**
 * Ends a pairing's live pauses without restoring anything, when its status is changed directly: going
 * on ends the whole-pairing pause; ending the pairing ends every pause, its places' too. The caller
 * holds the pairing's row lock. Returns the ids it ended, for the caller's audit entry.
 */
export async function endLivePauses(
  tx: Tx,
  input: { schoolId: string; pairingId: string; endedById: string; placesToo: boolean },
): Promise<string[]> {
  const { schoolId, pairingId } = input;
  const where = { schoolId, pairingId, endedAt: null, ...(input.placesToo ? {} : { studentId: null }) };
  const live = await tx.pause.findMany({ where, select: { id: true } });
  if (live.length === 0) return [];
  await tx.pause.updateMany({
    where: { ...where, id: { in: live.map((p) => p.id) } },
    data: { endedAt: new Date(), endedById: input.endedById },
  });
  if (input.placesToo)
    await tx.pairingMember.updateMany({ where: { schoolId, pairingId, pausedAt: { not: null } }, data: { pausedAt: null } });
  return live.map((p) => p.id);
}

/** Which pauses give way to which: a mentee's wish outranks a coordinator's pause; a concern's outranks both. */
const RANK: Record<PauseSource, number> = { COORDINATOR: 0, MENTEE: 1, CONSENT: 2, CONCERN: 2, LEFT_SCHOOL: 3 };

/**
 * A pause already covers what a stronger source now asks to pause: the stronger one takes it over
 * (the old pause ends, a new one starts with the same scope and the same status to return to), so
 * only whoever may end the stronger one can resume. Returns the new pause, or null when the pause
 * already there is as strong or stronger (nothing is written).
 */
export async function takeOverPause(
  tx: Tx,
  input: { schoolId: string; pauseId: string; source: PauseSource; reason: string; concernId?: string | null; pausedById: string },
): Promise<{ pauseId: string } | null> {
  const covering = await tx.pause.findFirstOrThrow({
    where: { schoolId: input.schoolId, id: input.pauseId },
    select: { id: true, pairingId: true, source: true, studentId: true, resumeTo: true },
  });
  if (RANK[covering.source] >= RANK[input.source]) return null;
  const ended = await tx.pause.updateMany({
    where: { schoolId: input.schoolId, id: covering.id, endedAt: null },
    data: { endedAt: new Date(), endedById: input.pausedById },
  });
  if (ended.count !== 1) throw new RuleError(CHANGED_AT_ONCE);
  const created = await tx.pause.create({
    data: {
      schoolId: input.schoolId,
      pairingId: covering.pairingId,
      studentId: covering.studentId,
      source: input.source,
      reason: input.reason,
      concernId: input.concernId ?? null,
      resumeTo: covering.resumeTo,
      pausedById: input.pausedById,
    },
    select: { id: true },
  });
  return { pauseId: created.id };
}
