// The calendar link end to end against the database (ADR 017): who gets which pairings, a link that
// is replaced or turned off stops working at once, another school's address finds nothing, only a
// hash is stored, and no pupil's name (or anything else about them) is ever in the feed.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/feeds/[schoolId]/[file]/route";
import { db } from "@/server/db";
import { setPairingSlotRow } from "@/server/factories";
import { loadSchedules } from "@/server/schedules";
import { feedHorizon } from "@/lib/calendar-feed";
import { academicYearAround, todayIn } from "@/lib/dates";
import { occurrencesBetween } from "@/lib/occurrences";
import { actorFor } from "@/test-support/actors";
import { submit } from "@/test-support/commands";
import { expandFeed } from "@/test-support/ical";
import { buildWorld } from "@/test-support/school";
import { makeCalendarLink, NO_LINK_MESSAGE, turnOffCalendarLink } from "./commands";
import { calendarFeedFor } from "./serve";
import { hashSecretToken } from "@/server/secret-token";

type World = Awaited<ReturnType<typeof buildWorld>>;
let world: World;

/** The school and token a made link names, from the path the page is given. */
function parseLink(href: string | undefined) {
  const match = /^\/feeds\/([^/]+)\/([A-Za-z0-9_-]{43})\.ics$/.exec(href ?? "");
  if (!match) throw new Error(`not a feed path: ${href}`);
  return { schoolId: match[1]!, token: match[2]! };
}

async function makeLink(actor: World["actors"][keyof World["actors"]]) {
  const result = await submit(makeCalendarLink, actor, {});
  expect(result.ok, result.message).toBe(true);
  return parseLink(result.link?.href);
}

/** What the engine plans for a pairing over the feed's horizon, as the feed's instants. */
async function planned(schoolId: string, pairingId: string) {
  const { calendar, schedules } = await loadSchedules(schoolId, [pairingId]);
  const today = todayIn(calendar.timezone);
  const horizon = feedHorizon(today, academicYearAround(today).startsOn);
  const schedule = schedules.get(pairingId)!;
  return occurrencesBetween(schedule.slot!, calendar, horizon.from, horizon.to, schedule).map((o) => o.startsAt.toISOString());
}

const get = (schoolId: string, file: string) =>
  GET(new Request(`http://localhost/feeds/${schoolId}/${file}`), { params: Promise.resolve({ schoolId, file }) });

beforeAll(async () => {
  world = await buildWorld();
  const { a, b } = world;
  // The mentor's pairing on Wednesdays in the library, supervised by nobody; the other mentor's on
  // Thursdays at break in Room 4, supervised by the teacher; school b's like school a's.
  await setPairingSlotRow(db, { schoolId: a.school.id, pairingId: a.pairing.id, weekday: 3, place: "Library" });
  await setPairingSlotRow(db, {
    schoolId: a.school.id,
    pairingId: a.otherPairing.id,
    weekday: 4,
    slotKey: "BREAK",
    place: "Room 4",
    cadence: "FORTNIGHTLY",
    supervisorId: a.staff.teacher.id,
  });
  await setPairingSlotRow(db, { schoolId: b.school.id, pairingId: b.pairing.id, weekday: 3, place: "Library" });
});

