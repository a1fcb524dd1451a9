import fs from "node:fs";
import path from "node:path";

/**
 * Features whose actions and queries are proved by their own access matrix,
 * src/features/<feature>/access-matrix.test.ts, because their readers are roles the school-wide
 * matrices have no column for (the head, the chair of governors, the reporter, another school's
 * safeguarding lead). The school-wide matrices skip them; every feature here must have that file.
 */
export const OWN_MATRIX_FEATURES: readonly string[] = ["concerns", "concern-export"];

/** Every `export const xAction` in the feature's *actions.ts files, by name. */
export function actionsIn(featuresDir: string, feature: string): string[] {
  return exportsIn(featuresDir, feature, /actions\.ts$/, /export\s+const\s+(\w+Action)\b/g);
}

/** Every exported function or const of the feature's *queries.ts files, by name. */
export function queriesIn(featuresDir: string, feature: string): string[] {
  return exportsIn(featuresDir, feature, /queries\.ts$/, /export\s+(?:async\s+)?function\s+(\w+)|export\s+const\s+(\w+)\s*=/g);
}

function exportsIn(featuresDir: string, feature: string, file: RegExp, exported: RegExp): string[] {
  const dir = path.join(featuresDir, feature);
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => file.test(f))) {
    for (const match of fs.readFileSync(path.join(dir, name), "utf8").matchAll(exported)) found.push((match[1] ?? match[2])!);
  }
  return found.sort();
}
