import { expect } from "vitest";
import type { Actor } from "@/server/actor";
import type { FormState } from "@/lib/form-state";
import { countChanges, snapshotSchools } from "./snapshot";

export type RunnableCommand = { name: string; run: (actor: Actor | null, raw: unknown) => Promise<FormState & { recordId?: string }> };

/** Runs a command and reports what it changed in the given schools. */
export async function runCommand(command: RunnableCommand, actor: Actor | null, input: unknown, schoolIds: string[]) {
  const before = await snapshotSchools(schoolIds);
  const result = await command.run(actor, input);
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
