// `next build` and `next dev` want their build folder's type paths in the tsconfig's "include", and
// rewrite the file to add them when they are missing. A run with a build folder of its own (npm test,
// the dev-origins test) gives Next a tsconfig of its own too, extending the real one, so tsconfig.json
// is never touched and two runs never race on it (next.config.ts reads NEXT_TSCONFIG).
import fs from "node:fs";
import path from "node:path";
import { root } from "./app-server";

export function ownTsconfig(distDir: string): { env: { NEXT_TSCONFIG: string }; remove: () => void } {
  const base = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.json"), "utf8")) as { include?: string[] };
  const file = `tsconfig.${path.basename(distDir).replace(/^\.+/, "")}.json`;
  const include = [...(base.include ?? []), `${distDir}/types/**/*.ts`, `${distDir}/dev/types/**/*.ts`, `${distDir}/dev/dev/types/**/*.ts`];
  fs.writeFileSync(path.join(root, file), `${JSON.stringify({ extends: "./tsconfig.json", include }, null, 2)}\n`);
  return {
    env: { NEXT_TSCONFIG: file },
    remove: () => {
      fs.rmSync(path.join(root, file), { force: true });
      // next-env.d.ts (git-ignored) is rewritten by every build to name its folder: point it back.
      const nextEnv = path.join(root, "next-env.d.ts");
      if (!fs.existsSync(nextEnv)) return;
      const text = fs.readFileSync(nextEnv, "utf8");
      const restored = text.replaceAll(`./${distDir}/`, "./.next/");
      if (restored !== text) fs.writeFileSync(nextEnv, restored);
    },
  };
}
