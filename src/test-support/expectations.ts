import { expect } from "vitest";
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "@/server/command";
import type { RoleColumn } from "./school";

export const SIGNED_OUT_MESSAGE = "Please sign in again.";
export const PERMISSION_MESSAGES = [FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE];

/** Next's notFound() throws an error whose digest starts with this. */
export const NOT_FOUND_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;404";

export function isNextNotFound(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith(NOT_FOUND_DIGEST);
}

/** Awaits a read and asserts it answered with Next's 404. */
export async function expectNotFound(read: () => Promise<unknown>): Promise<void> {
  let caught: unknown = null;
  try {
    await read();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected the read to call notFound()").not.toBeNull();
  expect(isNextNotFound(caught), `expected a 404 digest, got ${String((caught as { digest?: unknown })?.digest ?? caught)}`).toBe(true);
}

/** Everyone but the school's own coordinator, with the answer each gets from a coordinator-only command. */
export const REFUSED_UNLESS_COORDINATOR: [RoleColumn, string][] = [
  ["ADMIN", FORBIDDEN_MESSAGE],
  ["TEACHER", FORBIDDEN_MESSAGE],
  ["DSL", FORBIDDEN_MESSAGE],
  ["MENTOR", FORBIDDEN_MESSAGE],
  ["MENTEE", FORBIDDEN_MESSAGE],
  ["otherMentor", FORBIDDEN_MESSAGE],
  ["otherSchoolCoordinator", NOT_FOUND_MESSAGE],
];
