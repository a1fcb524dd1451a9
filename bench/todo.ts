// `npm run bench -- todo [--pupils 2000] [--pairings 600] [--years 3] [--seed 8] [--runs 15]` (issue 8):
// the coordinator's to-do and figures through the code path the dashboard uses (getCoordinatorTodo and
// getCoordinatorFigures, side by side as the page runs them) against a floor that fetches the same
// facts in one hand-written SQL round trip and applies the same pure rules. Both must agree.
import "../scripts/lib/server-only";
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { Client } from "pg";
import { freePort, startEmbeddedDb, tempDataDir } from "../scripts/lib/embedded-db";
import { migrateDeploy } from "../scripts/lib/prisma-cli";
import { DEFAULT_BENCH_SCHOOL, seedBenchSchool } from "./lib/seed-school";
import { loadFactsByRawSql, todoFromFacts } from "./lib/todo-floor";

const WARM_UPS = 3;

export async function main(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      pupils: { type: "string" },
      pairings: { type: "string" },
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
    pairings: whole("pairings", DEFAULT_BENCH_SCHOOL.pairings),
    years: whole("years", DEFAULT_BENCH_SCHOOL.years),
    seed: whole("seed", DEFAULT_BENCH_SCHOOL.seed),
  };
  const runs = whole("runs", 15);

  const dataDir = tempDataDir("bench-todo");
  const running = await startEmbeddedDb({ dataDir, port: await freePort(), persistent: false, quiet: true });
  try {
    migrateDeploy(running.ownerUrl, { appUrl: running.url });
    // The app's modules read DATABASE_URL when first imported.
    process.env.DATABASE_URL = running.url;
    const { db } = await import("../src/server/db");
    const { actorFor } = await import("../src/test-support/actors");
    const { getCoordinatorTodo } = await import("../src/features/todo/queries");
    const { getCoordinatorFigures } = await import("../src/features/programmes/queries");
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
      const actor = await actorFor(school.coordinatorUserId);

      const app = async () => {
        const [todo, figures] = await Promise.all([
          getCoordinatorTodo(actor, school.programmeId, school.now),
          getCoordinatorFigures(actor, school.programmeId, school.now),
        ]);
        return { ...todo, figures };
      };
      const floorSplit = { sql: [] as number[], rules: [] as number[] };
      const floor = async () => {
        const start = performance.now();
        const facts = await loadFactsByRawSql(raw, school.schoolId, school.programmeId, school.now);
        const fetched = performance.now();
        const result = todoFromFacts(facts, school.now);
        floorSplit.sql.push(fetched - start);
        floorSplit.rules.push(performance.now() - fetched);
        return result;
      };

      const appResult = await app();
      const floorResult = await floor();
      if (!isDeepStrictEqual(appResult, floorResult)) {
        console.error("The app and the SQL floor disagree:");
        console.error(JSON.stringify({ app: summary(appResult), floor: summary(floorResult) }, null, 2));
        const first = appResult.open.find((r, i) => !isDeepStrictEqual(r, floorResult.open[i]));
        if (first)
          console.error(JSON.stringify({ app: first, floor: floorResult.open.find((r) => r.pairingId === first.pairingId) }, null, 2));
        throw new Error("bench todo: the two paths must give the same to-do rows and figures.");
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
      const f = appResult.figures;
      console.log(
        `school      ${counts.pupils} pupils, ${counts.mentors} mentors and ${counts.mentees} mentees with profiles, seed ${sizes.seed}`,
      );
      console.log(`pairings    ${counts.livePairings} live + ${counts.otherPairings} paused or ended`);
      console.log(
        `sessions    ${counts.sessions} over ${sizes.years} year${sizes.years === 1 ? "" : "s"} (${counts.attendances} attendance rows), up to ${school.today}`,
      );
      console.log(
        `calendar    ${counts.exceptions} moved or cancelled meetings, ${counts.skips} skipped weeks, ${counts.dismissals} set-aside rows, ${counts.checkIns} check-ins, ${counts.points} point entries`,
      );
      console.log(`seeded in   ${round(seedMs / 1000)} s`);
      console.log(
        `to-do       ${appResult.open.length} open, ${appResult.setAside.length} set aside; figures ${f.livePairings} live, ${f.sessionsHeldThisWeek} of ${f.sessionsPlannedThisWeek} held this week, ${f.pairingsQuiet14Days} quiet, ${f.menteesWithoutPairing} mentees waiting, ${f.mentorsWithoutPairing} mentors free`,
      );
      console.log("same        yes (rows and figures identical)");
      console.log("");
      console.log("path                                         median ms");
      console.log(`app (getCoordinatorTodo + Figures, Prisma)   ${String(appMs).padStart(9)}`);
      console.log(`floor (one SQL round trip + same rules)      ${String(rawSqlMs).padStart(9)}`);
      console.log(`  of which the round trip                    ${String(round(median(floorSplit.sql.slice(-runs)))).padStart(9)}`);
      console.log(`  of which the pure rules                    ${String(round(median(floorSplit.rules.slice(-runs)))).padStart(9)}`);
      console.log(`ratio                                        ${`×${ratio}`.padStart(9)}   (target ≤ ×2)`);
      console.log(`(median of ${runs} after ${WARM_UPS} warm-ups, alternating; embedded PostgreSQL on this machine, app role)`);
      console.log(JSON.stringify({ bench: "todo", pairings: counts.livePairings, sessions: counts.sessions, appMs, rawSqlMs, ratio }));
    } finally {
      await raw.end();
      await db.$disconnect();
    }
  } finally {
    await running.stop();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
}

function summary(result: { open: { pairingId: string }[]; setAside: { pairingId: string }[]; figures: unknown }) {
  return { open: result.open.length, setAside: result.setAside.length, figures: result.figures };
}

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
