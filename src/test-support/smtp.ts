// A real SMTP server for the email tests (ADR 016): smtp-server on a free loopback port, each message
// read back with mailparser. Nothing is mocked: the app's own nodemailer transport talks SMTP to it.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = { mail: ParsedMail; from: string; to: string[]; authenticatedAs: string | null };

export type TestSmtpServer = {
  /** smtp://user:password@127.0.0.1:port, for MailSettings.smtpUrl. */
  url: string;
  received: Received[];
  /** While true, every recipient is refused with "451 try again later" (a temporary refusal). */
  setRefusing: (refusing: boolean) => void;
  /** Each accepted message waits this long first, so two deliverers overlap. */
  setDelayMs: (ms: number) => void;
  /** Resolves once `predicate` holds for what has arrived, or fails after `timeoutMs`. */
  waitFor: (predicate: (received: Received[]) => boolean, timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
};

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: Received[] = [];
  let refusing = false;
  let delayMs = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    onAuth(auth, _session, callback) {
      if (auth.username === "peerpath" && auth.password === "s3cret") callback(null, { user: auth.username });
      else callback(new Error("Wrong username or password"));
    },
    onRcptTo(_address, _session, callback) {
      if (!refusing) return callback();
      const error = new Error("Mailbox busy, try again later") as Error & { responseCode: number };
      error.responseCode = 451;
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
          received.push({
            mail,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            authenticatedAs: (session.user as string | undefined) ?? null,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://peerpath:s3cret@127.0.0.1:${port}`,
    received,
    setRefusing: (value) => {
      refusing = value;
    },
    setDelayMs: (ms) => {
      delayMs = ms;
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`The SMTP server did not receive what was expected in ${timeoutMs} ms.`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
