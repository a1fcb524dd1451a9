import "server-only";
import { isResumableByCoordinator, NOT_RESUMABLE_MESSAGE } from "./pause-words";
import { defineCommand, type CommandContext, type CommandResult } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { lockPupils } from "@/server/locks";
import { loadCalendarFacts, requireDateInRange } from "@/server/calendar";
import { addDaysIso, formatStaffDate, todayIn, toDbDate } from "@/lib/dates";
import { checkPairingRules, type RuleViolation } from "@/lib/pairing-rules";
import { pairingStartRange } from "@/lib/school-calendar";
import { pupilDisplayName } from "@/lib/ranking";
import { freeTimeTokens, sharedFreeTimes } from "@/lib/day-slots";
import { initialSlot } from "@/lib/pairing-schedule";
import { loadDaySlots } from "@/server/day-slots";
import { yearGroupOn } from "@/lib/year-group";
import { checkGoingOn, currentLoads, goingOnMembersSelect, lockProfiles, MENTOR_CONTENTION } from "./going-on";
import { endLivePauses, pausePlace } from "./pause";
import { canChangeStatus, HELD_STATUSES, LIVE_STATUSES, pairingStatusLabels } from "./status";
import { changePairingStatusSchema, createPairingSchema, type CreatePairingInput } from "./schemas";
import { CURRENT_PUPIL, MAY_MENTOR } from "@/features/students/policy";

export { lockProfiles } from "./going-on";
export { pauseMyPlace, pausePairing, resumePause } from "./pause-commands";

const TRIAL_DAYS = 14;

function ruleError(violations: RuleViolation[]): RuleError {
  const fieldErrors: Record<string, string[]> = {};
  for (const v of violations) (fieldErrors[v.field] ??= []).push(v.message);
  return new RuleError(violations[0]!.message, fieldErrors);
}

/**
 * Creates one trial pairing or group under every hard rule, inside the caller's transaction.
 * Shared by manual pairing and by accepting matching suggestions.
 */
