// Import drafts (plan §6): an upload is stored with its columns guessed, the mapping is saved field by
// field, a draft is its uploader's alone (anyone else's, another school's: not found), and expired
// drafts are cleared by the next upload.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { createSchool, createStaffUser } from "@/server/factories";
import { actorFor } from "@/test-support/actors";
import { expectNotFound } from "@/test-support/expectations";
import { expectRefusedWithoutWrites } from "@/test-support/commands";
import { simsCsv, upnFor } from "@/test-support/mis-file";
import { uniqueEmail } from "@/test-support/school";
import { getPupilImportPreview } from "@/features/pupil-import/queries";
import { discardImport, saveImportMapping, uploadImportFile } from "./commands";
import { listImportDrafts } from "./queries";

async function newSchool() {
  const school = await createSchool(db, { withCalendar: false });
  const admin = (label: string) => createStaffUser(db, { schoolId: school.id, roles: ["ADMIN"], email: uniqueEmail(label) }).then(actorFor);
  return { schoolId: school.id, admin: await admin("draft-admin"), otherAdmin: await admin("draft-admin-2") };
}

const FILE = simsCsv([
  { upn: upnFor(101), adno: "000101", surname: "O’Brien", forename: "Zoë", dob: "2012-09-14", sex: "F", year: 9, reg: "9AB" },
  { upn: upnFor(102), adno: "000102", surname: "Smith", forename: "Ben", dob: "2013-01-02", sex: "M", year: 8, reg: "8CD" },
]);
const form = (text = FILE) => ({
  kind: "PUPILS",
  fileName: "roll.csv",
  fileText: text,
  sha256: createHash("sha256").update(text).digest("hex"),
  encoding: "windows-1252",
});

describe("import drafts", () => {
  it("stores an upload with its columns guessed from the header, audited without the file", async () => {
    const s = await newSchool();
    const result = await uploadImportFile.run(s.admin, form());
    expect(result).toMatchObject({ ok: true, message: "Uploaded roll.csv: 2 rows." });
    expect(result.values).toBeUndefined();
    const draft = await db.importDraft.findFirstOrThrow({ where: { schoolId: s.schoolId, id: result.recordId! } });
    expect(draft).toMatchObject({ kind: "PUPILS", fileName: "roll.csv", encoding: "windows-1252", text: FILE, isWholeRoll: false });
    expect(draft.mapping).toMatchObject({
      upn: 0,
      admissionNumber: 1,
      legalLastName: 2,
      legalFirstName: 3,
      dateOfBirth: 5,
      yearGroup: 7,
      tutorGroup: 8,
    });
    expect(draft.expiresAt.getTime() - draft.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);
    const audit = await db.auditLog.findFirstOrThrow({ where: { schoolId: s.schoolId, action: "import_draft.uploaded" } });
    expect(JSON.stringify(audit.changes)).not.toContain("Brien");
    expect((await listImportDrafts(s.admin, "PUPILS")).map((d) => d.id)).toEqual([draft.id]);
    expect(await listImportDrafts(s.otherAdmin, "PUPILS")).toEqual([]);
  });

  it("refuses a file that is not a table, by its line, storing nothing and echoing no file back", async () => {
    const s = await newSchool();
    const result = await expectRefusedWithoutWrites(
      uploadImportFile,
      s.admin,
      form('UPN,Name\nA1,"never closed\n'),
      [s.schoolId],
      /^Line 2: /,
    );
    expect(result.fieldErrors?.file?.[0]).toMatch(/quoted cell/);
    expect(JSON.stringify(result.values)).not.toContain("never closed");
  });

  it("saves the mapping, naming each field's problem, and the whole-roll choice", async () => {
    const s = await newSchool();
    const draftId = (await uploadImportFile.run(s.admin, form())).recordId!;
    const columns = {
      column_upn: "0",
      column_legalFirstName: "3",
      column_legalLastName: "2",
      column_yearGroup: "7",
      column_tutorGroup: "7",
    };
    const refused = await expectRefusedWithoutWrites(
      saveImportMapping,
      s.admin,
      { draftId, ...columns, column_upn: "" },
      [s.schoolId],
      "Check the columns marked below.",
    );
    expect(refused.fieldErrors).toEqual({
      column_upn: ["Choose the column that holds the UPN."],
      column_tutorGroup: ["That column is already chosen for the year group."],
    });
    const saved = await saveImportMapping.run(s.admin, { draftId, ...columns, column_tutorGroup: "8", isWholeRoll: "on" });
    expect(saved).toMatchObject({ ok: true });
    const draft = await db.importDraft.findFirstOrThrow({ where: { id: draftId } });
    expect(draft.isWholeRoll).toBe(true);
    expect(draft.mapping).toMatchObject({ upn: 0, admissionNumber: null, tutorGroup: 8, dateOfBirth: null });
  });

  it("is its uploader's alone: another admin, another school's admin or an expired draft is not found", async () => {
    const s = await newSchool();
    const other = await newSchool();
    const draftId = (await uploadImportFile.run(s.admin, form())).recordId!;
    for (const actor of [s.otherAdmin, other.admin]) {
      await expectNotFound(() => getPupilImportPreview(actor, draftId));
      await expectRefusedWithoutWrites(discardImport, actor, { draftId }, [s.schoolId, other.schoolId], NOT_FOUND_MESSAGE);
      await expectRefusedWithoutWrites(
        saveImportMapping,
        actor,
        { draftId, column_upn: "0" },
        [s.schoolId, other.schoolId],
        NOT_FOUND_MESSAGE,
      );
    }
    expect((await getPupilImportPreview(s.admin, draftId)).draft.id).toBe(draftId);
    await db.importDraft.updateMany({ where: { id: draftId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectNotFound(() => getPupilImportPreview(s.admin, draftId));
  });

  it("clears the school's expired drafts on the next upload, and discards one on request", async () => {
    const s = await newSchool();
    const old = (await uploadImportFile.run(s.otherAdmin, form())).recordId!;
    await db.importDraft.updateMany({ where: { id: old }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const fresh = (await uploadImportFile.run(s.admin, form())).recordId!;
    expect((await db.importDraft.findMany({ where: { schoolId: s.schoolId } })).map((d) => d.id)).toEqual([fresh]);
    expect(await discardImport.run(s.admin, { draftId: fresh })).toMatchObject({
      ok: true,
      message: "Discarded the file. Nothing was imported.",
    });
    expect(await db.importDraft.count({ where: { schoolId: s.schoolId } })).toBe(0);
  });
});
