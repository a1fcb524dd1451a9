// Noticeboard links end to end against the database (ADR 024): a made link shows the pupil board at its
// address and nowhere else, a replaced or turned-off link stops at once, only a hash is ever stored
// (not in the row, the audit log or the form's idempotency record), and the screen shows only what
// pupil boards show: nobody opted out or hidden, no figure below zero, no ids.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createPointEntry, createProgramme } from "@/server/factories";
import { hashSecretToken } from "@/server/secret-token";
import { submit } from "@/test-support/commands";
import { expectNotFound } from "@/test-support/expectations";
import { buildWorld } from "@/test-support/school";
import {
  ALREADY_OFF_MESSAGE,
  CLOSED_PROGRAMME_MESSAGE,
  MADE_REPLAY_MESSAGE,
  makeNoticeboardLink,
  replaceNoticeboardLink,
  turnOffNoticeboardLink,
} from "./commands";
import { listNoticeboardLinks } from "./queries";
import { noticeboardFor } from "./serve";

type World = Awaited<ReturnType<typeof buildWorld>>;
let world: World;

const LINK_PATH = /^\/noticeboard\/([^/]+)\/([A-Za-z0-9_-]{43})$/;

function parseLink(href: string | undefined) {
  const match = LINK_PATH.exec(href ?? "");
  if (!match) throw new Error(`not a noticeboard path: ${href}`);
  return { schoolId: match[1]!, token: match[2]! };
}

async function makeLink(extra: Record<string, unknown> = {}) {
  const result = await submit(makeNoticeboardLink, world.actors.COORDINATOR, {
    label: "Library screen",
    programmeId: world.a.programme.id,
    yearGroup: "",
    period: "ALL_TIME",
    ...extra,
  });
  expect(result.ok, result.message).toBe(true);
  const { schoolId, token } = parseLink(result.link?.href);
  const row = await db.noticeboardLink.findFirstOrThrow({ where: { schoolId, tokenHash: hashSecretToken(token) } });
  return { schoolId, token, linkId: row.id, result };
}

const names = (board: Awaited<ReturnType<typeof noticeboardFor>>) => board?.rows.map((r) => r.name) ?? [];
const giveA = (studentId: string, amount: number) =>
  createPointEntry(db, {
    schoolId: world.a.school.id,
    programmeId: world.a.programme.id,
    studentId,
    awardedById: world.a.staff.teacher.id,
    amount,
    category: amount > 0 ? "Effort" : "Points lost",
  });

beforeAll(async () => {
  world = await buildWorld();
  // From the builder: Maya (mentee) +3. Here: Sam (mentor) +5, Kai (other mentor) +2, Ella (other mentee) −4.
  await giveA(world.a.pupils.mentor.id, 5);
  await giveA(world.a.pupils.otherMentor.id, 2);
  await giveA(world.a.pupils.otherMentee.id, -4);
});

