import "server-only";
import { notFound } from "next/navigation";
import { assertRole, type Actor, type Role } from "./actor";

/** Every staff-only read starts here: an actor without the role sees a 404. */
export function requireRoleForRead(actor: Actor, ...roles: Role[]): void {
  assertRole(actor, roles, notFound);
}

export const PAGE_SIZE = 25;

export function pageOf(page: number | undefined): { skip: number; take: number; page: number } {
  const current = Number.isInteger(page) && page! > 0 ? page! : 1;
  return { skip: (current - 1) * PAGE_SIZE, take: PAGE_SIZE, page: current };
}
