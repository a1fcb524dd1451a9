import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/lib/form-state";
import { CHECK_FIELDS_MESSAGE, fieldErrorsOf } from "@/lib/field-errors";
import { formValues, UNEXPECTED_MESSAGE, type Command } from "./command";
import { formDataToObject } from "./form-data";
import { getActor } from "./session";

/** A server action for `useActionState`: resolves the actor from the session and runs the command. */
export function defineAction<S extends z.ZodType>(command: Command<S>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    try {
      const actor = await getActor();
      const result = await command.run(actor, formDataToObject(formData));
      if (result.ok) revalidatePath("/", "layout");
      // The record id stays on the server: a form needs only the answer.
      delete result.recordId;
      return result;
    } catch (error) {
      if (isNextControlFlow(error)) throw error;
      console.error(`[action ${command.name}]`, error);
      return { ok: false, message: UNEXPECTED_MESSAGE, values: formValues(formDataToObject(formData)) };
    }
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
    if (!parsed.success)
      return { ok: false, message: CHECK_FIELDS_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error), values: formValues(raw) };
    try {
      return await body(parsed.data, formData instanceof FormData ? formData : new FormData());
    } catch (error) {
      if (isNextControlFlow(error)) throw error;
      console.error("[action]", error);
      return { ok: false, message: UNEXPECTED_MESSAGE, values: formValues(raw) };
    }
  };
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_NOT_FOUND") || digest.startsWith("NEXT_HTTP_ERROR"))
  );
}
