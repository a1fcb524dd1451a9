import "server-only";
import { notFound } from "next/navigation";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor, Role } from "./actor";
import { db, type Tx } from "./db";

/**
 * What the security-event log records (ADR 005): refused attempts, with who, what and when. Kept in
 * one global, append-only table, since some have no school (a sign-in for an unknown email).
 */
export type SecurityEventKind =
  | "auth.sign_in_failed"
  | "auth.sign_in_locked"
  | "auth.signed_out_everywhere"
  | "access.role_refused"
  | "access.not_found"
  // Staff accounts (issue 11): written with the change, in its transaction.
  | "staff.added"
  | "staff.roles_changed"
  | "account.disabled"
  | "account.enabled"
  | "account.link_made"
  // Issue 11, pupil accounts: codes made (or a reset), a wrong code at /set-up, a password chosen.
  | "pupil.codes_made"
  | "account.set_up_failed"
  | "account.password_set"
  // Issue 12: single sign-on, two-factor and the school's sign-in settings.
  | "auth.sso_signed_in"
  | "auth.sso_refused"
  | "auth.two_factor_set_up"
  | "auth.two_factor_failed"
  | "auth.recovery_code_used"
  | "account.two_factor_reset"
  | "school.sign_in_settings_changed";

export type SecurityEventInput = {
  kind: SecurityEventKind;
  userId?: string | null;
  schoolId?: string | null;
  email?: string | null;
  ip?: string | null;
  detail?: Prisma.InputJsonObject;
};

/**
 * Written on its own, never inside the refused change's transaction (which rolls back). A failure to
 * record is logged and never turns a refusal into a server error.
 */
export async function recordSecurityEvent(event: SecurityEventInput): Promise<void> {
  try {
    await db.securityEvent.create({
      data: {
        kind: event.kind,
        userId: event.userId ?? null,
        schoolId: event.schoolId ?? null,
        email: event.email ?? null,
        ip: event.ip ?? null,
        detail: event.detail ?? {},
      },
    });
  } catch (error) {
    console.error("[security-event]", event.kind, error);
  }
}

/** A security event that is part of a change (an account disabled): written in the change's transaction. */
export async function recordSecurityEventIn(tx: Tx, event: SecurityEventInput): Promise<void> {
  await tx.securityEvent.create({
    data: {
      kind: event.kind,
      userId: event.userId ?? null,
      schoolId: event.schoolId ?? null,
      email: event.email ?? null,
      ip: event.ip ?? null,
      detail: event.detail ?? {},
    },
  });
}

/** An actor's refusal: who and which school, plus what was asked for. */
export function refusalOf(actor: Actor, kind: "access.role_refused" | "access.not_found", detail: Prisma.InputJsonObject) {
  return recordSecurityEvent({ kind, userId: actor.userId, schoolId: actor.schoolId, detail: { roles: actor.roles, ...detail } });
}

/** For reads: the record is not there for this actor. Recorded, then the same 404 as a missing record. */
export async function notFoundFor(actor: Actor, what: string, id?: string | null): Promise<never> {
  await refusalOf(actor, "access.not_found", { what, id: id ?? null });
  notFound();
}

/** Every staff-only read starts here: an actor without the role sees a 404, and the refusal is recorded. */
export async function requireRoleForRead(actor: Actor, ...roles: Role[]): Promise<void> {
  if (roles.some((role) => actor.roles.includes(role))) return;
  await refusalOf(actor, "access.role_refused", { needs: roles });
  notFound();
}
