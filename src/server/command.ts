import "server-only";
import { z } from "zod";
import { db, type Tx } from "./db";
import type { Actor, Role } from "./actor";
import { writeAudit, writeAuditMany, type AuditEntry } from "./audit";
import { refusalOf } from "./security-events";
import { isLockTimeout, isPoolTimeout, isRetryable, isStatementTimeout, isTransactionBusy, isUniqueViolation } from "./db-errors";
import { NotFoundError, RuleError } from "./errors";
import {
  claimIdempotencyKey,
  fingerprint,
  newIdempotencyKey,
  readIdempotencyKey,
  saveIdempotentResult,
  type StoredResult,
} from "./idempotency";
import type { FormLink, FormState } from "@/lib/form-state";
import { CHECK_FIELDS_MESSAGE, fieldErrorsOf } from "@/lib/field-errors";

export type CommandContext = {
  tx: Tx;
  actor: Actor;
  /** Records the change in the audit log, in this transaction. */
  audit: (entry: AuditEntry) => Promise<void>;
  /** Many audit entries in one statement (an import's row per pupil). */
  auditMany: (entries: AuditEntry[]) => Promise<void>;
  /**
   * What to tell the user if the locks taken next are not granted in time (another change to the same
   * rows is running), e.g. "Someone else is changing this mentor's pairings — try again."
   */
  contention: (message: string) => void;
  /**
   * Runs `fn` once the transaction has committed, without waiting for it (never after a refusal, a
   * rollback or a replay): e.g. `afterCommit(kickEmailDelivery)` after `notify` (ADR 016).
   */
  afterCommit: (fn: () => unknown) => void;
};

export type CommandResult = {
  message: string;
  recordId?: string;
  link?: FormLink;
  /**
   * For an idempotent command whose answer holds a secret shown once (a noticeboard's link, ADR 024):
   * what a replay of the same form answers instead, so the secret is never stored with the key.
   */
  replay?: { message: string };
};

export type Command<S extends z.ZodType> = {
  name: string;
  schema: S;
  allow: readonly Role[];
  isIdempotent: boolean;
  /** Runs as this actor: role check, zod, one transaction with its audit entry, errors to form state. */
  run: (actor: Actor | null, raw: unknown) => Promise<FormState & { recordId?: string }>;
};

export const FORBIDDEN_MESSAGE = "You do not have permission to do that.";
export const NOT_FOUND_MESSAGE = "We could not find that. It may have been removed, or you may not have access to it.";
export const UNEXPECTED_MESSAGE = "Something went wrong and nothing was saved. Please try again.";
export const EXPIRED_FORM_MESSAGE = "This form is out of date. Please reload the page and try again; nothing was saved.";
export const BUSY_MESSAGE = "PeerPath is busy right now and nothing was saved. Please try again in a moment.";
export const CONTENDED_MESSAGE = "Someone else is changing this at the same moment, so nothing was saved. Please try again.";
export const ALREADY_EXISTS_MESSAGE = "That has already been saved, so nothing new was added.";

/** Waits for a lock end within seconds with a message, never by Prisma's transaction timeout (ADR 010). */
const LOCK_TIMEOUT = "4s";
const STATEMENT_TIMEOUT = "15s";
const TRANSACTION = { maxWait: 8_000, timeout: 20_000 } as const;
const ATTEMPTS = 3;

/** Strings from a form, kept so the form can show what was typed. */
export function formValues(raw: unknown): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  if (raw && typeof raw === "object") {
    for (const [key, value] of Object.entries(raw)) {
      if (/password/i.test(key)) continue;
      if (typeof value === "string") values[key] = value;
      else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === "string");
      else if (typeof value === "number" || typeof value === "boolean") values[key] = String(value);
    }
  }
  return values;
}

type Config<S extends z.ZodType> = {
  name: string;
  schema: S;
  allow: readonly Role[];
  allowWhilePasswordChangeRequired?: boolean;
  /**
   * A create with no natural key: the form sends an idempotency key minted when it rendered, and a
   * replay of that key returns the first result instead of writing again (ADR 010).
   */
  isIdempotent?: boolean;
  /** What a unique-key violation means for this command, in words (e.g. "These pupils are already kept apart."). */
  alreadyExists?: string;
  /**
   * A long write (an MIS import, a rollover) gets more time than a form's usual 20 s transaction and
   * 15 s statement limit; still explicit, still finite.
   */
  transaction?: { timeoutMs: number; statementTimeout: string };
  /** Fields never sent back to the form (an uploaded file's whole text). */
  noEcho?: readonly string[];
};

class Replay extends Error {
  constructor(readonly result: StoredResult) {
    super("replay");
  }
}

/**
 * The one way to write a server-side change (ADR 007, ADR 010). Every server action wraps a command,
 * so the role check, school scope, validation, idempotency, locking limits, audit and error mapping
 * can never be skipped; tests call `run` with real actors loaded from the database.
 */
