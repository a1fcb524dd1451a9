// `npm run bench -- pupil-import [--pupils 2000] [--seed 8] [--runs 5]` (issue 11): a SIMS-style
// export of the bench school (Windows-1252, dd/mm/yyyy, 20 columns) with 40 joiners, 150 changed
// pupils, 5 temporary UPNs made permanent and 30 leavers (whole roll), through the code paths the
// pages use: decode + parse + plan (pure), getPupilImportPreview, commitPupilImport (the file and its
// reverse alternate, so every run writes), the same file again ("Nothing to change"); against a
// baseline in the same run: one hand-written multi-row INSERT … ON CONFLICT DO UPDATE of the same rows.
import "../scripts/lib/server-only";
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { freePort, startEmbeddedDb, tempDataDir } from "../scripts/lib/embedded-db";
import { migrateDeploy } from "../scripts/lib/prisma-cli";
import { baseRoll, changedRoll, encodeWindows1252, simsCsv } from "./lib/mis-file";
import { seeded } from "./lib/random";
import { DEFAULT_BENCH_SCHOOL, seedBenchSchool } from "./lib/seed-school";
import type { MisPupil } from "@/test-support/mis-file";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;

export async function main(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { pupils: { type: "string" }, seed: { type: "string" }, runs: { type: "string", default: "5" } },
  });
  const whole = (name: keyof typeof values, fallback: number) => {
    const value = values[name] === undefined ? fallback : Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0.`);
    return value;
  };
  const pupils = whole("pupils", DEFAULT_BENCH_SCHOOL.pupils);
  const seed = whole("seed", DEFAULT_BENCH_SCHOOL.seed);
  const runs = whole("runs", 5);

  const dataDir = tempDataDir("bench-pupil-import");
  const running = await startEmbeddedDb({ dataDir, port: await freePort(), persistent: false, quiet: true });
  try {
    migrateDeploy(running.ownerUrl, { appUrl: running.url });
    process.env.DATABASE_URL = running.url;
    const { db } = await import("../src/server/db");
    const { actorFor } = await import("../src/test-support/actors");
    const { createStaffUser } = await import("../src/server/factories");
    const { uploadImportFile } = await import("../src/features/imports/commands");
    const { getPupilImportPreview } = await import("../src/features/pupil-import/queries");
    const { commitPupilImport } = await import("../src/features/pupil-import/commands");
    const { loadExistingPupils } = await import("../src/features/pupil-import/load-plan");
    const { decodeCsvBytes, readCsvTable, readRows, suggestMapping } = await import("../src/lib/csv-import");
    const { importedPupilSchema, PUPIL_FIELDS } = await import("../src/lib/pupil-import/fields");
    const { planPupilImport } = await import("../src/lib/pupil-import/plan");
    const { todayIn } = await import("../src/lib/dates");
    const { upnFor } = await import("../src/test-support/mis-file");
    const { cohortForYearGroup } = await import("../src/lib/year-group");
    const raw = new Client({ connectionString: running.url });
    await raw.connect();
    try {
      const school = await seedBenchSchool(db, { pupils, seed, years: 1, pairings: Math.round(pupils * 0.15) });
      const admin = await actorFor(
        await createStaffUser(db, { schoolId: school.schoolId, roles: ["ADMIN"], email: `bench-admin-${seed}@bench.example` }),
      );
      const today = todayIn(admin.timezone);
      // The bench school's UPNs are not real ones: each pupil gets a valid one, and five a temporary one.
      const onRoll = await db.student.findMany({
        where: { schoolId: school.schoolId, status: "ON_ROLL" },
        orderBy: { id: "asc" },
        select: { id: true, legalFirstName: true, legalLastName: true, preferredName: true, cohortYear: true, tutorGroup: true },
      });
      const temporary = new Set<string>();
      const withUpns = onRoll.map((p, i) => {
        const isTemporary = [1, 2, 4, 5, 6].includes(i);
        const upn = upnFor(10_000 + i, { isTemporary });
        if (isTemporary) temporary.add(upn);
        return { ...p, upn };
      });
      await raw.query(
        `UPDATE "Student" AS s SET "upn" = u.upn FROM unnest($1::text[], $2::text[]) AS u(id, upn) WHERE s."schoolId" = $3 AND s."id" = u.id`,
        [withUpns.map((p) => p.id), withUpns.map((p) => p.upn), school.schoolId],
      );
      const random = seeded(seed);
      const before = baseRoll(withUpns, today, random);
      const after = changedRoll(before, temporary, 50_000);
      const files = {
        after: encodeWindows1252(simsCsv(after)),
        before: encodeWindows1252(simsCsv(before)),
      };

      const upload = async (bytes: Uint8Array, name: string, isWholeRoll: boolean) => {
        const decoded = decodeCsvBytes(bytes);
        const result = await uploadImportFile.run(admin, {
          kind: "PUPILS",
          fileName: name,
          fileText: decoded.text,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          encoding: decoded.encoding,
        });
        if (!result.ok) throw new Error(`upload: ${result.message}`);
        if (isWholeRoll)
          await db.importDraft.update({
            where: { schoolId_id: { schoolId: admin.schoolId, id: result.recordId! } },
            data: { isWholeRoll: true },
          });
        return result.recordId!;
      };
      const importFile = async (bytes: Uint8Array, name: string) => {
        const draftId = await upload(bytes, name, true);
        const preview = await getPupilImportPreview(admin, draftId);
        if (!preview.preview) throw new Error("no preview");
        const start = performance.now();
        const result = await commitPupilImport.run(admin, { draftId, basis: preview.preview.fingerprint, confirmLeavers: "on" });
        return { ms: performance.now() - start, result, preview: preview.preview };
      };

      // The MIS's own fields first (dates of birth, SEN …), so the school matches `before`.
      const synced = await importFile(files.before, "sync.csv");
      if (!synced.result.ok) throw new Error(`sync: ${synced.result.message}`);
      const owner = new Client({ connectionString: running.ownerUrl });
      await owner.connect();
      await owner.query("ANALYZE");
      await owner.end();

      // 1. decode + parse + plan, pure, against the pupils as loaded once.
      const existing = await loadExistingPupils(db, admin.schoolId);
      const pure = () => {
        const decoded = decodeCsvBytes(files.after);
        const table = readCsvTable(decoded.text, { maxRows: 5000 });
        if (!table.ok) throw new Error(table.message);
        const mapping = suggestMapping(table.headers, PUPIL_FIELDS);
        const read = readRows(table, mapping, { fields: PUPIL_FIELDS, schema: importedPupilSchema });
        return planPupilImport(read, existing, { isWholeRoll: true, today, yearGroupsAsOf: today });
      };
      const plan = pure();
      const times = {
        pure: [] as number[],
        preview: [] as number[],
        commit: [] as number[],
        again: [] as number[],
        baseline: [] as number[],
      };
      for (let n = 0; n < runs; n += 1) {
        const start = performance.now();
        pure();
        times.pure.push(performance.now() - start);
      }

      // 2. the preview page's query, on the changed file.
      const previewDraft = await upload(files.after, "after.csv", true);
      for (let n = 0; n < runs; n += 1) {
        const start = performance.now();
        await getPupilImportPreview(admin, previewDraft);
        times.preview.push(performance.now() - start);
      }

      // 3. commits, alternating the changed file and the one before it, so every run writes.
      const messages: string[] = [];
      let last: { bytes: Uint8Array; name: string } = { bytes: files.before, name: "before.csv" };
      for (let n = 0; n < runs; n += 1) {
        last = n % 2 === 0 ? { bytes: files.after, name: "after.csv" } : { bytes: files.before, name: "before.csv" };
        const run = await importFile(last.bytes, last.name);
        if (!run.result.ok) throw new Error(`commit ${n}: ${run.result.message}`);
        messages.push(run.result.message!);
        times.commit.push(run.ms);
      }

      // 4. the same file again: nothing to change.
      for (let n = 0; n < runs; n += 1) {
        const run = await importFile(last.bytes, last.name);
        if (run.result.ok || !/^Nothing to change/.test(run.result.message ?? "")) throw new Error(`again: ${run.result.message}`);
        times.again.push(run.ms);
      }

      // 5. the baseline: the same rows as one multi-row upsert, rolled back (alternating files too).
      const upsert = async (rows: MisPupil[]) => {
        const cols = [
          "upn",
          "admissionNumber",
          "legalFirstName",
          "legalLastName",
          "preferredName",
          "dateOfBirth",
          "sex",
          "cohortYear",
          "tutorGroup",
          "senStatus",
          "hasSend",
          "isPupilPremium",
          "isFsm",
        ];
        const params: unknown[] = [admin.schoolId];
        const tuples = rows.map((p) => {
          const values = [
            p.upn,
            p.adno,
            p.forename,
            p.surname,
            p.preferred && p.preferred !== p.forename ? p.preferred : null,
            p.dob,
            p.sex,
            cohortForYearGroup(p.year, today),
            p.reg,
            { N: "NONE", K: "SUPPORT", E: "EHCP" }[p.sen ?? "N"],
            (p.sen ?? "N") !== "N",
            p.pp ?? false,
            p.fsm ?? false,
          ];
          const start = params.length;
          params.push(...values);
          return `(gen_random_uuid()::text, $1, ${values.map((_v, j) => `$${start + j + 1}${j === 5 ? "::date" : j === 6 ? '::"Sex"' : j === 9 ? '::"SenStatus"' : ""}`).join(", ")}, now())`;
        });
        const sql = `INSERT INTO "Student" ("id", "schoolId", ${cols.map((c) => `"${c}"`).join(", ")}, "importedAt") VALUES ${tuples.join(", ")}
          ON CONFLICT ("schoolId", "admissionNumber") DO UPDATE SET ${cols
            .filter((c) => c !== "admissionNumber")
            .map((c) => `"${c}" = EXCLUDED."${c}"`)
            .join(", ")}, "importedAt" = EXCLUDED."importedAt"`;
        await raw.query("BEGIN");
        const start = performance.now();
        await raw.query(sql, params);
        const ms = performance.now() - start;
        await raw.query("ROLLBACK");
        return ms;
      };
      for (let n = 0; n < runs; n += 1) times.baseline.push(await upsert(n % 2 === 0 ? after : before));

      const previewMs = round(median(times.preview));
      const commitMs = round(median(times.commit));
      const againMs = round(median(times.again));
      const baselineMs = round(median(times.baseline));
      const parseMs = round(median(times.pure));
      console.log(`school      ${pupils} pupils (${onRoll.length} on roll), seed ${seed}`);
      console.log(`file        ${after.length} rows, ${files.after.length.toLocaleString("en-GB")} bytes, Windows-1252, 20 columns`);
      console.log(
        `plan        ${plan.create.length} new, ${plan.update.length} changed, ${plan.leave.length} leaving, ${plan.rejoin.length} back, ${plan.errors.length} errors, ${plan.warnings.length} warnings`,
      );
      console.log(`commits     ${[...new Set(messages)].join(" / ")}`);
      console.log("");
      console.log("step                                            median ms");
      console.log(`decode + parse + plan (pure)                    ${String(parseMs).padStart(9)}`);
      console.log(`preview (getPupilImportPreview)                 ${String(previewMs).padStart(9)}   (target ≤ 1000)`);
      console.log(`commit (commitPupilImport, alternating files)   ${String(commitMs).padStart(9)}   (target ≤ 3000)`);
      console.log(`same file again ("Nothing to change")           ${String(againMs).padStart(9)}`);
      console.log(`baseline: one multi-row SQL upsert, same rows   ${String(baselineMs).padStart(9)}`);
      console.log(`(median of ${runs}; embedded PostgreSQL on this machine, app role)`);
      console.log(
        JSON.stringify({
          bench: "pupil-import",
          rows: after.length,
          bytes: files.after.length,
          parseMs,
          previewMs,
          commitMs,
          againMs,
          baselineMs,
        }),
      );
    } finally {
      await raw.end();
      await db.$disconnect();
    }
  } finally {
    await running.stop();
  }
}
