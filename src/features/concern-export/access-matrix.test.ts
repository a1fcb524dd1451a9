// Who may export a pupil's safeguarding file and record its transfer, written out by hand (issue 9,
// ADR 023): this feature's readers include roles the school-wide matrices have no column for (the
// head, the chair of governors, another school's safeguarding lead), so it keeps its own matrix
// (src/test-support/own-matrices.ts). Every action and every query of the feature must have a row.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/actor";
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "@/server/command";
import { db } from "@/server/db";
import { createConcernRow, createStaffUser } from "@/server/factories";
import { addDaysIso } from "@/lib/dates";
import { actorFor } from "@/test-support/actors";
import { runCommand, type RunnableCommand } from "@/test-support/commands";
import { expectNotFound, SIGNED_OUT_MESSAGE } from "@/test-support/expectations";
import { actionsIn, queriesIn } from "@/test-support/own-matrices";
import { readPdf } from "@/test-support/pdf-text";
import { buildWorld, uniqueEmail } from "@/test-support/school";
import { confirmTransferReceipt, recordTransfer } from "./commands";
import { concernFileDownload } from "./download";
import { getPupilConcernFile, getPupilFileOverview } from "./queries";

const FEATURES_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const COLUMNS = [
  "signedOut",
  "ADMIN",
  "COORDINATOR",
  "TEACHER",
  "DSL",
  "HEAD",
  "CHAIR_OF_GOVERNORS",
  "MENTOR",
  "MENTEE",
  "otherSchoolDsl",
] as const;
type Column = (typeof COLUMNS)[number];
type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
const Y = true;
const N = false;

type World = Awaited<ReturnType<typeof buildWorld>>;
type Setup = { w: World; transferId: string };

// prettier-ignore
//                                                 out ADMIN COORD TEACH DSL HEAD CHAIR MENTOR MENTEE otherDsl
const ACTIONS: Record<string, { command: RunnableCommand; row: Row; input: (s: Setup) => Record<string, string> }> = {
  recordTransferAction: { command: recordTransfer, row: [N, N,    N,    N,    Y,  N,   N,    N,     N,     N],
    input: ({ w }) => ({ studentId: w.a.pupils.mentee.id, toSchool: "Riverside Academy", toPerson: "Ms Jones", sentOn: w.a.today, method: "Secure portal", receiptConfirmedOn: "" }) },
  confirmTransferReceiptAction: { command: confirmTransferReceipt, row: [N, N, N, N, Y,  N,   N,    N,     N,     N],
    input: ({ w, transferId }) => ({ studentId: w.a.pupils.mentee.id, transferId, receiptConfirmedOn: w.a.today }) },
};

// Reads take a signed-in actor: their signed-out cell is the download's (the route's own answer).
// prettier-ignore
//                                                 out ADMIN COORD TEACH DSL HEAD CHAIR MENTOR MENTEE otherDsl
const READS: Record<string, { row: Row; read: (actor: Actor, s: Setup) => Promise<unknown>; check: (result: unknown) => void }> = {
  getPupilConcernFile: { row:                       [N, N,    N,    N,    Y,  N,   N,    N,     N,     N],
    read: (a, { w }) => getPupilConcernFile(a, w.a.pupils.mentee.id),
    check: (r) => expect((r as Awaited<ReturnType<typeof getPupilConcernFile>>).concerns.map((c) => c.entries[0]!.lines.at(-1))).toEqual(["MATRIX-CONCERN"]) },
  getPupilFileOverview: { row:                      [N, N,    N,    N,    Y,  N,   N,    N,     N,     N],
    read: (a, { w }) => getPupilFileOverview(a, w.a.pupils.mentee.id),
    check: (r) => expect((r as Awaited<ReturnType<typeof getPupilFileOverview>>).concerns).toHaveLength(1) },
};

// prettier-ignore
//                                                 out ADMIN COORD TEACH DSL HEAD CHAIR MENTOR MENTEE otherDsl
const DOWNLOAD: Row =                               [N, N,    N,    N,    Y,  N,   N,    N,     N,     N];

const count = (schoolIds: string[]) => db.concernEntry.count({ where: { schoolId: { in: schoolIds } } });

describe("concern-export access matrix: the tables match the feature", () => {
  it("has a row for every action and query, and no row for one that is gone", () => {
    expect(actionsIn(FEATURES_DIR, "concern-export")).toEqual(Object.keys(ACTIONS).sort());
    expect(queriesIn(FEATURES_DIR, "concern-export")).toEqual(Object.keys(READS).sort());
  });
});

