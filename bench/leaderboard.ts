// `npm run bench -- leaderboard [--pupils 2000] [--entries 200000] [--years 3] [--seed 8] [--runs 15]`
// (issue 10): a programme's board for this half-term as a mentee reads it, through the code path the
// page uses (getBoard with the real actor), against a floor that fetches each participant's figures in
// one hand-written SQL statement and ranks them with the same pure rule. Both must give the same rows.
import "../scripts/lib/server-only";
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { Client } from "pg";
import { freePort, startEmbeddedDb, tempDataDir } from "../scripts/lib/embedded-db";
import { migrateDeploy } from "../scripts/lib/prisma-cli";
import { boardRowsFromFacts, loadBoardByRawSql } from "./lib/leaderboard-floor";
import { DEFAULT_BENCH_SCHOOL, seedBenchSchool } from "./lib/seed-school";

const WARM_UPS = 3;
const ENTRIES = 200_000;

export async function main(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      pupils: { type: "string" },
      entries: { type: "string" },
      years: { type: "string" },
      seed: { type: "string" },
      runs: { type: "string", default: "15" },
    },
  });
  const whole = (name: keyof typeof values, fallback: number) => {
    const value = values[name] === undefined ? fallback : Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0.`);
    return value;
  };
  const sizes = {
    pupils: whole("pupils", DEFAULT_BENCH_SCHOOL.pupils),
    years: whole("years", DEFAULT_BENCH_SCHOOL.years),
    seed: whole("seed", DEFAULT_BENCH_SCHOOL.seed),
    ledgerEntries: whole("entries", ENTRIES),
  };
  const runs = whole("runs", 15);

  const dataDir = tempDataDir("bench-leaderboard");
  const running = await startEmbeddedDb({ dataDir, port: await freePort(), persistent: false, quiet: true });
  try {
    migrateDeploy(running.ownerUrl, { appUrl: running.url });
    // The app's modules read DATABASE_URL when first imported.
    process.env.DATABASE_URL = running.url;
    const { db } = await import("../src/server/db");
    const { actorFor } = await import("../src/test-support/actors");
    const { getBoard } = await import("../src/features/points/board-queries");
    const raw = new Client({ connectionString: running.url });
    await raw.connect();
    try {
      const seedStart = performance.now();
      const school = await seedBenchSchool(db, sizes);
      const owner = new Client({ connectionString: running.ownerUrl });
      await owner.connect();
      await owner.query("ANALYZE"); // Fresh statistics, as a live database would have.
      await owner.end();
      const seedMs = performance.now() - seedStart;
      const ledger = school.ledger!;
      const reader = await actorFor(ledger.readerUserId);
      if (!reader.roles.includes("MENTEE")) throw new Error("bench leaderboard: the reader must be a mentee.");

      // As /student/boards asks for it (boardRequestFrom with no parameters), on the bench's fixed day.
      const request = { programmeId: school.programmeId, scope: "PROGRAMME", period: "HALF_TERM" } as const;
      const app = async () => (await getBoard(reader, request, school.now)).rows;
      const floorSplit = { sql: [] as number[], rules: [] as number[] };
      const floor = async () => {
        const start = performance.now();
        const facts = await loadBoardByRawSql(raw, school.schoolId, school.programmeId, school.now);
        const fetched = performance.now();
        const rows = boardRowsFromFacts(facts);
        floorSplit.sql.push(fetched - start);
        floorSplit.rules.push(performance.now() - fetched);
        return rows;
      };

      const board = await getBoard(reader, request, school.now);
      const floorRows = await floor();
      if (board.audience !== "pupil" || !isDeepStrictEqual(board.rows, floorRows)) {
        const at = board.rows.findIndex((r, i) => !isDeepStrictEqual(r, floorRows[i]));
        console.error("The app and the SQL floor disagree:");
        console.error(
          JSON.stringify(
            {
              audience: board.audience,
              appRows: board.rows.length,
              floorRows: floorRows.length,
              at,
              app: board.rows[at],
              floor: floorRows[at],
            },
            null,
            2,
          ),
        );
        throw new Error("bench leaderboard: the two paths must give the same board rows.");
      }

      for (let n = 0; n < WARM_UPS; n += 1) {
        await app();
        await floor();
      }
      const times = { app: [] as number[], floor: [] as number[] };
      for (let n = 0; n < runs; n += 1) {
        for (const [name, run] of [
          ["app", app],
          ["floor", floor],
        ] as const) {
          const start = performance.now();
          await run();
          times[name].push(performance.now() - start);
        }
      }
      const appMs = round(median(times.app));
      const rawSqlMs = round(median(times.floor));
      const ratio = round(appMs / rawSqlMs);
      const { counts } = school;
      const l = ledger.counts;
      const shown = board.rows.length;
      console.log(
        `school      ${counts.pupils} pupils, ${counts.mentors} mentors and ${counts.mentees} mentees on the programme, seed ${sizes.seed}`,
      );
      console.log(
        `ledger      ${l.entries} entries over ${sizes.years} year${sizes.years === 1 ? "" : "s"} up to ${school.today}: ${l.negatives} "Points lost", ${l.reversals} corrected, ${l.inHalfTerm} this half-term`,
      );
      console.log(
        `profiles    ${l.optedOut} opted out, ${l.hidden} hidden, ${l.nicknames} approved nicknames; ${l.milestones} climbs above zero`,
      );
      console.log(`seeded in   ${round(seedMs / 1000)} s`);
      console.log(
        `board       ${board.window.label} (${board.window.from} to ${board.window.to}), read by a mentee: ${shown} pupils shown, ${board.rows.filter((r) => r.hasRosette).length} with a rosette, ${board.improved.length} most improved`,
      );
      console.log("same        yes (rows identical)");
      console.log("");
      console.log("path                                          median ms");
      console.log(`app (getBoard as the page calls it, Prisma)   ${String(appMs).padStart(9)}`);
      console.log(`floor (one SQL statement + rankForPupils)     ${String(rawSqlMs).padStart(9)}`);
      console.log(`  of which the statement                      ${String(round(median(floorSplit.sql.slice(-runs)))).padStart(9)}`);
      console.log(`  of which rankForPupils                      ${String(round(median(floorSplit.rules.slice(-runs)))).padStart(9)}`);
      console.log(`ratio                                         ${`×${ratio}`.padStart(9)}   (target ≤ ×2)`);
      console.log(`(median of ${runs} after ${WARM_UPS} warm-ups, alternating; embedded PostgreSQL on this machine, app role)`);
      console.log(JSON.stringify({ bench: "leaderboard", pupils: counts.pupils, entries: l.entries, appMs, rawSqlMs, ratio }));
    } finally {
      await raw.end();
      await db.$disconnect();
    }
  } finally {
    await running.stop();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
}

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
