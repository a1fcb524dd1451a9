import "server-only";
import { defineCommand } from "@/server/command";
import type { Tx } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";
import { notify } from "@/server/notifications";
import { kickEmailDelivery } from "@/server/notification-email";
import * as pauses from "./pause";
import { isResumableByCoordinator, NOT_RESUMABLE_MESSAGE } from "./pause-words";
import { pauseMyPlaceSchema, pausePairingSchema, resumePauseSchema } from "./schemas";
import { HELD_STATUSES, pairingStatusLabels } from "./status";
import { LIVE_MEMBERSHIP } from "@/server/account-access";

// The commands around the one pause operation (pause.ts, ADR 022): a mentee's "I don't want to meet my
// mentor for now", and the coordinator's pause and resume on the pairing's page. The concern side
// calls pausePlace and resumePause from its own commands.

const PAIRING_CONTENTION = "Someone else is changing this pairing at the same moment, so nothing was saved. Please try again.";

/** What coordinators and safeguarding leads are told: never who, never why (ADR 016). */
export const PAUSE_REQUESTED_MESSAGE = "A mentee has asked to pause their mentoring for now.";

/**
 * Every coordinator and DSL of the school, once each: a coordinator opens the pairing's page, a DSL
 * who is not also a coordinator the safeguarding page.
 */
async function tellStaffOfPauseRequest(tx: Tx, input: { schoolId: string; pairingId: string; pauseId: string }) {
  const staff = await tx.membership.findMany({
    where: { schoolId: input.schoolId, roles: { hasSome: ["COORDINATOR", "DSL"] }, ...LIVE_MEMBERSHIP },
    select: { userId: true, roles: true },
  });
  for (const member of staff) {
    await notify(tx, {
      schoolId: input.schoolId,
      userId: member.userId,
      kind: "pause.requested",
      message: PAUSE_REQUESTED_MESSAGE,
      link: member.roles.includes("COORDINATOR") ? `/coordinator/pairings/${input.pairingId}` : "/safeguarding",
      dedupeKey: `pause-requested:${input.pauseId}`,
    });
  }
}

export const pauseMyPlace = defineCommand(
  { name: "pauseMyPlace", schema: pauseMyPlaceSchema, allow: ["MENTEE"] },
  async (input, { tx, actor, audit, contention, afterCommit }) => {
    const studentId = actor.studentId;
    if (!studentId) throw new NotFoundError("pairing");
    // Only a pairing they are a mentee in, that has not ended: anything else is not found.
    const own = await tx.pairing.findFirst({
      where: {
        schoolId: actor.schoolId,
        id: input.pairingId,
        status: { in: [...HELD_STATUSES] },
        members: { some: { studentId, role: "MENTEE" } },
      },
      select: { id: true },
    });
    if (!own) throw new NotFoundError("pairing");
    contention(PAIRING_CONTENTION);
    const paused = await pauses.pausePlace(tx, {
      schoolId: actor.schoolId,
      pairingId: own.id,
      studentId,
      source: "MENTEE",
      reason: input.reason,
      pausedById: actor.userId,
    });
    // The mentee's own words stay on the pause, for staff; the audit entry says only that there were some.
    await audit({
      action: paused.alreadyPaused ? "pause.asked_again" : "pause.started",
      recordType: "Pause",
      recordId: paused.pauseId,
      changes: {
        pairingId: own.id,
        studentId,
        scope: paused.scope,
        source: "MENTEE",
        from: paused.from ?? undefined,
        hasReason: input.reason !== "",
      },
    });
    let pauseId = paused.pauseId;
    if (paused.alreadyPaused) {
      // Paused by a coordinator already: her wish takes the pause over, so staff are told and a
      // resume of the coordinator's pause cannot bring her mentor back without anyone knowing.
      const taken = await pauses.takeOverPause(tx, {
        schoolId: actor.schoolId,
        pauseId: paused.pauseId,
        source: "MENTEE",
        reason: input.reason,
        pausedById: actor.userId,
      });
      if (!taken) return { message: "Your meetings are already paused for now.", recordId: paused.pauseId };
      pauseId = taken.pauseId;
    }
    await tellStaffOfPauseRequest(tx, { schoolId: actor.schoolId, pairingId: own.id, pauseId });
    afterCommit(kickEmailDelivery);
    return { message: "Your meetings are paused for now. The programme lead will check in with you.", recordId: pauseId };
  },
);

export const pausePairing = defineCommand(
  { name: "pausePairing", schema: pausePairingSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit, contention }) => {
    contention(PAIRING_CONTENTION);
    const paused = await pauses.pausePlace(tx, {
      schoolId: actor.schoolId,
      pairingId: input.pairingId,
      studentId: input.studentId ?? null,
      source: "COORDINATOR",
      reason: input.reason,
      pausedById: actor.userId,
    });
    if (paused.alreadyPaused)
      throw new RuleError(paused.scope === "PAIRING" ? "This pairing is already paused." : "This mentee's place is already paused.");
    await audit({
      action: "pause.started",
      recordType: "Pause",
      recordId: paused.pauseId,
      changes: {
        pairingId: paused.pairingId,
        studentId: input.studentId,
        scope: paused.scope,
        source: "COORDINATOR",
        from: paused.from ?? undefined,
        reason: input.reason,
      },
    });
    return {
      message:
        paused.scope === "PAIRING"
          ? "Paused. No meetings are planned until you resume it."
          : "This mentee's place is paused. The group goes on without them for now.",
      recordId: paused.pauseId,
    };
  },
);

export const resumePause = defineCommand(
  { name: "resumePause", schema: resumePauseSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit, contention }) => {
    const pause = await tx.pause.findFirst({ where: { schoolId: actor.schoolId, id: input.pauseId }, select: { source: true } });
    if (!pause) throw new NotFoundError("pause");
    if (!isResumableByCoordinator(pause.source)) throw new RuleError(NOT_RESUMABLE_MESSAGE[pause.source]);
    contention(PAIRING_CONTENTION);
    const resumed = await pauses.resumePause(tx, { schoolId: actor.schoolId, pauseId: input.pauseId, endedById: actor.userId }, contention);
    if (resumed.alreadyEnded) throw new RuleError("This pause has already ended.");
    await audit({
      action: "pause.ended",
      recordType: "Pause",
      recordId: resumed.pauseId,
      changes: {
        pairingId: resumed.pairingId,
        studentId: resumed.studentId ?? undefined,
        scope: resumed.scope,
        source: resumed.source,
        status: resumed.restoredTo ?? undefined,
      },
    });
    return {
      message: resumed.restoredTo
        ? `Resumed. The pairing is ${pairingStatusLabels[resumed.restoredTo].toLowerCase()} again.`
        : "Resumed. This mentee is back in the group.",
      recordId: resumed.pauseId,
    };
  },
);
