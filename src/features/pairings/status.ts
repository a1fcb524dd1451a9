// What a pairing's status means, defined once (ADR 009): which statuses follow which, which plan
// sessions and use a mentor's places, and which mean the mentee has a mentor. Pure, so client forms
// import it too.
import type { PairingStatus } from "@/generated/prisma/enums";

/** Sessions are planned and a mentor's places are used: trial and active. */
export const LIVE_STATUSES = ["TRIAL", "ACTIVE"] as const satisfies readonly PairingStatus[];
/** The mentee has a mentor, perhaps on pause: trial, active and paused. Not "waiting for a mentor". */
export const HELD_STATUSES = ["TRIAL", "ACTIVE", "PAUSED"] as const satisfies readonly PairingStatus[];

const TRANSITIONS: Record<PairingStatus, readonly PairingStatus[]> = {
  TRIAL: ["ACTIVE", "PAUSED", "ENDED"],
  ACTIVE: ["PAUSED", "ENDED"],
  // A pause resumes to what the pairing was before it: a paused trial goes back to its trial.
  PAUSED: ["TRIAL", "ACTIVE", "ENDED"],
  ENDED: [],
};

/** The statuses a pairing may move to next. An ended pairing stays ended: a re-pair is a new pairing. */
export function nextStatuses(from: PairingStatus): readonly PairingStatus[] {
  return TRANSITIONS[from];
}

export function canChangeStatus(from: PairingStatus, to: PairingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isPairingStatus(value: unknown): value is PairingStatus {
  return typeof value === "string" && Object.hasOwn(TRANSITIONS, value);
}

export const pairingStatusLabels: Record<PairingStatus, string> = { TRIAL: "Trial", ACTIVE: "Active", PAUSED: "Paused", ENDED: "Ended" };