export async function createPairingInTx(
  input: CreatePairingInput,
  { tx, actor, audit, contention }: CommandContext,
): Promise<CommandResult> {
  const { schoolId } = actor;
  // A share lock: the programme cannot close (which counts its live pairings) while this one starts.
  await tx.$queryRaw`SELECT "id" FROM "Programme" WHERE "schoolId" = ${schoolId} AND "id" = ${input.programmeId} FOR SHARE`;
  const programme = await tx.programme.findFirst({
    where: { id: input.programmeId, schoolId },
    select: {
      id: true,
      format: true,
      status: true,
      minYearGap: true,
      maxYearGap: true,
      isTrainingRequired: true,
      defaultWeekday: true,
      defaultSlotId: true,
      defaultPlace: true,
    },
  });
  if (!programme) throw new NotFoundError("programme");
  if (programme.status !== "ACTIVE") throw new RuleError("This programme is not running, so it cannot take new pairings.");
  const calendar = await loadCalendarFacts(tx, actor);
  requireDateInRange("startsOn", input.startsOn, pairingStartRange(calendar), "staff", calendar.today);

  const mentorIds = [...new Set(input.mentorIds)];
  const menteeIds = [...new Set(input.menteeIds)];
  contention(MENTOR_CONTENTION);
  // The pupils first (so a keep-apart added at the same moment waits or is seen), then their profiles.
  await lockPupils(tx, schoolId, [...mentorIds, ...menteeIds]);
  await lockProfiles(tx, programme.id, mentorIds, menteeIds);
  const students = await tx.student.findMany({
    where: {
      schoolId,
      OR: [
        { id: { in: menteeIds }, ...CURRENT_PUPIL },
        { id: { in: mentorIds }, ...MAY_MENTOR },
      ],
    },
    select: {
      id: true,
      legalFirstName: true,
      legalLastName: true,
      preferredName: true,
      cohortYear: true,
      availability: true,
      status: true,
      mentorProfiles: { where: { programmeId: programme.id }, select: { capacity: true, trainingComplete: true } },
      menteeProfiles: { where: { programmeId: programme.id }, select: { id: true } },
      memberships: {
        where: { role: "MENTEE", pairing: { programmeId: programme.id, status: { in: [...HELD_STATUSES] } } },
        select: { id: true },
      },
    },
  });
  const byId = new Map(students.map((s) => [s.id, s]));
  if ([...mentorIds, ...menteeIds].some((id) => !byId.has(id))) throw new NotFoundError("pupil");
  // A mentee is a pupil on roll (waiting.ts); alumni may mentor but are never mentees.
  if (menteeIds.some((id) => byId.get(id)!.status !== "ON_ROLL")) throw new NotFoundError("pupil");

  const today = calendar.today;
  const everyone = [...mentorIds, ...menteeIds];
  const [loads, keepApart] = await Promise.all([
    currentLoads(tx, schoolId, programme.id, mentorIds),
    tx.keepApart.findMany({
      where: { schoolId, studentAId: { in: everyone }, studentBId: { in: everyone } },
      select: { studentAId: true, studentBId: true },
    }),
  ]);
  const daySlots = await loadDaySlots(schoolId, tx, { includeArchived: true });
  // Shared free time is the same weekday, slot and times for both year groups (ADR 014).
  const { tokensFor } = freeTimeTokens(daySlots);
  const describe = (id: string) => {
    const s = byId.get(id)!;
    const yearGroup = yearGroupOn(s.cohortYear, today);
    return { studentId: id, name: pupilDisplayName(s), yearGroup, slots: tokensFor(s.availability, yearGroup) };
  };
  const hasTrainingOverride = input.trainingOverrideReason.length > 0;
  const violations = checkPairingRules({
    kind: input.kind,
    programmeFormat: programme.format,
    minimumYearGap: programme.minYearGap,
    maximumYearGap: programme.maxYearGap,
    isTrainingRequired: programme.isTrainingRequired,
    hasTrainingOverride,
    keepApart: keepApart.map((k) => [k.studentAId, k.studentBId] as const),
    mentors: mentorIds.map((id) => {
      const profile = byId.get(id)!.mentorProfiles[0];
      return {
        ...describe(id),
        hasProfile: Boolean(profile),
        capacity: profile?.capacity ?? 0,
        currentLoad: loads.get(id) ?? 0,
        isTrained: profile?.trainingComplete ?? false,
      };
    }),
    mentees: menteeIds.map((id) => ({
      ...describe(id),
      hasProfile: byId.get(id)!.menteeProfiles.length > 0,
      heldPairings: byId.get(id)!.memberships.length,
    })),
  });
  if (violations.length > 0) throw ruleError(violations);
  const isOverridden =
    hasTrainingOverride &&
    programme.isTrainingRequired &&
    mentorIds.some((id) => byId.get(id)!.mentorProfiles[0]?.trainingComplete === false);

  // The regular slot starts from the programme's default and the pupils' shared free time (ADR 013).
  // Every mentor with every mentee: a group's time is one they all share; a retired default is no default.
  const sharedByEach = mentorIds.flatMap((m) => menteeIds.map((id) => sharedFreeTimes(byId.get(m)!, byId.get(id)!, daySlots, today)));
  const defaultSlot = daySlots.find((s) => s.id === programme.defaultSlotId);
  const slot = initialSlot({ ...programme, defaultSlotId: defaultSlot && !defaultSlot.isArchived ? defaultSlot.id : null }, sharedByEach);
  const pairing = await tx.pairing.create({
    data: {
      ...(slot ? { slotWeekday: slot.weekday, slotId: slot.slotId, slotPlace: slot.place, slotFrom: toDbDate(input.startsOn) } : {}),
      schoolId,
      programmeId: programme.id,
      kind: input.kind,
      name: input.name || null,
      status: "TRIAL",
      startsOn: toDbDate(input.startsOn),
      trialEndsOn: toDbDate(addDaysIso(input.startsOn, TRIAL_DAYS)),
      createdById: actor.userId,
      trainingOverrideReason: isOverridden ? input.trainingOverrideReason : null,
      members: {
        create: [
          ...mentorIds.map((studentId) => ({ studentId, role: "MENTOR" as const })),
          ...menteeIds.map((studentId) => ({ studentId, role: "MENTEE" as const })),
        ],
      },
    },
    select: { id: true },
  });
  await audit({
    action: "pairing.created",
    recordType: "Pairing",
    recordId: pairing.id,
    changes: {
      programmeId: programme.id,
      kind: input.kind,
      mentorIds,
      menteeIds,
      status: "TRIAL",
      startsOn: input.startsOn,
      slot: slot ?? undefined,
      trainingOverrideReason: isOverridden ? input.trainingOverrideReason : undefined,
    },
  });
  const noun = input.kind === "GROUP" ? "Group" : "Pairing";
  return { message: `${noun} created as a trial until ${formatStaffDate(addDaysIso(input.startsOn, TRIAL_DAYS))}.`, recordId: pairing.id };
}

