// Importing a pupil file (issue 11, plan §6): what a commit writes, and every way it refuses without
// writing — the same file twice, a stale preview, leavers not confirmed, a row error.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadActor } from "@/server/actor";
import { addMentee, addMentor, createPairingRow, createProgramme, createSchool, createStaffUser } from "@/server/factories";
import { toDbDate } from "@/lib/dates";
import { actorFor, signedInClaims } from "@/test-support/actors";
import { expectRefusedWithoutWrites } from "@/test-support/commands";
import { simsCsv, upnFor, type MisPupil } from "@/test-support/mis-file";
import { uniqueEmail } from "@/test-support/school";
import { saveImportMapping, uploadImportFile } from "@/features/imports/commands";
import { commitPupilImport, NOTHING_TO_CHANGE_MESSAGE, ROW_ERRORS_MESSAGE, STALE_PREVIEW_MESSAGE } from "./commands";
import { getPupilImportPreview } from "./queries";

let serial = Math.floor(Math.random() * 1e9) * 1000;
const pupil = (extra: Partial<MisPupil> = {}): MisPupil => {
  serial += 1;
  return {
    upn: upnFor(serial),
    adno: String(serial % 1_000_000).padStart(6, "0"),
    surname: `Surname${serial}`,
    forename: "Amira",
    dob: "2012-09-14",
    sex: "F",
    year: 9,
    reg: "9AB",
    ...extra,
  };
};

async function newSchool() {
  const school = await createSchool(db, { withCalendar: false });
  const adminUser = await createStaffUser(db, { schoolId: school.id, roles: ["ADMIN"], email: uniqueEmail("import-admin") });
  return { schoolId: school.id, adminUser, admin: await actorFor(adminUser) };
}
type School = Awaited<ReturnType<typeof newSchool>>;

async function upload(s: School, text: string, options: { isWholeRoll?: boolean } = {}) {
  const result = await uploadImportFile.run(s.admin, {
    kind: "PUPILS",
    fileName: "pupils.csv",
    fileText: text,
    sha256: createHash("sha256").update(text).digest("hex"),
    encoding: "utf-8",
  });
  expect(result, result.message).toMatchObject({ ok: true });
  const draftId = result.recordId!;
  if (options.isWholeRoll) {
    const draft = await db.importDraft.findFirstOrThrow({ where: { id: draftId } });
    const columns = Object.fromEntries(
      Object.entries(draft.mapping as Record<string, number | null>).map(([k, v]) => [`column_${k}`, v === null ? "" : String(v)]),
    );
    const saved = await saveImportMapping.run(s.admin, { draftId, isWholeRoll: "on", ...columns });
    expect(saved, saved.message).toMatchObject({ ok: true });
  }
  return draftId;
}

async function previewAndCommit(s: School, text: string, options: { isWholeRoll?: boolean; confirmLeavers?: boolean } = {}) {
  const draftId = await upload(s, text, options);
  const preview = await getPupilImportPreview(s.admin, draftId);
  const result = await commitPupilImport.run(s.admin, {
    draftId,
    basis: preview.preview!.fingerprint,
    ...(options.confirmLeavers ? { confirmLeavers: "on" } : {}),
  });
  return { draftId, preview, result };
}

const students = (schoolId: string) => db.student.findMany({ where: { schoolId }, orderBy: { upn: "asc" } });

