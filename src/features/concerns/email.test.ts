// A concern's email through a real SMTP server the test starts: it says a concern needs attention and
// links to it, and never carries what the concern says (issue 9, ADR 016).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { deliverPendingEmails } from "@/server/notification-email";
import { actorFor } from "@/test-support/actors";
import { buildSchool } from "@/test-support/school";
import { startSmtpServer, type TestSmtpServer } from "@/test-support/smtp";
import { raiseConcern } from "./commands";

const WORDS = "SECRET-WORDS-OF-THE-CONCERN";

describe("a concern's email", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("reaches each safeguarding lead with a link and none of the concern's words", async () => {
    const s = await buildSchool();
    const mentee = await actorFor(s.pupils.mentee.userId!);
    const raised = await raiseConcern.run(mentee, {
      what: `${WORDS} about ${s.pupils.mentor.legalFirstName}`,
      category: "BULLYING",
      inDanger: "yes",
      names: "NAMED-IN-WORDS",
      idempotencyKey: randomUUID(),
    });
    expect(raised.ok).toBe(true);
    await deliverPendingEmails({
      mail: { smtpUrl: smtp.url, from: "PeerPath <peerpath@test.example>", appUrl: "https://peerpath.test.example" },
    });
    const dsl = await db.user.findUniqueOrThrow({ where: { id: s.staff.dsl.id }, select: { email: true } });
    const mine = smtp.received.filter((r) => r.to.includes(dsl.email));
    expect(mine).toHaveLength(1);
    const body = `${mine[0]!.mail.subject ?? ""}\n${mine[0]!.mail.text ?? ""}\n${typeof mine[0]!.mail.html === "string" ? mine[0]!.mail.html : ""}`;
    expect(body).toContain("An urgent concern needs your attention now.");
    expect(body).toContain(`https://peerpath.test.example/safeguarding/concerns/${raised.recordId}`);
    for (const secret of [WORDS, "NAMED-IN-WORDS", s.pupils.mentor.legalFirstName, s.pupils.mentee.legalFirstName, "Bullying"])
      expect(body).not.toContain(secret);
  });
});
