import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Actor } from "@/server/actor";
import type { FormState } from "@/lib/form-state";
import { countChanges, snapshotSchools } from "./snapshot";

export type RunnableCommand = {
  name: string;
  isIdempotent?: boolean;
  run: (actor: Actor | null, raw: unknown) => Promise<FormState & { recordId?: string }>;
};

/**
 * What the command's form sends: for a create without a natural key, the idempotency key the page
 * minted (ADR 010) is added when the test did not give one. Pass `idempotencyKey: null` to leave it out.
 */
export function asForm(command: RunnableCommand, input: unknown): unknown {
  if (!command.isIdempotent || !input || typeof input !== "object" || Array.isArray(input)) return input;
  const form = input as Record<string, unknown>;
  if (form.idempotencyKey === null) return Object.fromEntries(Object.entries(form).filter(([key]) => key !== "idempotencyKey"));
  return form.idempotencyKey === undefined ? { ...form, idempotencyKey: randomUUID() } : form;
}

/** Runs a command and reports what it changed in the given schools. */
export async function runCommand(command: RunnableCommand, actor: Actor | null, input: unknown, schoolIds: string[]) {
  const before = await snapshotSchools(schoolIds);
  const result = await command.run(actor, asForm(command, input));
  const after = await snapshotSchools(schoolIds);
  return { result, before, after, changes: countChanges(before, after) };
}

/** The command must answer ok:false with `message` and leave every row of the schools as it was. */
export async function expectRefusedWithoutWrites(
  command: RunnableCommand,
  actor: Actor | null,
  input: unknown,
  schoolIds: string[],
  message: string | RegExp,
) {
  const { result, before, after } = await runCommand(command, actor, input, schoolIds);
  expect(result.ok, `${command.name} should have been refused: ${result.message}`).toBe(false);
  if (typeof message === "string") expect(result.message).toBe(message);
  else expect(result.message).toMatch(message);
  expect(after).toEqual(before);
  return result;
}

/** Runs a command as its form would send it (see asForm). */
export function submit(command: RunnableCommand, actor: Actor | null, input: unknown) {
  return command.run(actor, asForm(command, input));
}