export function defineCommand<S extends z.ZodType>(
  config: Config<S>,
  body: (input: z.output<S>, ctx: CommandContext) => Promise<CommandResult>,
): Command<S> {
  const isIdempotent = config.isIdempotent ?? false;
  return {
    name: config.name,
    schema: config.schema,
    allow: config.allow,
    isIdempotent,
    async run(actor, raw) {
      const values = formValues(raw);
      for (const field of config.noEcho ?? []) delete values[field];
      const statementTimeout = config.transaction?.statementTimeout ?? STATEMENT_TIMEOUT;
      const transaction = config.transaction ? { maxWait: TRANSACTION.maxWait, timeout: config.transaction.timeoutMs } : TRANSACTION;
      if (!actor) return { ok: false, message: "Please sign in again.", values };
      if (!config.allow.some((role) => actor.roles.includes(role))) {
        await refusalOf(actor, "access.role_refused", { command: config.name, needs: [...config.allow] });
        return { ok: false, message: FORBIDDEN_MESSAGE, values };
      }
      if (actor.mustChangePassword && !config.allowWhilePasswordChangeRequired) return { ok: false, message: FORBIDDEN_MESSAGE, values };
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, message: EXPIRED_FORM_MESSAGE, values };
      const key = isIdempotent ? readIdempotencyKey(raw) : null;
      if (isIdempotent && !key) return { ok: false, message: EXPIRED_FORM_MESSAGE, values };

      const parsed = config.schema.safeParse(raw);
      if (!parsed.success) return { ok: false, message: CHECK_FIELDS_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error), values };

      let contendedMessage = CONTENDED_MESSAGE;
      for (let attempt = 1; ; attempt += 1) {
        const committed: (() => unknown)[] = [];
        try {
          let audited = false;
          const result = await db.$transaction(async (tx) => {
            await tx.$queryRaw`SELECT set_config('lock_timeout', ${LOCK_TIMEOUT}, true), set_config('statement_timeout', ${statementTimeout}, true)`;
            let claimedId: string | null = null;
            if (key) {
              const claim = await claimIdempotencyKey(
                tx,
                { schoolId: actor.schoolId, userId: actor.userId },
                key,
                config.name,
                fingerprint(parsed.data),
              );
              if (claim.status === "replay") throw new Replay(claim.result);
              if (claim.status === "other-request") throw new RuleError(EXPIRED_FORM_MESSAGE);
              claimedId = claim.id;
            }
            const ctx: CommandContext = {
              tx,
              actor,
              audit: async (entry) => {
                audited = true;
                await writeAudit(tx, { userId: actor.userId, schoolId: actor.schoolId }, entry);
              },
              auditMany: async (entries) => {
                audited = audited || entries.length > 0;
                await writeAuditMany(tx, { userId: actor.userId, schoolId: actor.schoolId }, entries);
              },
              contention: (message) => {
                contendedMessage = message;
              },
              afterCommit: (fn) => {
                committed.push(fn);
              },
            };
            const out = await body(parsed.data, ctx);
            if (!audited) throw new Error(`Command ${config.name} changed data without an audit entry`);
            if (claimedId)
              await saveIdempotentResult(
                tx,
                actor.schoolId,
                claimedId,
                out.replay
                  ? { message: out.replay.message, recordId: out.recordId }
                  : { message: out.message, recordId: out.recordId, link: out.link },
              );
            return out;
          }, transaction);
          for (const fn of committed) runDetached(config.name, fn);
          return success(result, isIdempotent);
        } catch (error) {
          if (error instanceof Replay) return success(error.result, isIdempotent);
          if (error instanceof NotFoundError) {
            await refusalOf(actor, "access.not_found", { command: config.name, what: error.message });
            return { ok: false, message: NOT_FOUND_MESSAGE, values };
          }
          if (error instanceof RuleError)
            return { ok: false, message: error.message, fieldErrors: error.fieldErrors, link: error.link, values };
          if (isRetryable(error) && attempt < ATTEMPTS) continue;
          if (isLockTimeout(error)) return { ok: false, message: contendedMessage, values };
          if (isUniqueViolation(error)) return { ok: false, message: config.alreadyExists ?? ALREADY_EXISTS_MESSAGE, values };
          if (isTransactionBusy(error) || isPoolTimeout(error) || isStatementTimeout(error) || isRetryable(error))
            return { ok: false, message: BUSY_MESSAGE, values };
          console.error(`[${config.name}]`, error);
          return { ok: false, message: UNEXPECTED_MESSAGE, values };
        }
      }
    },
  };
}

/** After-commit work never delays or fails the command's answer: errors are logged. */
function runDetached(name: string, fn: () => unknown) {
  try {
    void Promise.resolve(fn()).catch((error) => console.error(`[${name} after commit]`, error));
  } catch (error) {
    console.error(`[${name} after commit]`, error);
  }
}

function success(result: StoredResult, isIdempotent: boolean): FormState & { recordId?: string } {
  return {
    ok: true,
    message: result.message,
    recordId: result.recordId,
    link: result.link,
    savedAt: Date.now(),
    idempotencyKey: isIdempotent ? newIdempotencyKey() : undefined,
  };
}
