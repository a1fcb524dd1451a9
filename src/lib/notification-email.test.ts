// The email template carries the notification's message, its link and the school's name, and no
// other text: whatever those three are, taking them out leaves the same fixed frame (ADR 016).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notificationEmail } from "./notification-email";

/**
 * Everything the template adds of its own: blank lines between the three inputs and, after the
 * school's name, " · PeerPath". No other word, whatever the inputs.
 */
const body = (message: string, link: string, schoolName: string) => `${message}\n\n${link}\n\n${schoolName} · PeerPath\n`;

const oneLineText = fc
  .string({ minLength: 1, maxLength: 120 })
  .map((s) => s.replace(/\s+/g, " ").trim())
  .filter((s) => s.length > 0);
const absoluteLink = fc.webPath().map((p) => `https://peerpath.school.example/${p.replace(/^\/+/, "")}`.replace(/\s/g, ""));

describe("the notification email", () => {
  it("is the message as the subject, and message, link and school name as the whole body", () => {
    const email = notificationEmail({
      message: "Log your session with Maya P. on Monday 1 December.",
      link: "https://peerpath.school.example/mentor/log/abc",
      schoolName: "Hillside School",
    });
    expect(email).toEqual({
      subject: "Log your session with Maya P. on Monday 1 December.",
      text: "Log your session with Maya P. on Monday 1 December.\n\nhttps://peerpath.school.example/mentor/log/abc\n\nHillside School · PeerPath\n",
    });
    expect(email.text).toBe(body(email.subject, "https://peerpath.school.example/mentor/log/abc", "Hillside School"));
    expect(Object.keys(email).sort()).toEqual(["subject", "text"]);
  });

  it("holds no free text beyond its inputs, whatever they are", () => {
    fc.assert(
      fc.property(oneLineText, absoluteLink, oneLineText, (message, link, schoolName) => {
        const email = notificationEmail({ message, link, schoolName });
        expect(email.subject).toBe(message);
        expect(email.text).toBe(body(message, link, schoolName));
      }),
    );
  });

  it("keeps each input on one line, so a line break can never start a header or a paragraph of its own", () => {
    const email = notificationEmail({
      message: "Log it\r\nBcc: someone@evil.example",
      link: "https://a.example/x",
      schoolName: "Hill\nside",
    });
    expect(email.subject).toBe("Log it Bcc: someone@evil.example");
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).toBe("Log it Bcc: someone@evil.example\n\nhttps://a.example/x\n\nHill side · PeerPath\n");
  });
});
