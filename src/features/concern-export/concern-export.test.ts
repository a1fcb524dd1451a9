// A pupil's safeguarding file exported for a transfer (issue 9, ADR 023): the PDF a viewer opens holds
// every safeguarding concern naming the pupil with its chronology in order, other pupils only as
// initials (in fields and free text), and each export is audited; a transfer and its receipt go into
// every concern's chronology, once.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/actor";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { db } from "@/server/db";
import { createConcernRow } from "@/server/factories";
import { appendConcernEntry } from "@/test-support/concern-entries";
import { addDaysIso, formatStaffDate } from "@/lib/dates";
import { actorFor } from "@/test-support/actors";
import { submit } from "@/test-support/commands";
import { readPdf } from "@/test-support/pdf-text";
import { buildSchool, type TestSchool } from "@/test-support/school";
import { SAFEGUARDING_FOOTER } from "@/server/pdf";
import { formatStaffDateTime } from "@/lib/dates";
import { ALREADY_CONFIRMED, confirmTransferReceipt, NOTHING_TO_TRANSFER, recordTransfer } from "./commands";
import { renderConcernFile } from "./document";
import { getPupilConcernFile, getPupilFileOverview } from "./queries";

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const word = (name: string) => new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "iu");

describe("a pupil's concern file", () => {
  let s: TestSchool;
  let dsl: Actor;
  let concernIds: { first: string; second: string };
  let actionEntryAt: Date;
  const reportAt = daysAgo(10);
  const name = (p: { legalFirstName: string; legalLastName: string }) => `${p.legalFirstName} ${p.legalLastName}`;

  beforeAll(async () => {
    s = await buildSchool();
    dsl = await actorFor(s.staff.dsl);
    const { mentee, otherMentee, spareMentee, spareMentor, mentor } = s.pupils;
    const entry = (concernId: string, e: Omit<Parameters<typeof appendConcernEntry>[1], "schoolId" | "concernId">) =>
      appendConcernEntry(db, { schoolId: s.school.id, concernId, ...e });
    // Raised by a pupil (so initials too), in their own words, about the subject and another pupil.
    const first = await db.concern.create({
      data: { schoolId: s.school.id, reporterId: mentor.userId!, route: "SAFEGUARDING", category: "BULLYING", createdAt: reportAt },
    });
    await db.concernPupil.createMany({
      data: [mentee.id, otherMentee.id].map((studentId) => ({ schoolId: s.school.id, concernId: first.id, studentId })),
    });
    await entry(first.id, {
      kind: "REPORT",
      authorId: mentor.userId!,
      at: reportAt,
      text: `${name(otherMentee)} keeps taking ${mentee.legalFirstName}'s lunch. ${spareMentee.legalFirstName.toLowerCase()} saw it.`,
      details: {
        when: "Tuesday lunch",
        where: "Canteen",
        namedInWords: `${otherMentee.legalFirstName} and ${spareMentee.legalFirstName}`,
        inDanger: false,
        pupilIds: [mentee.id, otherMentee.id],
      },
    });
    const action = await entry(first.id, {
      kind: "ACTION",
      authorId: s.staff.dsl.id,
      at: daysAgo(9.9),
      action: "SPOKE_TO_PUPIL",
      happenedOn: addDaysIso(s.today, -9),
      text: `Spoke to ${mentee.legalFirstName}; she named ${otherMentee.legalLastName}.`,
    });
    actionEntryAt = action.at;
    await entry(first.id, {
      kind: "PUPILS",
      authorId: s.staff.dsl.id,
      at: daysAgo(9.8),
      details: { added: [], removed: [spareMentee.id] },
      text: "Not involved after all.",
    });
    await entry(first.id, {
      kind: "STATUS",
      authorId: s.staff.dsl.id,
      at: daysAgo(9.7),
      details: { from: "OPEN", to: "IN_PROGRESS" },
      text: "Watching at lunchtimes.",
    });
    await entry(first.id, {
      kind: "CORRECTION",
      authorId: s.staff.dsl.id,
      at: daysAgo(8),
      correctsId: action.id,
      text: "It was Wednesday, not Tuesday.",
    });
    const second = await createConcernRow(db, {
      schoolId: s.school.id,
      reporterId: s.staff.teacher.id,
      pupilIds: [mentee.id],
      category: "ONLINE_SAFETY",
      status: "CLOSED",
      isUrgent: true,
      createdAt: daysAgo(5),
      what: "Messages at night from an older pupil.",
    });
    await entry(second.id, {
      kind: "STATUS",
      authorId: s.staff.dsl.id,
      at: daysAgo(4),
      details: { from: "OPEN", to: "CLOSED" },
      text: "Parents informed; closed.",
    });
    concernIds = { first: first.id, second: second.id };
    // Not in the file: a concern about another pupil only, and one routed to the head.
    await createConcernRow(db, {
      schoolId: s.school.id,
      reporterId: s.staff.teacher.id,
      pupilIds: [spareMentor.id],
      what: "NOT-IN-THIS-FILE",
    });
    await createConcernRow(db, {
      schoolId: s.school.id,
      reporterId: s.staff.coordinator.id,
      pupilIds: [mentee.id],
      route: "HEAD",
      aboutStaffId: s.staff.teacher.id,
      what: "HEAD-ROUTE-SECRET",
    });
  });

  it("holds the pupil's safeguarding concerns, oldest first, each chronology in order with authors and dates with the year", async () => {
    const file = await getPupilConcernFile(dsl, s.pupils.mentee.id);
    const { mentee, otherMentee, spareMentee } = s.pupils;
    expect(file.pupil).toMatchObject({ name: name(mentee), upn: mentee.upn, yearGroup: 8, initials: "M.P." });
    expect(file.fileName).toBe(`concern-file-MP-${s.today}.pdf`);
    expect(file.concerns.map((c) => [c.number, c.category, c.status, c.isUrgent])).toEqual([
      [1, "Bullying", "Open", false],
      [2, "Online safety", "Closed", true],
    ]);
    const [first, second] = file.concerns;
    expect(first!.raisedBy).toBe("S.O.");
    expect(first!.pupils).toEqual([name(mentee), "E.G."]);
    expect(first!.entries.map((e) => e.title)).toEqual([
      "Raised by S.O.",
      `Spoke to the pupil, ${formatStaffDate(addDaysIso(s.today, -9))}`,
      "Removed R.Y.",
      "Status: Open → In progress",
      "Correction by Dsl Person",
    ]);
    expect(first!.entries[0]!.when).toBe(formatStaffDateTime(reportAt, s.school.timezone));
    expect(first!.entries[0]!.when).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
    expect(first!.entries[0]!.lines).toEqual([
      "When: Tuesday lunch",
      "Where: Canteen",
      "Who (in their words): E.G. and R.Y.",
      `Pupils named: ${name(mentee)} and E.G.`,
      `E.G. keeps taking ${mentee.legalFirstName}'s lunch. R.Y. saw it.`,
    ]);
    expect(first!.entries[1]!.lines).toEqual(["By Dsl Person", `Spoke to ${mentee.legalFirstName}; she named E.G..`]);
    expect(first!.entries[2]!.lines).toEqual(["By Dsl Person", "Not involved after all."]);
    expect(first!.entries[3]!.lines).toEqual(["By Dsl Person", "Watching at lunchtimes."]);
    expect(first!.entries[4]!.lines).toEqual([
      `Corrects the entry of ${formatStaffDateTime(actionEntryAt, s.school.timezone)} by Dsl Person`,
      "It was Wednesday, not Tuesday.",
    ]);
    expect(second!.raisedBy).toBe("Teacher Person");
    expect(second!.entries.map((e) => e.lines.at(-1))).toEqual(["Messages at night from an older pupil.", "Parents informed; closed."]);
    // No other pupil's name, and no id, anywhere in what leaves the data layer.
    const all = JSON.stringify({ ...file, pupil: { ...file.pupil, id: "" } });
    for (const p of [otherMentee, spareMentee, s.pupils.mentor])
      for (const part of [p.legalFirstName, p.legalLastName]) expect(all, part).not.toMatch(word(part));
    for (const id of [otherMentee.id, spareMentee.id, s.pupils.mentor.userId!, s.staff.dsl.id, concernIds.first])
      expect(all).not.toContain(id);
    expect(all).not.toMatch(/NOT-IN-THIS-FILE|HEAD-ROUTE-SECRET/);
  });

  it("is a PDF a viewer opens, whose text is the chronology, with the footer and page numbers on every page; the export is audited", async () => {
    const before = await db.auditLog.count({ where: { schoolId: s.school.id, action: "concern.exported" } });
    const file = await getPupilConcernFile(dsl, s.pupils.mentee.id);
    const read = await readPdf(await renderConcernFile(file));
    expect(read.title).toBe(`Safeguarding file: ${name(s.pupils.mentee)}`);
    const expected = [
      `Safeguarding file: ${name(s.pupils.mentee)}`,
      `Unique pupil number (UPN): ${s.pupils.mentee.upn}`,
      "Concern 1 of 2: Bullying",
      "About: " + `${name(s.pupils.mentee)}, E.G.`,
      `${file.concerns[0]!.entries[0]!.when} · Raised by S.O.`,
      "E.G. keeps taking",
      "Spoke to the pupil,",
      "Removed R.Y.",
      "Status: Open → In progress",
      "It was Wednesday, not Tuesday.",
      "Concern 2 of 2: Online safety",
      "Someone in danger at the time: Yes",
      "Parents informed; closed.",
      "End of file.",
    ];
    let from = 0;
    for (const piece of expected) {
      const at = read.text.indexOf(piece, from);
      expect(at, `"${piece}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + piece.length;
    }
    for (const p of [s.pupils.otherMentee, s.pupils.spareMentee, s.pupils.mentor])
      for (const part of [p.legalFirstName, p.legalLastName]) expect(read.text, part).not.toMatch(word(part));
    read.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${read.pages.length}`));
    read.pages.forEach((page) => expect(page).toContain(SAFEGUARDING_FOOTER));

    const audits = await db.auditLog.findMany({
      where: { schoolId: s.school.id, action: "concern.exported" },
      orderBy: { at: "desc" },
    });
    expect(audits).toHaveLength(before + 1);
    expect(audits[0]).toMatchObject({ actorUserId: s.staff.dsl.id, recordType: "Student", recordId: s.pupils.mentee.id });
    expect(audits[0]!.changes).toEqual({ studentId: s.pupils.mentee.id, concerns: 2, concernIds: expect.any(Array) });
    expect((audits[0]!.changes as { concernIds: string[] }).concernIds).toHaveLength(2);
  });

  it("exports a file with no concerns as a file that says so", async () => {
    const file = await getPupilConcernFile(dsl, s.pupils.otherMentor.id);
    expect(file.concerns).toEqual([]);
    const read = await readPdf(await renderConcernFile(file));
    expect(read.text).toContain("There are no safeguarding concerns about this pupil in PeerPath.");
  });

  describe("recording a transfer", () => {
    const entries = (kind: "TRANSFER") =>
      db.concernEntry.findMany({ where: { schoolId: s.school.id, kind }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    const form = (extra: Record<string, string> = {}) => ({
      studentId: s.pupils.mentee.id,
      toSchool: "Riverside Academy",
      toPerson: "Ms Jones, designated safeguarding lead",
      sentOn: addDaysIso(s.today, -1),
      method: "Local authority secure transfer portal",
      receiptConfirmedOn: "",
      ...extra,
    });

    it("refuses dates before the file began or after today, and a receipt before the sending, writing nothing", async () => {
      const cases: [Record<string, string>, string, string][] = [
        [{ sentOn: addDaysIso(s.today, 1) }, "sentOn", `Choose a date from ${formatStaffDate(addDaysIso(s.today, -10))} to today.`],
        [{ sentOn: addDaysIso(s.today, -11) }, "sentOn", `Choose a date from ${formatStaffDate(addDaysIso(s.today, -10))} to today.`],
        [
          { receiptConfirmedOn: addDaysIso(s.today, -2) },
          "receiptConfirmedOn",
          `Choose a date from ${formatStaffDate(addDaysIso(s.today, -1))} to today.`,
        ],
      ];
      for (const [extra, field, message] of cases) {
        const result = await submit(recordTransfer, dsl, form(extra));
        expect(result.ok).toBe(false);
        expect(result.fieldErrors?.[field]).toEqual([message]);
        expect(result.values?.toSchool).toBe("Riverside Academy");
      }
      expect(await entries("TRANSFER")).toEqual([]);
    });

    it("refuses a pupil with no concerns", async () => {
      const result = await submit(recordTransfer, dsl, form({ studentId: s.pupils.otherMentor.id }));
      expect(result).toMatchObject({ ok: false, message: NOTHING_TO_TRANSFER });
    });

    it("appends one TRANSFER entry to each of the pupil's concerns, once however often the form is sent, then the receipt once", async () => {
      const idempotencyKey = randomUUID();
      const first = await submit(recordTransfer, dsl, { ...form(), idempotencyKey });
      expect(first).toMatchObject({ ok: true, message: "Transfer recorded in the chronology of all 2 concerns." });
      const again = await submit(recordTransfer, dsl, { ...form(), idempotencyKey });
      expect(again).toMatchObject({ ok: true, message: first.message });
      const transfers = await entries("TRANSFER");
      expect(transfers.map((e) => e.concernId).sort()).toEqual([concernIds.first, concernIds.second].sort());
      const transferId = (transfers[0]!.details as { transferId: string }).transferId;
      for (const entry of transfers) {
        expect(entry).toMatchObject({ kind: "TRANSFER", authorId: s.staff.dsl.id, text: "", correctsId: null });
        expect(entry.details).toEqual({
          transferId,
          to: "Ms Jones, designated safeguarding lead, Riverside Academy",
          on: addDaysIso(s.today, -1),
          how: "Local authority secure transfer portal",
          receiptConfirmedOn: null,
        });
      }
      const audit = await db.auditLog.findFirstOrThrow({ where: { schoolId: s.school.id, action: "concern.transfer_recorded" } });
      expect(audit).toMatchObject({ actorUserId: s.staff.dsl.id, recordId: s.pupils.mentee.id });

      expect(
        await submit(confirmTransferReceipt, dsl, {
          studentId: s.pupils.mentee.id,
          transferId: "no-such-transfer",
          receiptConfirmedOn: s.today,
        }),
      ).toMatchObject({
        ok: false,
        message: NOT_FOUND_MESSAGE,
      });
      const tooEarly = await submit(confirmTransferReceipt, dsl, {
        studentId: s.pupils.mentee.id,
        transferId,
        receiptConfirmedOn: addDaysIso(s.today, -2),
      });
      expect(tooEarly.fieldErrors?.receiptConfirmedOn).toEqual([
        `Choose a date from ${formatStaffDate(addDaysIso(s.today, -1))} to today.`,
      ]);
      const confirmed = await submit(confirmTransferReceipt, dsl, {
        studentId: s.pupils.mentee.id,
        transferId,
        receiptConfirmedOn: s.today,
      });
      expect(confirmed).toMatchObject({ ok: true, message: "Receipt confirmed and added to the chronology." });
      const twice = await submit(confirmTransferReceipt, dsl, { studentId: s.pupils.mentee.id, transferId, receiptConfirmedOn: s.today });
      expect(twice).toMatchObject({ ok: false, message: ALREADY_CONFIRMED });

      const all = await entries("TRANSFER");
      const receipts = all.filter((e) => (e.details as { transferEntryId?: string }).transferEntryId);
      expect(receipts).toHaveLength(2);
      for (const receipt of receipts) {
        const original = transfers.find((t) => t.concernId === receipt.concernId)!;
        expect(receipt.details).toEqual({ transferId, transferEntryId: original.id, receiptConfirmedOn: s.today });
        expect(receipt.correctsId).toBeNull();
      }

      const overview = await getPupilFileOverview(dsl, s.pupils.mentee.id);
      expect(overview.transfers).toEqual([
        expect.objectContaining({
          transferId,
          to: "Ms Jones, designated safeguarding lead, Riverside Academy",
          sentOn: addDaysIso(s.today, -1),
          concerns: 2,
          recordedBy: "Dsl Person",
          receiptConfirmedOn: s.today,
        }),
      ]);

      const read = await readPdf(await renderConcernFile(await getPupilConcernFile(dsl, s.pupils.mentee.id)));
      expect(read.text).toContain(
        `File transferred to Ms Jones, designated safeguarding lead, Riverside Academy On ${formatStaffDate(addDaysIso(s.today, -1))} How: Local authority secure transfer portal By Dsl Person`,
      );
      expect(read.text).toMatch(
        /Receipt of the transfer confirmed For the transfer recorded in the entry of \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} by Dsl Person Receipt confirmed \d/,
      );
      expect(read.text).toContain(`Receipt confirmed ${formatStaffDate(s.today)} By Dsl Person`);
    });

    it("records a receipt given with the transfer in the transfer entries themselves", async () => {
      const t = await buildSchool();
      const tDsl = await actorFor(t.staff.dsl);
      await createConcernRow(db, {
        schoolId: t.school.id,
        reporterId: t.staff.teacher.id,
        pupilIds: [t.pupils.mentee.id],
        createdAt: daysAgo(3),
      });
      const result = await submit(recordTransfer, tDsl, {
        ...form({ studentId: t.pupils.mentee.id, sentOn: addDaysIso(t.today, -2), receiptConfirmedOn: t.today }),
      });
      expect(result).toMatchObject({ ok: true, message: "Transfer recorded in the concern's chronology." });
      const [entry] = await db.concernEntry.findMany({ where: { schoolId: t.school.id, kind: "TRANSFER" } });
      expect(entry!.details).toMatchObject({ receiptConfirmedOn: t.today });
      const overview = await getPupilFileOverview(tDsl, t.pupils.mentee.id);
      expect(overview.transfers[0]).toMatchObject({ receiptConfirmedOn: t.today, concerns: 1 });
    });
  });
});
