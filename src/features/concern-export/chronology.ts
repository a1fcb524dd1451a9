import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { ConcernAction, ConcernEntryKind } from "@/generated/prisma/enums";
import { ACTION_LABELS, CATEGORY_LABELS, STATUS_LABELS } from "@/lib/concerns";
import { formatStaffDate, fromDbDate, isIsoDate } from "@/lib/dates";
import { parseTransferEntry } from "./transfers";

// One chronology entry in words for the exported file (ADR 023). Pure: the caller gives the names
// each id stands for (other pupils already as initials) and the function that puts other pupils'
// names in free text as initials. No id is ever printed.

export const ENTRY_KIND_LABELS: Record<ConcernEntryKind, string> = {
  REPORT: "Concern raised",
  ADDITION: "Added to the record",
  ACTION: "Action",
  STATUS: "Status changed",
  CATEGORY: "Category changed",
  PUPILS: "Pupils changed",
  KEEP_APART: "Kept apart",
  PAUSE: "Mentoring paused",
  SHARED_NOTE: "Note shared with coordinators",
  TRANSFER: "File transferred",
  CORRECTION: "Correction",
};

/** "3 Nov 2026, 14:05" in the school's time zone: staff dates always carry the year (ADR 004). */
export function formatStaffDateTime(at: Date, timezone: string): string {
  return format(new TZDate(at, timezone), "d MMM yyyy, HH:mm");
}

export type EntryInput = {
  id: string;
  kind: ConcernEntryKind;
  authorId: string;
  at: Date;
  text: string;
  action: ConcernAction | null;
  happenedOn: Date | null;
  correctsId: string | null;
  details: unknown;
};

export type EntryContext = {
  timezone: string;
  /** What each pupil's or user's id stands for in this file: the subject's name, other pupils' initials, staff names. */
  names: ReadonlyMap<string, string>;
  /** Other pupils' names in free text → initials. */
  redact: (text: string) => string;
  /** The concern's other entries, for a correction's "corrects the entry of …". */
  entriesById: ReadonlyMap<string, { at: Date; authorId: string }>;
};

export type DescribedEntry = { when: string; who: string; what: string; lines: string[] };

const dateWords = (value: string) => (isIsoDate(value) ? formatStaffDate(value) : value);
const humanise = (key: string) => {
  const words = key
    .replace(/Ids?$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const namesIn = (value: unknown, ctx: EntryContext): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string").map((id) => ctx.names.get(id) ?? "a pupil");

const labelled = (labels: Readonly<Record<string, string>>, value: unknown) =>
  typeof value === "string" && Object.hasOwn(labels, value) ? labels[value]! : null;

/** Details no kind below reads, as "Label: value" lines: ids only when they stand for someone, free text through `redact`. */
function otherDetails(details: Record<string, unknown>, used: readonly string[], ctx: EntryContext): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (used.includes(key)) continue;
    const values = (Array.isArray(value) ? value : [value]).flatMap((v): string[] => {
      if (typeof v === "string") {
        const named = ctx.names.get(v);
        if (named) return [named];
        return /Ids?$/.test(key) || v.trim() === "" ? [] : [ctx.redact(dateWords(v))];
      }
      if (typeof v === "number") return [String(v)];
      if (typeof v === "boolean") return [v ? "Yes" : "No"];
      return [];
    });
    if (values.length > 0) lines.push(`${humanise(key)}: ${values.join(", ")}`);
  }
  return lines;
}

export function describeEntry(entry: EntryInput, ctx: EntryContext): DescribedEntry {
  const details =
    entry.details && typeof entry.details === "object" && !Array.isArray(entry.details) ? (entry.details as Record<string, unknown>) : {};
  const who = ctx.names.get(entry.authorId) ?? "Unknown";
  const when = formatStaffDateTime(entry.at, ctx.timezone);
  let what: string = ENTRY_KIND_LABELS[entry.kind];
  const lines: string[] = [];
  let used: string[] = [];
  const say = (line: string | null | undefined) => {
    if (line && line.trim() !== "") lines.push(line);
  };

  switch (entry.kind) {
    case "REPORT":
      used = ["when", "where", "namedInWords"];
      if (typeof details.when === "string" && details.when.trim()) say(`When it happened: ${ctx.redact(details.when)}`);
      if (typeof details.where === "string" && details.where.trim()) say(`Where: ${ctx.redact(details.where)}`);
      if (typeof details.namedInWords === "string" && details.namedInWords.trim())
        say(`Who it is about, in the reporter's words: ${ctx.redact(details.namedInWords)}`);
      break;
    case "ACTION":
      if (entry.action) what = `Action: ${ACTION_LABELS[entry.action]}`;
      break;
    case "STATUS":
    case "CATEGORY": {
      used = ["from", "to"];
      const labels: Readonly<Record<string, string>> = entry.kind === "STATUS" ? STATUS_LABELS : CATEGORY_LABELS;
      const from = labelled(labels, details.from);
      const to = labelled(labels, details.to);
      if (from && to) say(`From “${from}” to “${to}”`);
      else if (to) say(`Now “${to}”`);
      break;
    }
    case "PUPILS":
      used = ["added", "removed"];
      if (details.added !== undefined && namesIn(details.added, ctx).length) say(`Added: ${namesIn(details.added, ctx).join(", ")}`);
      if (details.removed !== undefined && namesIn(details.removed, ctx).length)
        say(`Removed: ${namesIn(details.removed, ctx).join(", ")}`);
      break;
    case "CORRECTION": {
      const corrected = entry.correctsId ? ctx.entriesById.get(entry.correctsId) : undefined;
      if (corrected)
        say(
          `Corrects the entry of ${formatStaffDateTime(corrected.at, ctx.timezone)} by ${ctx.names.get(corrected.authorId) ?? "Unknown"}`,
        );
      break;
    }
    case "TRANSFER": {
      const parsed = parseTransferEntry(details);
      if (parsed.kind === "transfer") {
        used = Object.keys(details);
        const d = parsed.details;
        // Who received it is staff of another school, written as the lead typed it: the record must name them.
        say(`Sent to ${d.to.person}, ${d.to.school}, on ${dateWords(d.on)}`);
        say(`How: ${ctx.redact(d.how)}`);
        say(d.receiptConfirmedOn ? `Receipt confirmed on ${dateWords(d.receiptConfirmedOn)}` : "Receipt not yet confirmed");
      } else if (parsed.kind === "receipt") {
        used = Object.keys(details);
        what = "Transfer receipt confirmed";
        const original = ctx.entriesById.get(parsed.details.transferEntryId);
        say(
          `The receiving school confirmed receipt on ${dateWords(parsed.details.receiptConfirmedOn)}` +
            (original ? ` (the transfer recorded on ${formatStaffDateTime(original.at, ctx.timezone)})` : ""),
        );
      }
      break;
    }
    default:
      break;
  }
  if (entry.happenedOn) say(`Happened on ${formatStaffDate(fromDbDate(entry.happenedOn))}`);
  for (const paragraph of ctx.redact(entry.text).split(/\n+/)) say(paragraph.trim());
  lines.push(...otherDetails(details, used, ctx));
  return { when, who, what, lines };
}
