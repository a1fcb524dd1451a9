import "server-only";
import nodemailer from "nodemailer";
import { env, type Env } from "@/env";
import { notificationEmail } from "@/lib/notification-email";
import { db } from "./db";

// Email for notifications through an outbox (ADR 016): the Notification row is the outbox entry and
// `emailedAt` its mark. Nothing is sent inside a writing transaction; a delivery run claims a small
// batch of unsent rows with FOR UPDATE SKIP LOCKED (so two runs, in one process or two, never take
// the same row), sends each, marks it in the same transaction, and commits. A refused send leaves
// its row unmarked for the next run.

export type MailSettings = { smtpUrl: string; from: string; appUrl: string };

/** The mail settings of an environment: null (send nothing) unless SMTP_URL is set. */
export function mailSettingsOf(source: Pick<Env, "SMTP_URL" | "MAIL_FROM" | "APP_URL">): MailSettings | null {
  if (!source.SMTP_URL || !source.MAIL_FROM || !source.APP_URL) return null;
  return { smtpUrl: source.SMTP_URL, from: source.MAIL_FROM, appUrl: source.APP_URL };
}

export type DeliveryOptions = {
  /** Where to send from (default: the environment's, so nothing without SMTP_URL). */
  mail?: MailSettings | null;
  /** Rows claimed per transaction. */
  batchSize?: number;
};

export type DeliveryResult = { sent: number; failed: number };

const BATCH_SIZE = 10;
/** Per run: at most this many batches (a minute's worth; the next run goes on). */
const MAX_BATCHES = 20;
/**
 * A notification is emailed only while it is fresh: an email about a session to log is no help days
 * later, and a mail server that was down (or SMTP_URL set for the first time) must not release a
 * flood of old news. Older unsent rows stay in the app, unsent, and stop being retried.
 */
export const EMAIL_WITHIN_HOURS = 24;
/** A batch stops sending after this long, so its transaction (and row locks) never outlive a run. */
const BATCH_BUDGET_MS = 30_000;
const TRANSACTION = { maxWait: 8_000, timeout: 120_000 } as const;

/** A refusal of this one message (its envelope or content), not of the server: go on with the next. */
function isMessageRefused(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  return (code === "EENVELOPE" || code === "EMESSAGE") && responseCode !== 421;
}

function describe(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  return [code, responseCode].filter(Boolean).join(" ") || (error instanceof Error ? error.message : String(error));
}

/** The SMTP transport for a URL; one message at a time (account-email.ts) sends without a pool and waits less. */
export function transportFor(smtpUrl: string, options: { pool?: boolean; socketTimeoutMs?: number } = {}) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  return nodemailer.createTransport({
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // One connection for the run's messages, and waits in seconds, never nodemailer's minutes.
    ...(options.pool === false ? {} : { pool: true as const, maxConnections: 1 }),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: options.socketTimeoutMs ?? 20_000,
  });
}

type PendingRow = { schoolId: string; id: string; message: string; link: string; email: string; schoolName: string };

/**
 * Sends the email of every fresh notification not yet emailed, once each (see the file's comment).
 * Does nothing without mail settings. Safe to run at the same time as another run, anywhere.
 */
export async function deliverPendingEmails(options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const mail = options.mail === undefined ? mailSettingsOf(env) : options.mail;
  if (!mail) return { sent: 0, failed: 0 };
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const messageIdHost = new URL(mail.appUrl).hostname || "peerpath";
  const transport = transportFor(mail.smtpUrl);
  // Rows this run has tried: a refused one is left for the next run, not retried in a loop now.
  const tried: string[] = [];
  const result: DeliveryResult = { sent: 0, failed: 0 };
  let serverDown = false;
  try {
    for (let batch = 0; batch < MAX_BATCHES && !serverDown; batch += 1) {
      const claimed = await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('statement_timeout', '15s', true)`;
        const rows = await tx.$queryRaw<PendingRow[]>`
          SELECT n."schoolId", n."id", n."message", n."link", u."email", s."name" AS "schoolName"
          FROM "Notification" n
          JOIN "User" u ON u."id" = n."userId"
          JOIN "School" s ON s."id" = n."schoolId"
          WHERE n."emailedAt" IS NULL
            AND n."createdAt" > now() - make_interval(hours => ${EMAIL_WITHIN_HOURS})
            AND u."disabledAt" IS NULL
            -- Still at that school (src/server/account-access.ts, in SQL): a live membership, or a pupil
            -- on roll or an alumnus invited back. Nothing queued before someone left is sent after.
            AND (EXISTS (SELECT 1 FROM "Membership" m
                         WHERE m."userId" = u."id" AND m."schoolId" = n."schoolId" AND m."disabledAt" IS NULL)
                 OR EXISTS (SELECT 1 FROM "Student" p
                            WHERE p."userId" = u."id" AND p."schoolId" = n."schoolId"
                              AND (p."status" = 'ON_ROLL' OR (p."status" = 'ALUMNI' AND p."alumniMentorFrom" IS NOT NULL))))
            AND NOT (n."id" = ANY(${tried}::text[]))
          ORDER BY n."createdAt", n."id"
          LIMIT ${batchSize}
          FOR UPDATE OF n SKIP LOCKED`;
        const started = Date.now();
        for (const row of rows) {
          if (Date.now() - started > BATCH_BUDGET_MS) break;
          tried.push(row.id);
          const email = notificationEmail({ message: row.message, link: new URL(row.link, mail.appUrl).href, schoolName: row.schoolName });
          try {
            await transport.sendMail({
              from: mail.from,
              to: row.email,
              subject: email.subject,
              text: email.text,
              // The same id if a crash between sending and committing makes a later run send it again,
              // so mail clients can tell the two are one message.
              messageId: `<notification.${row.schoolId}.${row.id}@${messageIdHost}>`,
              headers: { "Auto-Submitted": "auto-generated" },
            });
          } catch (error) {
            result.failed += 1;
            console.error(`[email] notification ${row.id} was not sent (${describe(error)}); the next run tries again.`);
            if (isMessageRefused(error)) continue;
            serverDown = true;
            break;
          }
          await tx.notification.updateMany({
            where: { schoolId: row.schoolId, id: row.id, emailedAt: null },
            data: { emailedAt: new Date() },
          });
          result.sent += 1;
        }
        return rows.length;
      }, TRANSACTION);
      if (claimed < batchSize) break;
    }
  } finally {
    transport.close();
  }
  return result;
}

type KickState = { running: Promise<void> | null; again: boolean };
// On globalThis: Next may load this module more than once in one process (instrumentation and routes).
const kicks = globalThis as unknown as { peerpathEmailKick?: KickState };

/**
 * Starts a delivery run now, without waiting for it: for commands, after their transaction has
 * committed (`afterCommit(kickEmailDelivery)`). A kick during a run asks for one more run after it,
 * so nothing committed meanwhile waits for the minute job. Errors are logged, never thrown.
 */
export function kickEmailDelivery(options: DeliveryOptions = {}): Promise<void> {
  const state = (kicks.peerpathEmailKick ??= { running: null, again: false });
  if ((options.mail === undefined ? mailSettingsOf(env) : options.mail) === null) return Promise.resolve();
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    do {
      state.again = false;
      await deliverPendingEmails(options).catch((error) => console.error("[email] delivery run failed", error));
    } while (state.again);
  })().finally(() => {
    state.running = null;
  });
  return state.running;
}
