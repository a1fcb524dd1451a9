import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { requireRoleForRead } from "@/server/security-events";
import { addDaysIso, startOfDayInstant } from "@/lib/dates";
import { describeSecurityEvent } from "@/lib/security-event-words";
import { SECURITY_EVENTS_EXPORT_LIMIT, SECURITY_EVENTS_PAGE_SIZE, type SecurityEventFilters } from "./filters";

function whereFor(actor: Actor, filters: SecurityEventFilters) {
  const at: { gte?: Date; lt?: Date } = {};
  if (filters.from) at.gte = startOfDayInstant(filters.from, actor.timezone);
  if (filters.to) at.lt = startOfDayInstant(addDaysIso(filters.to, 1), actor.timezone);
  return {
    schoolId: actor.schoolId,
    ...(filters.personId ? { userId: filters.personId } : {}),
    ...(at.gte || at.lt ? { at } : {}),
  };
}

/**
 * The school's security events for its admin (issue 11): refused attempts, locked and failed sign-ins,
 * sign-outs everywhere, newest first, 50 a page, filtered by person and by days in the school's time
 * zone. Only events filed under this school (a sign-in for an unknown email has none). People are the
 * ones who appear in the school's events, so the filter never lists another school's users.
 */
export async function listSecurityEventsForAdmin(actor: Actor, filters: SecurityEventFilters = {}) {
  await requireRoleForRead(actor, "ADMIN");
  const where = whereFor(actor, filters);
  const page = filters.page ?? 1;
  const [total, events, people] = await Promise.all([
    db.securityEvent.count({ where }),
    db.securityEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * SECURITY_EVENTS_PAGE_SIZE,
      take: SECURITY_EVENTS_PAGE_SIZE,
      select: { id: true, at: true, kind: true, userId: true, email: true, ip: true, detail: true },
    }),
    db.securityEvent.findMany({
      where: { schoolId: actor.schoolId, userId: { not: null } },
      distinct: ["userId"],
      select: { userId: true },
    }),
  ]);
  const users = await db.user.findMany({
    where: { id: { in: people.map((p) => p.userId!) } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / SECURITY_EVENTS_PAGE_SIZE)),
    people: users.map((u) => ({ id: u.id, name: u.name })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      words: describeSecurityEvent(e),
      person: e.userId ? (byId.get(e.userId)?.name ?? "Someone no longer here") : (e.email ?? "Unknown"),
      email: e.userId ? (byId.get(e.userId)?.email ?? null) : e.email,
      ip: e.ip,
    })),
  };
}

/** The same filters, every matching event (up to the export limit), for the CSV download. */
export async function listSecurityEventsForExport(actor: Actor, filters: SecurityEventFilters = {}) {
  await requireRoleForRead(actor, "ADMIN");
  const where = whereFor(actor, filters);
  const events = await db.securityEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: SECURITY_EVENTS_EXPORT_LIMIT,
    select: { id: true, at: true, kind: true, userId: true, email: true, ip: true, detail: true },
  });
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(events.flatMap((e) => (e.userId ? [e.userId] : [])))] } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return events.map((e) => ({
    at: e.at,
    kind: e.kind,
    words: describeSecurityEvent(e),
    person: e.userId ? (byId.get(e.userId)?.name ?? "Someone no longer here") : (e.email ?? "Unknown"),
    email: e.userId ? (byId.get(e.userId)?.email ?? "") : (e.email ?? ""),
    ip: e.ip ?? "",
  }));
}
