import type { FormLink } from "@/lib/form-state";

/** A record the actor may not see, or that does not exist: both are "not found". */
export class NotFoundError extends Error {
  constructor(what = "record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** A broken business rule, shown to the user next to a field (or at the top of the form). */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    /** Where to look instead, e.g. the session that is already logged for that day. */
    readonly link?: FormLink,
  ) {
    super(message);
    this.name = "RuleError";
  }
}
