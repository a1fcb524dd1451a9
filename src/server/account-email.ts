import "server-only";
import { env } from "@/env";
import { mailSettingsOf, transportFor, type MailSettings } from "./notification-email";
import { LINK_HOURS } from "./account-links";

// A set-password link by email (issue 11, ADR 025). Not through the notification outbox, which would
// keep the link at rest: sent once, after the transaction that made the link has committed, with waits
// of seconds; if it is not sent the admin is shown the link instead.

const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

/** The email's words: who it is for, the school, the link and how long it works. Nothing else. */
export function setPasswordEmail(input: { name: string; schoolName: string; link: string }) {
  return {
    subject: "Set your PeerPath password",
    text:
      `Hello ${oneLine(input.name)},\n\n` +
      `${oneLine(input.schoolName)} has given you a PeerPath account. Open this link to choose your password:\n\n` +
      `${oneLine(input.link)}\n\n` +
      `The link works once, for ${LINK_HOURS} hours. If it has expired, ask your school's PeerPath admin for a new one.\n\n` +
      `${oneLine(input.schoolName)} · PeerPath\n`,
  };
}

/**
 * Emails the link when mail is set up; true when the server accepted it. Never throws: a failure is
 * logged and answered false, so the caller shows the link instead.
 */
export async function sendSetPasswordEmail(
  input: { to: string; name: string; schoolName: string; path: string },
  mail: MailSettings | null = mailSettingsOf(env),
): Promise<boolean> {
  if (!mail) return false;
  const email = setPasswordEmail({ name: input.name, schoolName: input.schoolName, link: new URL(input.path, mail.appUrl).href });
  const transport = transportFor(mail.smtpUrl, { pool: false, socketTimeoutMs: 10_000 });
  try {
    await transport.sendMail({
      from: mail.from,
      to: input.to,
      subject: email.subject,
      text: email.text,
      headers: { "Auto-Submitted": "auto-generated" },
    });
    return true;
  } catch (error) {
    const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
    console.error(`[email] a set-password link was not sent (${[code, responseCode].filter(Boolean).join(" ") || String(error)}).`);
    return false;
  } finally {
    transport.close();
  }
}
