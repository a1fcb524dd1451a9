import "server-only";
import type { PairingStatus } from "@/generated/prisma/enums";
import { defineCommand } from "@/server/command";
import { MENTOR_ROLES } from "@/server/actor";
import { NotFoundError, RuleError } from "@/server/errors";
import { dueCheckIn, nextCheckInOpens } from "@/lib/check-ins";
import { formatPupilDate, fromDbDate, todayIn, toDbDate } from "@/lib/dates";
import { answersFor, CHECK_INS, unansweredRequired } from "@/lib/questionnaires";
import { pairingsVisibleTo } from "@/features/pairings/policy";
import { submitCheckInSchema } from "./schemas";
import { checkInHomeFor } from "./paths";

export const ALREADY_SENT_MESSAGE = "You have already sent this check-in, so nothing new was saved. Thank you!";
export const NOT_LIVE_MESSAGE = "There is no check-in while mentoring is paused or has ended, so nothing was saved.";
export const NOT_OPEN_MESSAGE = "This check-in is not open now, so nothing was saved.";

/**
 * A pupil sends their check-in for a pairing they are in (ADR 018). One response per questionnaire,
 * pairing, pupil and period (the natural key): a second send says it was already sent and adds nothing.
 */
export const submitCheckIn = defineCommand(
  { name: "submitCheckIn", schema: submitCheckInSchema, allow: [...MENTOR_ROLES, "MENTEE"] },
  async (input, { tx, actor, audit }) => {
    const studentId = actor.studentId;
    if (!studentId) throw new NotFoundError("pairing");
    const pairing = await tx.pairing.findFirst({
      where: { ...pairingsVisibleTo(actor), id: input.pairingId },
      select: { id: true, programme: { select: { checkInEveryWeeks: true } }, members: { where: { studentId }, select: { role: true } } },
    });
    const role = pairing?.members[0]?.role;
    if (!pairing || !role) throw new NotFoundError("pairing");
    // The questionnaire is the one for the pupil's own place in the pairing: a mentor never answers,
    // or sees, the mentee's.
    const questionnaire = CHECK_INS[role];
    if (questionnaire.key !== input.questionnaireKey) throw new NotFoundError("questionnaire");

    // Held until this commits, so a pairing paused or ended at the same moment gets no check-in after it.
    const [locked] = await tx.$queryRaw<{ status: PairingStatus; startsOn: Date }[]>`
      SELECT "status", "startsOn" FROM "Pairing" WHERE "schoolId" = ${actor.schoolId} AND "id" = ${pairing.id} FOR SHARE`;
    if (!locked) throw new NotFoundError("pairing");

    const home = checkInHomeFor(role);
    const alreadySent = new RuleError(ALREADY_SENT_MESSAGE, {}, { href: home, label: "Back to your page" });
    const mine = { schoolId: actor.schoolId, questionnaireKey: questionnaire.key, pairingId: pairing.id, studentId };
    const answered = (await tx.questionnaireResponse.findMany({ where: mine, select: { periodStart: true } })).map((r) =>
      fromDbDate(r.periodStart),
    );
    if (answered.includes(input.periodStart)) throw alreadySent;

    const today = todayIn(actor.timezone);
    const startsOn = fromDbDate(locked.startsOn);
    const everyWeeks = pairing.programme.checkInEveryWeeks;
    const due = dueCheckIn({ today, pairing: { startsOn, status: locked.status }, everyWeeks, answered });
    if (!due || due.periodStart !== input.periodStart) {
      if (locked.status !== "TRIAL" && locked.status !== "ACTIVE") throw new RuleError(NOT_LIVE_MESSAGE);
      const next = due ? null : nextCheckInOpens(startsOn, everyWeeks, today);
      const detail = due
        ? " A new one is ready: go back to your page to start it."
        : next
          ? ` The next one opens on ${formatPupilDate(next, today)}.`
          : "";
      throw new RuleError(`${NOT_OPEN_MESSAGE}${detail}`, {}, { href: home, label: "Back to your page" });
    }

    const answers = answersFor(questionnaire, input);
    const missing = unansweredRequired(questionnaire, answers);
    if (missing.length > 0) {
      const fieldErrors = Object.fromEntries(missing.map((q) => [q.key, [q.kind === "scale" ? q.missing : "Answer this question."]]));
      throw new RuleError("Please answer the questions that need an answer.", fieldErrors);
    }

    // ON CONFLICT DO NOTHING waits for a concurrent send of the same check-in to commit, then finds it.
    const [response] = await tx.questionnaireResponse.createManyAndReturn({
      data: [{ ...mine, respondentRole: role, periodStart: toDbDate(due.periodStart) }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!response) throw alreadySent;
    await tx.questionnaireAnswer.createMany({
      data: answers.map((a) => ({ schoolId: actor.schoolId, responseId: response.id, ...a })),
    });
    // The answers themselves stay out of the audit log: only their readers see them (ADR 018).
    await audit({
      action: "check-in.sent",
      recordType: "QuestionnaireResponse",
      recordId: response.id,
      changes: {
        questionnaireKey: questionnaire.key,
        pairingId: pairing.id,
        periodStart: due.periodStart,
        answered: answers.map((a) => a.questionKey),
      },
    });
    return { message: "Thank you! Your check-in is sent.", recordId: response.id };
  },
);