describe("making a link", () => {
  it("shows the pupil board at its address, signed out, in the school it names and no other", async () => {
    const { schoolId, token, result } = await makeLink();
    expect(schoolId).toBe(world.a.school.id);
    expect(result.message).toBe("Here is the link for “Library screen”.");
    const board = await noticeboardFor(schoolId, token);
    expect(board).toMatchObject({ programmeName: world.a.programme.name, yearGroup: null, period: "ALL_TIME", improved: null });
    expect(board?.rows.map((r) => [r.place, r.points, r.hasRosette])).toEqual([
      [1, 5, true],
      [2, 3, false],
      [3, 2, false],
    ]);
    expect(names(board)[1]).toMatch(/^Maya P\.$/);
    // Another school's address with the same token, a malformed token or school id: nothing.
    expect(await noticeboardFor(world.b.school.id, token)).toBeNull();
    expect(await noticeboardFor(schoolId, token.slice(1))).toBeNull();
    expect(await noticeboardFor(schoolId, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await noticeboardFor("../etc", token)).toBeNull();
  });

  it("stores only the token's hash: not in the row, the audit log or the form's replay record", async () => {
    const { token, linkId } = await makeLink({ label: "Hall screen" });
    const row = await db.noticeboardLink.findFirstOrThrow({ where: { id: linkId } });
    expect(row.tokenHash).toBe(hashSecretToken(token));
    const [audits, keys] = await Promise.all([
      db.auditLog.findMany({ where: { schoolId: world.a.school.id, recordId: linkId } }),
      db.idempotencyKey.findMany({ where: { schoolId: world.a.school.id } }),
    ]);
    expect(audits.map((a) => a.action)).toEqual(["noticeboard_link.made"]);
    expect(audits[0]!.changes).toMatchObject({ label: "Hall screen", period: "ALL_TIME", yearGroup: 0 });
    for (const stored of [...audits, ...keys, row]) {
      expect(JSON.stringify(stored)).not.toContain(token);
      if (stored !== row) expect(JSON.stringify(stored)).not.toContain(row.tokenHash!);
    }
  });

  it("makes one link when the same form is sent twice, and the second answer does not hold the address", async () => {
    const form = {
      label: "Twice screen",
      programmeId: world.a.programme.id,
      yearGroup: "0",
      period: "WEEK",
      idempotencyKey: "noticeboard-twice-0001",
    };
    const first = await submit(makeNoticeboardLink, world.actors.COORDINATOR, form);
    const second = await submit(makeNoticeboardLink, world.actors.COORDINATOR, form);
    expect(first.ok && second.ok).toBe(true);
    expect(first.link?.href).toMatch(LINK_PATH);
    expect(second).toMatchObject({ message: MADE_REPLAY_MESSAGE });
    expect(second.link).toBeUndefined();
    expect(await db.noticeboardLink.count({ where: { schoolId: world.a.school.id, label: "Twice screen" } })).toBe(1);
  });

  it("refuses a closed programme, by its field, and another school's programme as not found", async () => {
    const closed = await createProgramme(db, { schoolId: world.a.school.id, status: "CLOSED" });
    const refused = await submit(makeNoticeboardLink, world.actors.COORDINATOR, {
      label: "Old screen",
      programmeId: closed.id,
      yearGroup: "",
      period: "WEEK",
    });
    expect(refused).toMatchObject({
      ok: false,
      message: CLOSED_PROGRAMME_MESSAGE,
      fieldErrors: { programmeId: [CLOSED_PROGRAMME_MESSAGE] },
    });
    expect(refused.values).toMatchObject({ label: "Old screen" });
    const other = await submit(makeNoticeboardLink, world.actors.otherSchoolCoordinator, {
      label: "Intruder",
      programmeId: world.a.programme.id,
      yearGroup: "",
      period: "WEEK",
    });
    expect(other.ok).toBe(false);
    expect(await db.noticeboardLink.count({ where: { label: { in: ["Old screen", "Intruder"] } } })).toBe(0);
  });
});

describe("replacing and turning off", () => {
  it("turning off stops the link at once; a second turn-off says it is already off", async () => {
    const { schoolId, token, linkId } = await makeLink({ label: "Off screen" });
    expect(await noticeboardFor(schoolId, token)).not.toBeNull();
    const off = await submit(turnOffNoticeboardLink, world.actors.COORDINATOR, { linkId });
    expect(off).toMatchObject({ ok: true, message: expect.stringContaining("“Off screen” is turned off") });
    expect(await noticeboardFor(schoolId, token)).toBeNull();
    const row = await db.noticeboardLink.findFirstOrThrow({ where: { id: linkId } });
    expect(row).toMatchObject({ tokenHash: null, revokedAt: expect.any(Date) });
    expect(await submit(turnOffNoticeboardLink, world.actors.COORDINATOR, { linkId })).toMatchObject({
      ok: false,
      message: ALREADY_OFF_MESSAGE,
    });
  });

  it("replacing stops the old address and the new one works; a turned-off link comes back only with a new address", async () => {
    const first = await makeLink({ label: "Swap screen" });
    const replaced = await submit(replaceNoticeboardLink, world.actors.COORDINATOR, { linkId: first.linkId });
    expect(replaced).toMatchObject({ ok: true, message: "Here is the new link for “Swap screen”. The old one has stopped working." });
    const second = parseLink(replaced.link?.href);
    expect(second.token).not.toBe(first.token);
    expect(await noticeboardFor(first.schoolId, first.token)).toBeNull();
    expect(await noticeboardFor(second.schoolId, second.token)).not.toBeNull();

    await submit(turnOffNoticeboardLink, world.actors.COORDINATOR, { linkId: first.linkId });
    const again = await submit(replaceNoticeboardLink, world.actors.COORDINATOR, { linkId: first.linkId });
    expect(again).toMatchObject({ ok: true, message: "Here is the new link for “Swap screen”." });
    const third = parseLink(again.link?.href);
    expect(await noticeboardFor(second.schoolId, second.token)).toBeNull();
    expect(await noticeboardFor(third.schoolId, third.token)).not.toBeNull();
    const audits = await db.auditLog.findMany({ where: { recordId: first.linkId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(audits.map((a) => [a.action, a.changes])).toEqual([
      ["noticeboard_link.made", expect.anything()],
      ["noticeboard_link.replaced", { replacedLiveLink: true }],
      ["noticeboard_link.turned_off", {}],
      ["noticeboard_link.replaced", { replacedLiveLink: false }],
    ]);
  });

  it("another school's coordinator cannot replace or turn off this school's link", async () => {
    const { schoolId, token, linkId } = await makeLink({ label: "Guarded screen" });
    for (const command of [replaceNoticeboardLink, turnOffNoticeboardLink]) {
      const result = await submit(command, world.actors.otherSchoolCoordinator, { linkId });
      expect(result.ok).toBe(false);
    }
    expect(await noticeboardFor(schoolId, token)).not.toBeNull();
  });
});

describe("the screen shows only what pupil boards show", () => {
  it("leaves out a pupil who opted out and one staff hid, and shows no figure below zero", async () => {
    const { schoolId, token } = await makeLink({ label: "Privacy screen" });
    const before = await noticeboardFor(schoolId, token);
    expect(names(before).some((n) => n.startsWith("Sam "))).toBe(true);
    await db.pupilBoardProfile.create({ data: { schoolId: world.a.school.id, studentId: world.a.pupils.mentor.id, isOptedOut: true } });
    await db.pupilBoardProfile.create({
      data: {
        schoolId: world.a.school.id,
        studentId: world.a.pupils.otherMentor.id,
        hiddenAt: new Date(),
        hiddenById: world.a.staff.coordinator.id,
        hiddenReason: "PRIVATE reason",
      },
    });
    const board = (await noticeboardFor(schoolId, token))!;
    expect(board.rows.map((r) => [r.place, r.points, r.hasRosette])).toEqual([[1, 3, true]]);
    expect(names(board)).toEqual([expect.stringMatching(/^Maya P\.$/)]);
    const text = JSON.stringify(board);
    expect(text).not.toMatch(/Sam |Kai |PRIVATE|-\d/);
    // No record ids on a public page.
    for (const id of [world.a.pupils.mentee.id, world.a.programme.id, world.a.school.id]) expect(text).not.toContain(id);
    await db.pupilBoardProfile.deleteMany({ where: { schoolId: world.a.school.id } });
  });

  it("shows one year group when the link names one", async () => {
    const { schoolId, token } = await makeLink({ label: "Year 8 screen", yearGroup: "8" });
    const board = await noticeboardFor(schoolId, token);
    expect(board?.yearGroup).toBe(8);
    expect(names(board)).toEqual([expect.stringMatching(/^Maya P\.$/)]);
  });

  it("shows most improved this week, and a shared climb above zero", async () => {
    const { schoolId, token } = await makeLink({ label: "Week screen", period: "WEEK" });
    const board = (await noticeboardFor(schoolId, token))!;
    expect(board.period).toBe("WEEK");
    expect(board.improved?.map((r) => r.change)).toEqual([5, 3, 2]);
    expect(board.celebrations).toEqual([]);
    const climb = await giveA(world.a.pupils.otherMentee.id, 6);
    await db.pointMilestone.create({
      data: {
        schoolId: world.a.school.id,
        studentId: world.a.pupils.otherMentee.id,
        entryId: climb.id,
        isShared: true,
        answeredAt: new Date(),
      },
    });
    const after = (await noticeboardFor(schoolId, token))!;
    expect(after.celebrations).toEqual([expect.stringMatching(/^Ella G\.$/)]);
  });

  it("shows nothing for a programme that is not running (draft or closed)", async () => {
    const draft = await createProgramme(db, { schoolId: world.a.school.id, status: "DRAFT" });
    const { schoolId, token } = await makeLink({ label: "Draft screen", programmeId: draft.id });
    expect(await noticeboardFor(schoolId, token)).toBeNull();
    await db.programme.update({ where: { schoolId_id: { schoolId, id: draft.id } }, data: { status: "ACTIVE" } });
    expect(await noticeboardFor(schoolId, token)).not.toBeNull();
    await db.programme.update({ where: { schoolId_id: { schoolId, id: draft.id } }, data: { status: "CLOSED" } });
    expect(await noticeboardFor(schoolId, token)).toBeNull();
  });
});

describe("the coordinator's list", () => {
  it("lists the school's links, live or turned off, with no address, token or hash; others get a 404", async () => {
    const { token, linkId } = await makeLink({ label: "Listed screen", yearGroup: "7", period: "HALF_TERM" });
    await submit(turnOffNoticeboardLink, world.actors.COORDINATOR, { linkId });
    const live = await makeLink({ label: "Listed live screen" });
    const list = await listNoticeboardLinks(world.actors.COORDINATOR);
    const off = list.find((l) => l.id === linkId);
    expect(off).toMatchObject({
      label: "Listed screen",
      programmeName: world.a.programme.name,
      yearGroup: 7,
      period: "HALF_TERM",
      isLive: false,
      turnedOffOn: world.a.today,
    });
    expect(list.find((l) => l.id === live.linkId)).toMatchObject({ isLive: true, turnedOffOn: null, isProgrammeRunning: true });
    expect(list.findIndex((l) => l.id === live.linkId)).toBeLessThan(list.findIndex((l) => l.id === linkId));
    const text = JSON.stringify(list);
    expect(text).not.toContain(token);
    expect(text).not.toContain(live.token);
    expect(text).not.toContain(hashSecretToken(live.token));
    expect(text).not.toMatch(/tokenHash|noticeboard\//);
    expect(await listNoticeboardLinks(world.actors.otherSchoolCoordinator)).toEqual([]);
    for (const reader of [world.actors.ADMIN, world.actors.TEACHER, world.actors.MENTEE])
      await expectNotFound(() => listNoticeboardLinks(reader));
  });
});
