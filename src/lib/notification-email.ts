// The one email PeerPath sends for a notification (ADR 016): what to do, the link to do it, and the
// school's name. Nothing else ever goes in: no pupil's notes, moods or check-ins, no greeting that
// names anyone. notification-email.test.ts proves the output holds nothing beyond its three inputs.

export type NotificationEmail = { subject: string; text: string };

/** One line: producers' messages are single sentences, and a header must never hold a line break. */
const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

/** The text of the email for a notification; `link` is absolute (APP_URL plus the notification's path). */
export function notificationEmail(input: { message: string; link: string; schoolName: string }): NotificationEmail {
  const message = oneLine(input.message);
  return {
    subject: message,
    text: `${message}\n\n${oneLine(input.link)}\n\n${oneLine(input.schoolName)} · PeerPath\n`,
  };
}