describe("a feed shows its person's pairings, and nothing about any pupil", () => {
  it("a mentor sees only the pairing they mentor, exactly as planned", async () => {
    const { schoolId, token } = await makeLink(world.actors.MENTOR);
    const text = (await calendarFeedFor(schoolId, token))!;
    const events = expandFeed(text);
    expect(events.length).toBeGreaterThan(20);
    expect(events.map((e) => e.start)).toEqual(await planned(world.a.school.id, world.a.pairing.id));
    expect(new Set(events.map((e) => e.location))).toEqual(new Set(["Library"]));
  });

  it("a teacher sees only the pairings they supervise", async () => {
    const { schoolId, token } = await makeLink(world.actors.TEACHER);
    const events = expandFeed((await calendarFeedFor(schoolId, token))!);
    expect(events.length).toBeGreaterThan(10);
    expect(events.map((e) => e.start)).toEqual(await planned(world.a.school.id, world.a.otherPairing.id));
    expect(new Set(events.map((e) => e.location))).toEqual(new Set(["Room 4"]));
  });

  it("names no pupil, no member of staff and no school anywhere in the output", async () => {
    const feeds = [await makeLink(world.actors.MENTOR), await makeLink(world.actors.TEACHER)];
    const pupils = await db.student.findMany({
      where: { schoolId: world.a.school.id },
      select: { legalFirstName: true, legalLastName: true, preferredName: true, upn: true, tutorGroup: true },
    });
    const words = [
      ...pupils.flatMap((p) => [p.legalFirstName, p.legalLastName, p.preferredName, p.upn]),
      ...Object.values(world.a.staff).map((s) => s.name),
      world.a.school.name,
      "SECRET",
    ].filter((w): w is string => Boolean(w));
    for (const { schoolId, token } of feeds) {
      const response = await get(schoolId, `${token}.ics`);
      const body = await response.text();
      expect(body).toContain("BEGIN:VEVENT");
      for (const word of words) expect(body, word).not.toContain(word);
      expect(new Set(expandFeed(body).map((e) => e.summary))).toEqual(new Set(["Mentoring"]));
    }
  });

  it("is answered as text/calendar, privately, with no cookies", async () => {
    const { schoolId, token } = await makeLink(world.actors.MENTOR);
    const response = await get(schoolId, `${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^private\b/);
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

describe("a link works only while it is live, in its own school", () => {
  it("a new link stops the old one at once", async () => {
    const first = await makeLink(world.actors.otherMentor);
    expect(await calendarFeedFor(first.schoolId, first.token)).not.toBeNull();
    const second = await makeLink(world.actors.otherMentor);
    expect(second.token).not.toBe(first.token);
    expect(await calendarFeedFor(first.schoolId, first.token)).toBeNull();
    expect((await get(first.schoolId, `${first.token}.ics`)).status).toBe(404);
    expect(await calendarFeedFor(second.schoolId, second.token)).not.toBeNull();
  });

  it("a turned-off link is a 404, and turning off twice says there is nothing to turn off", async () => {
    const actor = world.actors.DSL;
    await db.pairing.update({
      where: { schoolId_id: { schoolId: world.a.school.id, id: world.a.pairing.id } },
      data: { supervisorId: world.a.staff.dsl.id },
    });
    const { schoolId, token } = await makeLink(actor);
    expect((await get(schoolId, `${token}.ics`)).status).toBe(200);
    expect(await submit(turnOffCalendarLink, actor, {})).toMatchObject({ ok: true });
    const response = await get(schoolId, `${token}.ics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("BEGIN:VCALENDAR");
    expect(await submit(turnOffCalendarLink, actor, {})).toMatchObject({ ok: false, message: NO_LINK_MESSAGE });
    const row = await db.calendarFeed.findUniqueOrThrow({
      where: { schoolId_userId: { schoolId, userId: world.a.staff.dsl.id } },
    });
    expect(row).toMatchObject({ tokenHash: null, revokedAt: expect.any(Date) });
  });

  it("another school's address, a wrong token and a malformed address are all a 404", async () => {
    const b = await makeLink(await actorFor(world.b.pupils.mentor.userId!));
    expect(await calendarFeedFor(b.schoolId, b.token)).not.toBeNull();
    expect(await calendarFeedFor(world.a.school.id, b.token)).toBeNull();
    expect((await get(world.a.school.id, `${b.token}.ics`)).status).toBe(404);
    expect(await calendarFeedFor(world.a.school.id, randomBytes(32).toString("base64url"))).toBeNull();
    expect((await get(b.schoolId, b.token)).status).toBe(404); // no .ics
    expect((await get(b.schoolId, "x.ics")).status).toBe(404);
    expect((await get("not a school", `${b.token}.ics`)).status).toBe(404);
  });

  it("stops for a pupil who has left", async () => {
    const { schoolId, token } = await makeLink(world.actors.MENTOR);
    await db.student.update({
      where: { schoolId_id: { schoolId, id: world.a.pupils.mentor.id } },
      data: { status: "LEFT" },
    });
    try {
      expect(await calendarFeedFor(schoolId, token)).toBeNull();
    } finally {
      await db.student.update({ where: { schoolId_id: { schoolId, id: world.a.pupils.mentor.id } }, data: { status: "ON_ROLL" } });
    }
  });
});

describe("making a link", () => {
  it("stores only the token's SHA-256 and audits without it", async () => {
    const { schoolId, token } = await makeLink(world.actors.MENTOR);
    const row = await db.calendarFeed.findUniqueOrThrow({
      where: { schoolId_userId: { schoolId, userId: world.a.pupils.mentor.userId! } },
    });
    expect(row.tokenHash).toBe(hashSecretToken(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const audits = await db.auditLog.findMany({ where: { schoolId, recordType: "CalendarFeed", recordId: row.id } });
    expect(audits.map((a) => a.action)).toContain("calendar_feed.link_made");
    expect(JSON.stringify(audits)).not.toContain(token);
    expect(JSON.stringify(audits)).not.toContain(row.tokenHash);
  });

  it("is refused, writing nothing, for staff who supervise no pairing", async () => {
    const result = await submit(makeCalendarLink, world.actors.COORDINATOR, {});
    expect(result).toMatchObject({
      ok: false,
      message: "You can make a calendar link once you supervise a pairing that is on trial or active.",
    });
    expect(await db.calendarFeed.count({ where: { schoolId: world.a.school.id, userId: world.a.staff.coordinator.id } })).toBe(0);
  });
});
