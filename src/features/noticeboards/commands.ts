import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { hashSecretToken, newSecretToken } from "@/server/secret-token";
import { programmesVisibleTo } from "@/features/programmes/policy";
import { makeNoticeboardLinkSchema, replaceNoticeboardLinkSchema, turnOffNoticeboardLinkSchema } from "./schemas";
import { noticeboardPath } from "./paths";

export const CLOSED_PROGRAMME_MESSAGE = "This programme has closed. Choose one that is running.";
export const ALREADY_OFF_MESSAGE = "This link is already turned off.";
export const MADE_REPLAY_MESSAGE =
  "This link was made a moment ago, and its address is shown only once. If you did not copy it, choose “Replace link…” on it.";
const CHANGED_MESSAGE = "This link was changed somewhere else at the same moment, so nothing was changed. Please try again.";
const LINK_LABEL = "Noticeboard link";

/**
 * A link for one classroom screen (ADR 024): the token goes back to the page once and only its hash is
 * kept. Many links per school, so a create with no natural key: the form's idempotency key makes a
 * double send one link, and the replay says so without the address (which is nowhere to be found).
 */
export const makeNoticeboardLink = defineCommand(
  { name: "makeNoticeboardLink", schema: makeNoticeboardLinkSchema, allow: ["COORDINATOR"], isIdempotent: true },
  async (input, { tx, actor, audit }) => {
    const programme = await tx.programme.findFirst({
      where: { ...programmesVisibleTo(actor), id: input.programmeId },
      select: { id: true, status: true },
    });
    if (!programme) throw new NotFoundError("programme");
    if (programme.status === "CLOSED") throw new RuleError(CLOSED_PROGRAMME_MESSAGE, { programmeId: [CLOSED_PROGRAMME_MESSAGE] });
    const token = newSecretToken();
    const link = await tx.noticeboardLink.create({
      data: {
        schoolId: actor.schoolId,
        label: input.label,
        programmeId: programme.id,
        yearGroup: input.yearGroup,
        period: input.period,
        tokenHash: hashSecretToken(token),
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await audit({
      action: "noticeboard_link.made",
      recordType: "NoticeboardLink",
      recordId: link.id,
      changes: { label: input.label, programmeId: programme.id, yearGroup: input.yearGroup, period: input.period },
    });
    return {
      message: `Here is the link for “${input.label}”.`,
      recordId: link.id,
      link: { href: noticeboardPath(actor.schoolId, token), label: LINK_LABEL },
      replay: { message: MADE_REPLAY_MESSAGE },
    };
  },
);

/**
 * A new address for a screen's link: the old one (if any) stops at once. Also turns a link that was
 * turned off back on, with a new address. Conditional on the hash it read, so two replacements at once
 * cannot both think theirs is the live one.
 */
export const replaceNoticeboardLink = defineCommand(
  { name: "replaceNoticeboardLink", schema: replaceNoticeboardLinkSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    const current = await tx.noticeboardLink.findFirst({
      where: { schoolId: actor.schoolId, id: input.linkId },
      select: { id: true, label: true, tokenHash: true },
    });
    if (!current) throw new NotFoundError("noticeboard link");
    const token = newSecretToken();
    const { count } = await tx.noticeboardLink.updateMany({
      where: { schoolId: actor.schoolId, id: current.id, tokenHash: current.tokenHash },
      data: { tokenHash: hashSecretToken(token), revokedAt: null },
    });
    if (count !== 1) throw new RuleError(CHANGED_MESSAGE);
    const wasLive = current.tokenHash !== null;
    await audit({
      action: "noticeboard_link.replaced",
      recordType: "NoticeboardLink",
      recordId: current.id,
      changes: { replacedLiveLink: wasLive },
    });
    return {
      message: wasLive
        ? `Here is the new link for “${current.label}”. The old one has stopped working.`
        : `Here is the new link for “${current.label}”.`,
      link: { href: noticeboardPath(actor.schoolId, token), label: LINK_LABEL },
    };
  },
);

/** Turns a screen's link off: the hash is forgotten, so nothing can bring that address back. */
export const turnOffNoticeboardLink = defineCommand(
  { name: "turnOffNoticeboardLink", schema: turnOffNoticeboardLinkSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    // Conditional: a second "turn off" at the same moment finds no live link.
    const rows = await tx.noticeboardLink.updateManyAndReturn({
      where: { schoolId: actor.schoolId, id: input.linkId, revokedAt: null, tokenHash: { not: null } },
      data: { tokenHash: null, revokedAt: new Date() },
      select: { id: true, label: true },
    });
    const row = rows[0];
    if (!row) {
      const exists = await tx.noticeboardLink.count({ where: { schoolId: actor.schoolId, id: input.linkId } });
      if (exists === 0) throw new NotFoundError("noticeboard link");
      throw new RuleError(ALREADY_OFF_MESSAGE);
    }
    await audit({ action: "noticeboard_link.turned_off", recordType: "NoticeboardLink", recordId: row.id });
    return { message: `The link for “${row.label}” is turned off. The screen that used it stops showing the board within a minute.` };
  },
);