describe("commitPupilImport", () => {
  it("creates new pupils and updates changed ones, a field the file lacks keeping its value, audited per pupil", async () => {
    const s = await newSchool();
    const [amira, ben, chloe] = [
      pupil({ sen: "K", pp: true }),
      pupil({ forename: "Ben", sex: "M", year: 8, reg: "8CD" }),
      pupil({ preferred: "Clo" }),
    ];
    const first = await previewAndCommit(s, simsCsv([amira, ben, chloe]));
    expect(first.result).toMatchObject({ ok: true, message: "Imported: 3 new, 0 updated, 0 marked as left." });
    const rows = await students(s.schoolId);
    expect(rows).toHaveLength(3);
    const stored = rows.find((r) => r.upn === amira.upn)!;
    expect(stored).toMatchObject({
      legalFirstName: "Amira",
      preferredName: null,
      senStatus: "SUPPORT",
      hasSend: true,
      isPupilPremium: true,
      isFsm: false,
      dateOfBirth: toDbDate("2012-09-14"),
      sex: "F",
      tutorGroup: "9AB",
      status: "ON_ROLL",
    });
    expect(stored.importedAt).not.toBeNull();
    expect(rows.find((r) => r.upn === chloe.upn)!.preferredName).toBe("Clo");
    expect(await db.importDraft.count({ where: { schoolId: s.schoolId } })).toBe(0);

    // A school email set by hand; the next file has no email column at all, Ben moves tutor group, and Dan is new.
    await db.student.updateMany({ where: { schoolId: s.schoolId, upn: ben.upn }, data: { schoolEmail: "ben@school.example" } });
    const dan = pupil({ forename: "Dan", sex: "M" });
    const text = simsCsv([amira, { ...ben, reg: "8EF", sen: "E" }, chloe, dan])
      .split("\r\n")
      .map((line) =>
        line
          .split(",")
          .filter((_c, i) => i !== 12)
          .join(","),
      )
      .join("\r\n");
    const second = await previewAndCommit(s, text);
    expect(second.preview.preview!.changed).toEqual([
      { line: 3, name: expect.stringContaining("Ben"), fields: ["Tutor group", "SEN status"] },
    ]);
    expect(second.result).toMatchObject({ ok: true, message: "Imported: 1 new, 1 updated, 0 marked as left." });
    const benNow = (await students(s.schoolId)).find((r) => r.upn === ben.upn)!;
    expect(benNow).toMatchObject({
      tutorGroup: "8EF",
      senStatus: "EHCP",
      hasSend: true,
      schoolEmail: "ben@school.example",
      legalFirstName: "Ben",
    });

    const audit = await db.auditLog.findMany({ where: { schoolId: s.schoolId, action: { startsWith: "pupil" } }, orderBy: { at: "asc" } });
    expect(audit.filter((a) => a.action === "pupil.imported")).toHaveLength(4);
    const update = audit.find((a) => a.action === "pupil.updated_by_import")!;
    // SEN is named, never written out.
    expect(update.changes).toEqual({ tutorGroup: "8EF", senStatus: "[redacted]" });
    const summaries = audit.filter((a) => a.action === "pupil_import.committed");
    expect(summaries).toHaveLength(2);
    expect(summaries[1]!.changes).toMatchObject({
      created: 1,
      updated: 1,
      left: 0,
      fileSha256: createHash("sha256").update(text).digest("hex"),
    });
  });

  it("answers the same file again with 'Nothing to change' and writes no pupil and no audit row", async () => {
    const s = await newSchool();
    const file = simsCsv([pupil(), pupil(), pupil()]);
    expect((await previewAndCommit(s, file)).result.ok).toBe(true);
    const draftId = await upload(s, file);
    const preview = await getPupilImportPreview(s.admin, draftId);
    expect(preview.preview).toMatchObject({ isEmpty: true, counts: { created: 0, changed: 0, unchanged: 3, leaving: 0 } });
    await expectRefusedWithoutWrites(
      commitPupilImport,
      s.admin,
      { draftId, basis: preview.preview!.fingerprint },
      [s.schoolId],
      NOTHING_TO_CHANGE_MESSAGE,
    );
  });

  it("refuses a preview that is out of date", async () => {
    const s = await newSchool();
    const amira = pupil();
    await previewAndCommit(s, simsCsv([amira]));
    const draftId = await upload(s, simsCsv([{ ...amira, reg: "9XY" }, pupil()]));
    const preview = await getPupilImportPreview(s.admin, draftId);
    // Someone else's import moves her first.
    await db.student.updateMany({ where: { schoolId: s.schoolId, upn: amira.upn }, data: { tutorGroup: "9XY" } });
    await expectRefusedWithoutWrites(
      commitPupilImport,
      s.admin,
      { draftId, basis: preview.preview!.fingerprint },
      [s.schoolId],
      STALE_PREVIEW_MESSAGE,
    );
  });

  it("marks pupils missing from a whole-roll file as left only when confirmed: account closed, 1:1 ended", async () => {
    const s = await newSchool();
    const [stays, goes, mentee] = [pupil({ year: 11 }), pupil({ year: 11 }), pupil({ year: 7 })];
    await previewAndCommit(s, simsCsv([stays, goes, mentee]));
    const byUpn = new Map((await students(s.schoolId)).map((r) => [r.upn, r]));
    const leaver = byUpn.get(goes.upn)!;
    const user = await db.user.create({ data: { email: uniqueEmail("leaver"), name: "Leaving Pupil", passwordHash: "x" } });
    await db.student.update({ where: { schoolId_id: { schoolId: s.schoolId, id: leaver.id } }, data: { userId: user.id } });
    const programme = await createProgramme(db, { schoolId: s.schoolId });
    await addMentor(db, { schoolId: s.schoolId, programmeId: programme.id, studentId: leaver.id });
    await addMentee(db, { schoolId: s.schoolId, programmeId: programme.id, studentId: byUpn.get(mentee.upn)!.id });
    const pairing = await createPairingRow(db, {
      schoolId: s.schoolId,
      programmeId: programme.id,
      createdById: s.adminUser.id,
      mentorIds: [leaver.id],
      menteeIds: [byUpn.get(mentee.upn)!.id],
    });
    const claims = await signedInClaims(user.id, 1);
    expect(await loadActor(db, claims)).not.toBeNull();

    const file = simsCsv([stays, mentee]);
    const draftId = await upload(s, file, { isWholeRoll: true });
    const preview = await getPupilImportPreview(s.admin, draftId);
    expect(preview.preview).toMatchObject({
      counts: { leaving: 1, leavingNotInFile: 1 },
      leaving: [{ name: expect.stringContaining(goes.surname) }],
    });
    await expectRefusedWithoutWrites(
      commitPupilImport,
      s.admin,
      { draftId, basis: preview.preview!.fingerprint },
      [s.schoolId],
      "Confirm that 1 pupil will be marked as left. Nothing was imported.",
    );
    const result = await commitPupilImport.run(s.admin, { draftId, basis: preview.preview!.fingerprint, confirmLeavers: "on" });
    expect(result).toMatchObject({ ok: true, message: "Imported: 0 new, 0 updated, 1 marked as left." });
    expect(await db.student.findFirstOrThrow({ where: { id: leaver.id } })).toMatchObject({
      status: "LEFT",
      leftOn: toDbDate(preview.preview!.today),
    });
    expect(await loadActor(db, claims)).toBeNull();
    expect(await db.pairing.findFirstOrThrow({ where: { id: pairing.id } })).toMatchObject({
      status: "ENDED",
      closureReason: "PUPIL_LEFT",
    });
    expect(await db.auditLog.count({ where: { schoolId: s.schoolId, action: "pupil.left_by_import", recordId: leaver.id } })).toBe(1);
  });

  it("lists a UPN and admission number of two different pupils as a row error, and writes nothing", async () => {
    const s = await newSchool();
    const [amira, ben] = [pupil(), pupil()];
    await previewAndCommit(s, simsCsv([amira, ben]));
    const draftId = await upload(s, simsCsv([pupil(), { ...amira, adno: ben.adno }]));
    const preview = await getPupilImportPreview(s.admin, draftId);
    expect(preview.preview!.errors).toEqual([
      {
        line: 3,
        field: "Admission number",
        message: "This UPN and this admission number belong to two different pupils already here. Check both.",
        cell: ben.adno,
      },
    ]);
    await expectRefusedWithoutWrites(
      commitPupilImport,
      s.admin,
      { draftId, basis: preview.preview!.fingerprint },
      [s.schoolId],
      ROW_ERRORS_MESSAGE,
    );
  });

  it("gives a pupil with a temporary UPN their permanent one, matched on the admission number", async () => {
    const s = await newSchool();
    const amira = pupil({ upn: upnFor(++serial, { isTemporary: true }) });
    await previewAndCommit(s, simsCsv([amira]));
    const before = (await students(s.schoolId))[0]!;
    const permanent = upnFor(++serial);
    const { result, preview } = await previewAndCommit(s, simsCsv([{ ...amira, upn: permanent }]));
    expect(preview.preview!.changed).toEqual([{ line: 2, name: expect.any(String), fields: ["UPN"] }]);
    expect(result).toMatchObject({ ok: true, message: "Imported: 0 new, 1 updated, 0 marked as left." });
    const after = await students(s.schoolId);
    expect(after.map((r) => [r.id, r.upn])).toEqual([[before.id, permanent]]);
  });

  it("imports 2,000 pupils in one commit, and changes 150 of them in the next", async () => {
    const s = await newSchool();
    const roll = Array.from({ length: 2000 }, (_x, i) => pupil({ year: 7 + (i % 5), reg: `${7 + (i % 5)}${"ABCDEFGH"[i % 8]}` }));
    const first = await previewAndCommit(s, simsCsv(roll));
    expect(first.result).toMatchObject({ ok: true, message: "Imported: 2000 new, 0 updated, 0 marked as left." });
    expect(await db.student.count({ where: { schoolId: s.schoolId } })).toBe(2000);
    const changed = roll.map((p, i) => (i % 13 === 0 && i < 13 * 150 ? { ...p, reg: `${p.year}Z`, fsm: true } : p));
    const second = await previewAndCommit(s, simsCsv(changed));
    expect(second.result).toMatchObject({ ok: true, message: "Imported: 0 new, 150 updated, 0 marked as left." });
    expect(await db.student.count({ where: { schoolId: s.schoolId, isFsm: true, tutorGroup: { endsWith: "Z" } } })).toBe(150);
  }, 60_000);
});
