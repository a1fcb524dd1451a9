import "server-only";
import { z } from "zod";
import { db, type Tx } from "./db";
import type { Actor, Role } from "./actor";
import { writeAudit, type AuditEntry } from "./audit";
import { NotFoundError, RuleError } from "./errors";
import type { FormState } from "@/lib/form-state";

export type CommandContext = {
  tx: Tx;
  actor: Actor;
  /** Records the change in the audit log, in this transaction. */
  audit: (entry: AuditEntry) => Promise<void>;
};

export type CommandResult = { message: string; recordId?: string };

export type Command<S extends z.ZodType> = {
  name: string;
  schema: S;
  allow: readonly Role[];
  /** Runs as this actor: role check, zod, one transaction with its audit entry, errors to form state. */
  run: (actor: Actor | null, raw: unknown) => Promise<FormState & { recordId?: string }>;
};

export const FORBIDDEN_MESSAGE = "You do not have permission to do that.";
export const NOT_FOUND_MESSAGE = "We could not find that. It may have been removed, or you may not have access to it.";
const UNEXPECTED_MESSAGE = "Something went wrong and nothing was saved. Please try again.";

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

/**
 * The one way to write a server-side change (ADR 007). Every server action wraps a command, so the
 * role check, school scope, validation, audit and error mapping can never be skipped; tests call
 * `run` with real actors loaded from the database.
 */
export function defineCommand<S extends z.ZodType>(
  config: { name: string; schema: S; allow: readonly Role[]; allowWhilePasswordChangeRequired?: boolean },
  body: (input: z.output<S>, ctx: CommandContext) => Promise<CommandResult>,
): Command<S> {
  return {
    ...config,
    async run(actor, raw) {
      const values = formValues(raw);
      if (!actor) return { ok: false, message: "Please sign in again.", values };
      if (
        (actor.mustChangePassword && !config.allowWhilePasswordChangeRequired) ||
        !config.allow.some((role) => actor.roles.includes(role))
      ) {
        return { ok: false, message: FORBIDDEN_MESSAGE, values };
      }
      const parsed = config.schema.safeParse(raw);
      if (!parsed.success) {
        const flat = z.flattenError(parsed.error);
        return {
          ok: false,
          message: "Please check the highlighted fields.",
          fieldErrors: flat.fieldErrors as Record<string, string[]>,
          values,
        };
      }
      try {
        let audited = false;
        const result = await db.$transaction(async (tx) => {
          const ctx: CommandContext = {
            tx,
            actor,
            audit: async (entry) => {
              audited = true;
              await writeAudit(tx, { userId: actor.userId, schoolId: actor.schoolId }, entry);
            },
          };
          const out = await body(parsed.data, ctx);
          if (!audited) throw new Error(`Command ${config.name} changed data without an audit entry`);
          return out;
        });
        return { ok: true, message: result.message, recordId: result.recordId, savedAt: Date.now() };
      } catch (error) {
        if (error instanceof NotFoundError) return { ok: false, message: NOT_FOUND_MESSAGE, values };
        if (error instanceof RuleError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
        console.error(`[${config.name}]`, error);
        return { ok: false, message: UNEXPECTED_MESSAGE, values };
      }
    },
  };
}
