import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { todayIn } from "@/lib/dates";
import { lockPupils } from "@/server/locks";
import { createPairingInTx, lockProfiles } from "@/features/pairings/commands";
import { acceptSuggestionsSchema, saveWeightsSchema, toMatchWeights } from "./schemas";

/** Accepts every suggestion shown, all or nothing: each becomes a trial pairing under the hard rules. */
export const acceptSuggestions = defineCommand(
  { name: "acceptSuggestions", schema: acceptSuggestionsSchema, allow: ["COORDINATOR"], isIdempotent: true },
  async (input, ctx) => {
    const startsOn = todayIn(ctx.actor.timezone);
    const pairs = input.pairs.map((pair) => pair.split(":") as [string, string]);
    const programme = await ctx.tx.programme.findFirst({
      where: { id: input.programmeId, schoolId: ctx.actor.schoolId },
      select: { id: true },
    });
    if (!programme) throw new NotFoundError("programme");
    // Every lock up front, in the one order (pupils, then mentors' profiles, then mentees'), so accepting
    // many at once cannot deadlock with another acceptance or a manual pairing.
    ctx.contention("Someone else is changing these mentors' pairings at the same moment, so nothing was saved. Please try again.");
    await lockPupils(ctx.tx, ctx.actor.schoolId, pairs.flat());
    await lockProfiles(
      ctx.tx,
      programme.id,
      pairs.map(([, mentorId]) => mentorId),
      pairs.map(([menteeId]) => menteeId),
    );
    for (const [menteeId, mentorId] of pairs) {
      try {
        await createPairingInTx(
          {
            programmeId: input.programmeId,
            kind: "ONE_TO_ONE",
            mentorIds: [mentorId],
            menteeIds: [menteeId],
            name: "",
            startsOn,
            trainingOverrideReason: "",
          },
          ctx,
        );
      } catch (error) {
        if (error instanceof RuleError)
          throw new RuleError(`Nothing was saved: ${error.message} Run the suggestions again to see the current picture.`);
        throw error;
      }
    }
    const n = input.pairs.length;
    return { message: `${n} trial pairing${n === 1 ? "" : "s"} created. Review each one in two weeks.` };
  },
);

export const saveMatchWeights = defineCommand(
  { name: "saveMatchWeights", schema: saveWeightsSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    const programme = await tx.programme.findFirst({ where: { id: input.programmeId, schoolId: actor.schoolId }, select: { id: true } });
    if (!programme) throw new NotFoundError("programme");
    const { programmeId, ...form } = input;
    const weights = toMatchWeights(form);
    await tx.programme.update({
      where: { schoolId_id: { schoolId: actor.schoolId, id: programme.id } },
      data: { matchWeights: { ...weights, menteeRanking: [...weights.menteeRanking] } },
    });
    await audit({ action: "programme.match_weights_saved", recordType: "Programme", recordId: programmeId, changes: form });
    return { message: "Saved as this programme's weights." };
  },
);
