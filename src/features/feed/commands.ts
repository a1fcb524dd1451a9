import "server-only";
import { z } from "zod";
import { defineCommand } from "@/server/command";
import { RuleError } from "@/server/errors";
import { FEED_ROLES, feedPairingsOf, feedPersonOf, nothingToShowMessage } from "./policy";
import { hashSecretToken, newSecretToken } from "@/server/secret-token";
import { feedPath } from "./tokens";

// Both forms send nothing but themselves: the link is always the signed-in person's own (so there is
// no field for schemas.test.ts to walk).
const NO_INPUT = z.object({});

export const NO_LINK_MESSAGE = "You do not have a calendar link to turn off.";

/**
 * Makes the person's link, or a new one in place of the old (which stops working at once). One row per
 * person and school (the natural key); the token goes back to the page once and only its hash is kept.
 */
export const makeCalendarLink = defineCommand(
  { name: "makeCalendarLink", schema: NO_INPUT, allow: FEED_ROLES },
  async (_input, { tx, actor, audit, contention }) => {
    const person = feedPersonOf(actor);
    if ((await tx.pairing.count({ where: feedPairingsOf(person) })) === 0) throw new RuleError(nothingToShowMessage(person));
    const who = { schoolId: actor.schoolId, userId: actor.userId };
    const now = new Date();
    // The row exists (made now, or by a request at the same moment, which this waits for), then is locked.
    await tx.calendarFeed.createMany({ data: [{ ...who, tokenHash: null, revokedAt: now }], skipDuplicates: true });
    contention("Your calendar link is being changed somewhere else at the same moment, so nothing was changed. Please try again.");
    const [row] = await tx.$queryRaw<{ id: string; tokenHash: string | null }[]>`
      SELECT "id", "tokenHash" FROM "CalendarFeed" WHERE "schoolId" = ${who.schoolId} AND "userId" = ${who.userId} FOR UPDATE`;
    if (!row) throw new Error("The calendar feed row was not made");
    const token = newSecretToken();
    await tx.calendarFeed.update({
      where: { schoolId_id: { schoolId: who.schoolId, id: row.id } },
      data: { tokenHash: hashSecretToken(token), createdAt: now, revokedAt: null },
    });
    const replaced = row.tokenHash !== null;
    await audit({
      action: "calendar_feed.link_made",
      recordType: "CalendarFeed",
      recordId: row.id,
      changes: { replacedLiveLink: replaced },
    });
    return {
      message: replaced ? "Here is your new link. The old one has stopped working." : "Here is your link.",
      link: { href: feedPath(who.schoolId, token), label: "Your calendar link" },
    };
  },
);

/** Turns the person's link off: the token is forgotten, so nothing can bring that link back. */
export const turnOffCalendarLink = defineCommand(
  { name: "turnOffCalendarLink", schema: NO_INPUT, allow: FEED_ROLES },
  async (_input, { tx, actor, audit }) => {
    // Conditional: a second "turn off" at the same moment finds no live link.
    const rows = await tx.calendarFeed.updateManyAndReturn({
      where: { schoolId: actor.schoolId, userId: actor.userId, revokedAt: null, tokenHash: { not: null } },
      data: { tokenHash: null, revokedAt: new Date() },
      select: { id: true },
    });
    if (rows.length === 0) throw new RuleError(NO_LINK_MESSAGE);
    await audit({ action: "calendar_feed.link_turned_off", recordType: "CalendarFeed", recordId: rows[0]!.id });
    return { message: "Your link is turned off. Calendars that used it will stop showing your sessions." };
  },
);
