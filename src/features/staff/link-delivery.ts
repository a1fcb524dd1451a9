import "server-only";
import type { z } from "zod";
import { env } from "@/env";
import { db } from "@/server/db";
import type { Command } from "@/server/command";
import { sendSetPasswordEmail } from "@/server/account-email";
import { LINK_HOURS } from "@/server/account-links";
import { mailSettingsOf, type MailSettings } from "@/server/notification-email";

export const SHOW_ONCE_MESSAGE = `Copy this link and give it to them yourself: it works once, for ${LINK_HOURS} hours, and is shown only this once.`;

/**
 * A command whose answer carries a new set-password link (its `recordId` the user's id), made to email
 * it: once the transaction has committed, the link goes to the user's email address when mail is set
 * up, and the answer then no longer holds it; if mail is off or the send fails, the answer shows it,
 * once (a replay of the form answers the command's replay message, without it).
 */
export function emailingLink<S extends z.ZodType>(
  command: Command<S>,
  mail: () => MailSettings | null = () => mailSettingsOf(env),
): Command<S> {
  return {
    ...command,
    async run(actor, raw) {
      const result = await command.run(actor, raw);
      if (!actor || !result.ok || !result.link || !result.recordId) return result;
      const user = await db.user.findUnique({ where: { id: result.recordId }, select: { name: true, email: true } });
      const isSent =
        user !== null &&
        (await sendSetPasswordEmail({ to: user.email, name: user.name, schoolName: actor.schoolName, path: result.link.href }, mail()));
      if (!isSent) return { ...result, message: `${result.message} ${SHOW_ONCE_MESSAGE}` };
      return {
        ...result,
        link: undefined,
        message: `${result.message} We have emailed ${user.email} a link to set their password. It works once, for ${LINK_HOURS} hours.`,
      };
    },
  };
}