describe("concern-export access matrix: each action, read and download as each actor", () => {
  let setup: Setup;
  let actors: Record<Column, Actor | null>;
  beforeAll(async () => {
    const w = await buildWorld();
    const staff = (roles: ("HEAD" | "CHAIR_OF_GOVERNORS")[]) =>
      createStaffUser(db, { schoolId: w.a.school.id, roles, email: uniqueEmail(roles[0]!.toLowerCase()), name: `${roles[0]} Person` });
    const [head, chair] = await Promise.all([staff(["HEAD"]), staff(["CHAIR_OF_GOVERNORS"])]);
    const concern = await createConcernRow(db, {
      schoolId: w.a.school.id,
      reporterId: w.a.staff.teacher.id,
      pupilIds: [w.a.pupils.mentee.id],
      createdAt: new Date(Date.now() - 3 * 24 * 60 * 60 * 1000),
      what: "MATRIX-CONCERN",
      // Escalated to the head, who reads it as a concern but never reads the pupil's file.
      isUrgent: true,
    });
    await db.concern.update({
      where: { schoolId_id: { schoolId: w.a.school.id, id: concern.id } },
      data: { escalatedAt: new Date() },
    });
    const transferId = "matrix-transfer-0001";
    await db.concernEntry.create({
      data: {
        schoolId: w.a.school.id,
        concernId: concern.id,
        kind: "TRANSFER",
        authorId: w.a.staff.dsl.id,
        details: {
          transferId,
          to: "Mr Khan, Hillside School",
          on: addDaysIso(w.a.today, -1),
          how: "By hand",
          receiptConfirmedOn: null,
        },
      },
    });
    setup = { w, transferId };
    actors = {
      signedOut: null,
      ADMIN: w.actors.ADMIN,
      COORDINATOR: w.actors.COORDINATOR,
      TEACHER: w.actors.TEACHER,
      DSL: w.actors.DSL,
      HEAD: await actorFor(head),
      CHAIR_OF_GOVERNORS: await actorFor(chair),
      MENTOR: w.actors.MENTOR,
      MENTEE: w.actors.MENTEE,
      otherSchoolDsl: await actorFor(w.b.staff.dsl),
    };
  });

  for (const [key, { command, row, input }] of Object.entries(ACTIONS)) {
    describe(key, () => {
      it.each(COLUMNS.map((column, i) => [column, row[i]!] as const))("%s → allowed: %s", async (column, allowed) => {
        const schools = [setup.w.a.school.id, setup.w.b.school.id];
        const entriesBefore = await count(schools);
        const { result, before, after } = await runCommand(command, actors[column], input(setup), schools);
        if (allowed) {
          expect(result.ok, `${key} as ${column}: ${result.message}`).toBe(true);
          expect(await count(schools)).toBeGreaterThan(entriesBefore);
        } else {
          expect(result.ok).toBe(false);
          const answers = column === "signedOut" ? [SIGNED_OUT_MESSAGE] : [FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE];
          expect(answers, `${key} as ${column}: ${result.message}`).toContain(result.message);
          expect(after).toEqual(before);
          expect(await count(schools)).toBe(entriesBefore);
        }
      });
    });
  }

  for (const [key, { row, read, check }] of Object.entries(READS)) {
    describe(key, () => {
      it.each(COLUMNS.slice(1).map((column) => [column, row[COLUMNS.indexOf(column)]!] as const))(
        "%s → allowed: %s",
        async (column, allowed) => {
          const actor = actors[column]!;
          const audited = () => db.auditLog.count({ where: { actorUserId: actor.userId, action: { startsWith: "concern." } } });
          const auditsBefore = await audited();
          if (allowed) {
            check(await read(actor, setup));
            expect(await audited()).toBe(auditsBefore + 1);
          } else {
            await expectNotFound(() => read(actor, setup));
            expect(await audited()).toBe(auditsBefore);
          }
        },
      );
    });
  }

  describe("the download (GET /safeguarding/pupils/[studentId]/export)", () => {
    it.each(COLUMNS.map((column, i) => [column, DOWNLOAD[i]!] as const))("%s → allowed: %s", async (column, allowed) => {
      const studentId = setup.w.a.pupils.mentee.id;
      if (!allowed) {
        await expectNotFound(() => concernFileDownload(actors[column], studentId));
        return;
      }
      const response = await concernFileDownload(actors[column], studentId);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="concern-file-MP-${setup.w.a.today}.pdf"`);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const read = await readPdf(new Uint8Array(await response.arrayBuffer()));
      expect(read.text).toContain("MATRIX-CONCERN");
    });

    it("is a 404 for a pupil of another school, even to that school's own safeguarding lead, and for an id that does not exist", async () => {
      await expectNotFound(() => concernFileDownload(actors.DSL, setup.w.b.pupils.mentee.id));
      await expectNotFound(() => concernFileDownload(actors.DSL, "does-not-exist"));
      await expectNotFound(() => concernFileDownload(actors.DSL, "x".repeat(500)));
    });
  });
});
