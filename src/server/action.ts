import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/lib/form-state";
import type { Command } from "./command";
import { getActor } from "./session";

/** FormData → plain object; a field named `x[]` or repeated becomes a list. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    if (key.endsWith("[]")) out[key.slice(0, -2)] = all;
    else out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}

/** A server action for `useActionState`: resolves the actor from the session and runs the command. */
export function defineAction<S extends z.ZodType>(command: Command<S>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const actor = await getActor();
    const result = await command.run(actor, formDataToObject(formData));
    if (result.ok) revalidatePath("/", "layout");
    return { ok: result.ok, message: result.message, fieldErrors: result.fieldErrors, values: result.values, savedAt: result.savedAt };
  };
}

/**
 * For the few actions that run before there is an actor (sign-in) or that wrap a command's action
 * with a cookie or redirect. Input is still validated with zod; errors never reach the page raw.
 */
export function definePublicAction<S extends z.ZodType>(schema: S, body: (input: z.output<S>, formData: FormData) => Promise<FormState>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const raw = formDataToObject(formData);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      return { ok: false, message: "Please check the highlighted fields.", fieldErrors: flat, values: passwordless(raw) };
    }
    try {
      return await body(parsed.data, formData);
    } catch (error) {
      if (isNextControlFlow(error)) throw error;
      console.error("[action]", error);
      return { ok: false, message: "Something went wrong and nothing was saved. Please try again.", values: passwordless(raw) };
    }
  };
}

function passwordless(raw: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !/password/i.test(key)));
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_NOT_FOUND") || digest.startsWith("NEXT_HTTP_ERROR"))
  );
}
