import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// Commands that never connect (generate, which npm ci runs as postinstall; validate; format) still
// need some DATABASE_URL, or the CLI tries to download a native engine, which fails offline.
const urlGiven = Boolean(process.env.DATABASE_URL);
process.env.DATABASE_URL ||= "postgresql://unset@localhost:5432/unset";

// Prisma 6.19's CLI runs on its wasm schema engine through the pg driver adapter, so no native
// engine is ever downloaded (ADR 001). Discrete connection fields, not a connection string, so a
// shadow database (migrate dev) really connects to itself (TOOLCHAIN: P3006).
function poolConfig() {
  const raw = process.env.DATABASE_URL;
  if (!raw || !urlGiven) throw new Error("DATABASE_URL is not set. Run the CLI through `npm run dev` or set it.");
  const url = new URL(raw);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    idleTimeoutMillis: 100,
  };
}

/**
 * prisma/orm#27403: the schema engine cannot read PostgreSQL's `name` (OID 19) and `"char"` (OID
 * 18) columns from the catalogue through this adapter. Report them as text (OID 25), which is what
 * their values are; the app's own client never sees these types.
 */
function reportNameTypesAsText<T extends object>(adapter: T): T {
  let proto: { performIO?: (...args: unknown[]) => Promise<{ fields?: { dataTypeID: number }[] }>; __textNames?: boolean } | null =
    Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto?.performIO || proto.__textNames) return adapter;
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, ...args: unknown[]) {
    const result = await performIO.apply(this, args);
    for (const field of result.fields ?? []) if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    return result;
  };
  proto.__textNames = true;
  return adapter;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  async adapter() {
    const factory = new PrismaPg(poolConfig());
    for (const method of ["connect", "connectToShadowDb"] as const) {
      const original = factory[method].bind(factory);
      factory[method] = async () => reportNameTypesAsText(await original());
    }
    return factory;
  },
});