export const createPairing = defineCommand(
  { name: "createPairing", schema: createPairingSchema, allow: ["COORDINATOR"], isIdempotent: true },
  createPairingInTx,
);

export const changePairingStatus = defineCommand(
  { name: "changePairingStatus", schema: changePairingStatusSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit, contention }) => {
    // The row is locked before its status is read, so two changes at once run one after the other and
    // the second sees the first's result (ADR 010); the update below also names the status it read.
    contention("Someone else is changing this pairing at the same moment, so nothing was saved. Please try again.");
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "Pairing" WHERE "id" = ${input.pairingId} AND "schoolId" = ${actor.schoolId} FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError("pairing");
    const pairing = await tx.pairing.findFirst({
      where: { id: input.pairingId, schoolId: actor.schoolId },
      select: {
        id: true,
        status: true,
        programmeId: true,
        members: goingOnMembersSelect,
      },
    });
    if (!pairing) throw new NotFoundError("pairing");
    if (pairing.status === input.status)
      throw new RuleError("The pairing already has that status.", { status: ["Choose a different status."] });
    if (!canChangeStatus(pairing.status, input.status)) {
      throw new RuleError(
        pairing.status === "ENDED"
          ? "An ended pairing cannot be restarted. Create a new pairing instead; the history is kept."
          : "That change of status is not allowed.",
        { status: ["Choose a different status."] },
      );
    }
    const isGoingOn = (LIVE_STATUSES as readonly string[]).includes(input.status);
    if (isGoingOn && pairing.status === "PAUSED") {
      // A pause from a concern (or withdrawn consent) is not the coordinator's to end (ADR 022).
      const held = await tx.pause.findMany({
        where: { schoolId: actor.schoolId, pairingId: pairing.id, endedAt: null, studentId: null },
        select: { source: true },
      });
      const notTheirs = held.find((p) => !isResumableByCoordinator(p.source));
      if (notTheirs) throw new RuleError(NOT_RESUMABLE_MESSAGE[notTheirs.source], { status: ["Choose a different status."] });
    }
    // Going on (from a trial or a pause): every rule about who may be together is checked again now.
    if (isGoingOn) await checkGoingOn(tx, actor.schoolId, pairing, contention);
    const isEnding = input.status === "ENDED";
    if (input.status === "PAUSED") {
      // The same pause as the pairing page's "Pause…", so who paused it and when is recorded (ADR 022).
      await pausePlace(tx, {
        schoolId: actor.schoolId,
        pairingId: pairing.id,
        studentId: null,
        source: "COORDINATOR",
        reason: "",
        pausedById: actor.userId,
      });
    } else {
      const updated = await tx.pairing.updateMany({
        where: { id: pairing.id, schoolId: actor.schoolId, status: pairing.status },
        data: {
          status: input.status,
          closureReason: isEnding ? input.closureReason! : null,
          endsOn: isEnding ? toDbDate(todayIn(actor.timezone)) : null,
        },
      });
      if (updated.count !== 1) throw new RuleError("Someone else changed this pairing at the same moment. Please look at it again.");
      // Going on ends the pairing's pause; ending it ends its places' pauses too.
      await endLivePauses(tx, { schoolId: actor.schoolId, pairingId: pairing.id, endedById: actor.userId, placesToo: isEnding });
    }
    await audit({
      action: "pairing.status_changed",
      recordType: "Pairing",
      recordId: pairing.id,
      changes: { from: pairing.status, status: input.status, closureReason: isEnding ? input.closureReason : undefined },
    });
    return {
      message: isEnding ? "Pairing ended." : `Pairing is now ${pairingStatusLabels[input.status].toLowerCase()}.`,
      recordId: pairing.id,
    };
  },
);
