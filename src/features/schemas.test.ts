// Every input schema, found on disk (every zod schema exported from src/features/*/schemas.ts), is
// walked through its error paths: each field, given each kind of bad value a browser or a hand-made
// request can send, must answer with at most one plain-English message of its own — never two
// sentences, never zod's default wording, never the fallback (ADR 010).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FALLBACK_MESSAGE } from "@/lib/schema-helpers";

const FEATURES_DIR = path.dirname(fileURLToPath(import.meta.url));

/** What zod says on its own (v4's default messages). */
const ZOD_WORDING = [/^Invalid/i, /^Too (big|small)/i, /expected /i, /^Unrecognized/i, /^Required$/, /received/i, /^Input not/i];

/** Bad values: missing, empty, blank, huge, control characters, wrong types, odd numbers and dates, lists. */
const PROBES: unknown[] = [
  undefined,
  "",
  "   ",
  "x".repeat(20_000),
  "a\u0000b",
  "\u0000",
  "abc",
  "-1",
  "0",
  "1e20",
  "1e400",
  "12.5",
  "NaN",
  "2026-02-31",
  "9999-99-99",
  "1900-01-01",
  "<script>",
  ["a", "b"],
  ["", "\u0000"],
  [],
  42,
  true,
  {},
  null,
];

type Found = { name: string; schema: z.ZodType };

async function discoverSchemas(): Promise<Found[]> {
  const found: Found[] = [];
  for (const feature of fs.readdirSync(FEATURES_DIR).sort()) {
    const file = path.join(FEATURES_DIR, feature, "schemas.ts");
    if (!fs.existsSync(file)) continue;
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (value instanceof z.ZodType) found.push({ name: `${feature}/${name}`, schema: value });
  }
  return found;
}

/** The object inside a schema (through preprocess, pipes, refinements and transforms), to learn its fields. */
function fieldsOf(schema: z.ZodType): string[] {
  let current: unknown = schema;
  for (let depth = 0; depth < 10 && current; depth += 1) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    const def = (current as { _zod?: { def?: { type?: string; in?: unknown; out?: unknown; innerType?: unknown; schema?: unknown } } })._zod
      ?.def;
    if (!def) break;
    current = def.type === "pipe" ? (def.out instanceof z.ZodObject ? def.out : def.in) : (def.innerType ?? def.schema);
  }
  return [];
}

/** Messages by field, as the form would show them before they are cut to one. */
function messagesByField(schema: z.ZodType, input: unknown): Map<string, Set<string>> {
  const result = schema.safeParse(input);
  const out = new Map<string, Set<string>>();
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "(form)";
    if (!out.has(field)) out.set(field, new Set());
    out.get(field)!.add(issue.message);
  }
  return out;
}

describe("every input schema speaks plain English, one message per field", async () => {
  const schemas = await discoverSchemas();

  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThan(10);
    for (const { name, schema } of schemas) expect(fieldsOf(schema).length, `${name} has fields`).toBeGreaterThan(0);
  });

  for (const { name, schema } of schemas) {
    it(name, () => {
      const fields = fieldsOf(schema);
      const problems: string[] = [];
      // (A request that is not a form at all is refused before any schema: server/command.ts.)
      const inputs: [string, unknown, boolean][] = [["an empty form", {}, true]];
      for (const field of fields) {
        for (const probe of PROBES) {
          inputs.push([
            `${field} = ${JSON.stringify(probe)?.slice(0, 30)}`,
            { [field]: probe },
            probe === undefined || typeof probe === "string",
          ]);
        }
      }
      for (const [label, input, isFromBrowser] of inputs) {
        for (const [field, messages] of messagesByField(schema, input)) {
          // A browser sends strings; a hand-made request may send anything, and then the form shows the
          // first message only (fieldErrorsOf), but it must still be one of ours.
          if (isFromBrowser && messages.size > 1)
            problems.push(`${label}: ${field} says ${messages.size} things: ${[...messages].join(" | ")}`);
          for (const message of messages) {
            if (message === FALLBACK_MESSAGE) problems.push(`${label}: ${field} has no message of its own`);
            if (ZOD_WORDING.some((pattern) => pattern.test(message))) problems.push(`${label}: ${field} shows zod's words: "${message}"`);
          }
        }
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  }
});
