// What a pause is called on staff pages, and who ends which pause (ADR 022). Pure, so client forms
// import it too. Pupils see none of this: only "Paused for now".
import type { PauseSource } from "@/generated/prisma/enums";

export const pauseSourceLabels: Record<PauseSource, string> = {
  CONCERN: "from a safeguarding concern",
  MENTEE: "the mentee asked",
  COORDINATOR: "paused by staff",
  CONSENT: "consent withdrawn",
  LEFT_SCHOOL: "the pupil left the school",
};

/**
 * The coordinator resumes pauses the mentee or staff asked for. A pause from a concern is ended by
 * the safeguarding lead from the concern, and one for withdrawn consent when consent is given again.
 */
export function isResumableByCoordinator(source: PauseSource): boolean {
  return source === "MENTEE" || source === "COORDINATOR";
}

export const NOT_RESUMABLE_MESSAGE: Record<PauseSource, string> = {
  CONCERN: "This pause came from a safeguarding concern, so only the safeguarding lead can end it.",
  CONSENT: "This pause is because consent was withdrawn. It ends when consent is given again.",
  LEFT_SCHOOL: "This pupil has left the school, so their place stays paused.",
  MENTEE: "",
  COORDINATOR: "",
};

/** What the mentee sees once their meetings are paused, whoever paused them. */
export const PAUSED_FOR_NOW = "Paused for now";
