// The admin's security events page (issue 11): only their school's events, filtered by person and by
// days in the school's time zone, 50 a page, in plain words, and the same as CSV.
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { actorFor } from "@/test-support/actors";
import { buildWorld } from "@/test-support/school";
import { securityEventFilters } from "./filters";
import { listSecurityEventsForAdmin, listSecurityEventsForExport } from "./queries";
import { securityEventsCsv, securityEventsDownload } from "./download";

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;
let admin: Actor;
let otherAdmin: Actor;
const event = (data: { kind: string; schoolId: string; userId?: string; at: Date; detail?: object; email?: string }) =>
  db.securityEvent.create({ data: { ...data, detail: data.detail ?? {} } });

beforeAll(async () => {
  w = await buildWorld();
  admin = await actorFor(w.a.staff.admin);
  otherAdmin = await actorFor(w.b.staff.admin);
  const mentorUser = w.a.pupils.mentor.userId!;
  // 2026-03-29 is the day the clocks go forward in London: 23:30 UTC on the 28th is still the 28th there.
  await event({
    kind: "access.role_refused",
    schoolId: w.a.school.id,
    userId: mentorUser,
    at: new Date("2026-03-28T23:30:00Z"),
    detail: { command: "awardPoints" },
  });
  await event({ kind: "auth.sign_in_failed", schoolId: w.a.school.id, userId: w.a.staff.teacher.id, at: new Date("2026-03-30T08:00:00Z") });
  await event({
    kind: "access.not_found",
    schoolId: w.b.school.id,
    userId: w.b.staff.teacher.id,
    at: new Date("2026-03-30T09:00:00Z"),
    detail: { what: "Pairing" },
  });
  for (let i = 0; i < 55; i += 1)
    await event({
      kind: "auth.sign_in_failed",
      schoolId: w.a.school.id,
      userId: w.a.staff.dsl.id,
      at: new Date(Date.UTC(2025, 0, 1, 0, i)),
    });
});

describe("the school's security events", () => {
  it("lists only the admin's own school's events, newest first, in words, 50 a page", async () => {
    const first = await listSecurityEventsForAdmin(admin, {});
    const mine = await db.securityEvent.count({ where: { schoolId: w.a.school.id } });
    expect(first.total).toBe(mine);
    expect(first.events).toHaveLength(50);
    expect(first.events.map((e) => e.at.getTime())).toEqual([...first.events.map((e) => e.at.getTime())].sort((a, b) => b - a));
    expect(JSON.stringify(first)).not.toContain(w.b.staff.teacher.id);
    const second = await listSecurityEventsForAdmin(admin, { page: 2 });
    expect(second.events.length).toBe(mine - 50);
    expect(first.people.map((p) => p.id)).not.toContain(w.b.staff.teacher.id);
    const theirs = await listSecurityEventsForAdmin(otherAdmin, {});
    expect(theirs.events.map((e) => e.words)).toContain("Refused: asked for a pairing that is not theirs or does not exist.");
    expect(JSON.stringify(theirs)).not.toContain(w.a.staff.teacher.id);
  });

  it("filters by person and by days in the school's time zone", async () => {
    const mentorUser = w.a.pupils.mentor.userId!;
    const byMentor = await listSecurityEventsForAdmin(admin, { personId: mentorUser });
    expect(byMentor.events.map((e) => e.words)).toEqual(["Refused: tried to award points without permission."]);
    const on28th = await listSecurityEventsForAdmin(admin, { from: "2026-03-28", to: "2026-03-28" });
    expect(on28th.events.map((e) => e.kind)).toEqual(["access.role_refused"]);
    const from29th = await listSecurityEventsForAdmin(admin, { from: "2026-03-29", to: "2026-03-31" });
    expect(from29th.events.map((e) => e.kind)).toEqual(["auth.sign_in_failed"]);
  });

  it("reads filters from a URL anyone can type without failing", () => {
    expect(securityEventFilters({ person: "x\u0000", from: "2026-02-31", to: "2026-03-01", page: "-4" })).toEqual({
      personId: undefined,
      from: undefined,
      to: "2026-03-01",
      page: 1,
    });
  });

  it("exports the same events as CSV, formulas escaped", async () => {
    await event({ kind: "auth.sign_in_failed", schoolId: w.a.school.id, email: "=cmd()@x.example", at: new Date("2026-03-31T08:00:00Z") });
    const rows = await listSecurityEventsForExport(admin, { from: "2026-03-31", to: "2026-03-31" });
    const csv = parse(securityEventsCsv(rows, admin.timezone)) as string[][];
    expect(csv[0]).toEqual(["When", "Who", "Email", "What happened", "Kind", "Address"]);
    expect(csv[1]?.slice(1, 5)).toEqual([
      "'=cmd()@x.example",
      "'=cmd()@x.example",
      "A sign-in failed: wrong email or password.",
      "auth.sign_in_failed",
    ]);
  });

  it("downloads for the admin only, and each download is audited with its filters", async () => {
    const response = await securityEventsDownload(admin, new URLSearchParams({ from: "2026-03-28", to: "2026-03-28" }));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((parse(await response.text()) as string[][]).length).toBe(2);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { schoolId: w.a.school.id, action: "security_events.exported" },
      orderBy: { at: "desc" },
    });
    expect(audit).toMatchObject({ actorUserId: admin.userId, changes: { from: "2026-03-28", to: "2026-03-28", rows: 1, personId: null } });
    const coordinator = await actorFor(w.a.staff.coordinator);
    await expect(securityEventsDownload(coordinator, new URLSearchParams())).rejects.toThrow();
    await expect(securityEventsDownload(null, new URLSearchParams())).rejects.toThrow();
  });
});
