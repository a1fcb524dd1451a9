// `npm run bench -- NAME`: runs bench/NAME.ts. Each bench prints a readable table and, as its last
// line, one JSON object of its figures (ratios against a baseline measured in the same run).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

async function main() {
  const name = process.argv[2];
  const available = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".ts") && f !== "run.ts")
    .map((f) => f.replace(/\.ts$/, ""));
  if (!name || !available.includes(name)) {
    console.error(`Usage: npm run bench -- NAME, where NAME is one of: ${available.join(", ") || "(none yet)"}`);
    process.exit(2);
  }
  const bench = (await import(pathToFileURL(path.join(__dirname, `${name}.ts`)).href)) as { main?: (args: string[]) => Promise<void> };
  if (typeof bench.main !== "function") throw new Error(`bench/${name}.ts must export async function main(args)`);
  await bench.main(process.argv.slice(3));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
