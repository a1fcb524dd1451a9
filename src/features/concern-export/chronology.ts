import type { ConcernAction, ConcernEntryKind } from "@/generated/prisma/enums";
import { describeEntry } from "@/lib/concern-entries";
import { formatStaffDateTime, fromDbDate } from "@/lib/dates";
import { parseTransferEntry } from "./transfers";

// One chronology entry for the exported file (ADR 023): the words are the concern page's own
// (`describeEntry`, src/lib/concern-entries.ts); this adds the date and time, the references a printed
// page cannot link (a correction's entry, a receipt's transfer) and the entry's text, and puts other
// pupils' names in free text as initials. Pure. No id is ever printed.

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
  /** The concern's entries by id, for "corrects the entry of …" and a receipt's transfer. */
  entriesById: ReadonlyMap<string, { at: Date; authorId: string }>;
};

export type FileEntry = { when: string; title: string; lines: string[] };

export function describeFileEntry(entry: EntryInput, ctx: EntryContext): FileEntry {
  const details =
    entry.details && typeof entry.details === "object" && !Array.isArray(entry.details) ? (entry.details as Record<string, unknown>) : {};
  const nameOf = (id: string) => ctx.names.get(id) ?? "Unknown";
  const { title, facts } = describeEntry(
    {
      kind: entry.kind,
      action: entry.action,
      happenedOn: entry.happenedOn ? fromDbDate(entry.happenedOn) : null,
      details,
      author: nameOf(entry.authorId),
    },
    (studentId) => ctx.names.get(studentId) ?? "a pupil",
  );
  const earlier = (id: string | null | undefined) => {
    const found = id ? ctx.entriesById.get(id) : undefined;
    return found ? `the entry of ${formatStaffDateTime(found.at, ctx.timezone)} by ${nameOf(found.authorId)}` : null;
  };
  const lines: string[] = [];
  if (entry.kind === "CORRECTION" && earlier(entry.correctsId)) lines.push(`Corrects ${earlier(entry.correctsId)}`);
  const transfer = entry.kind === "TRANSFER" ? parseTransferEntry(details) : null;
  if (transfer?.kind === "receipt" && earlier(transfer.details.transferEntryId))
    lines.push(`For the transfer recorded in ${earlier(transfer.details.transferEntryId)}`);
  // Facts carry free text (where, when, who in the reporter's words, how a file was sent).
  lines.push(...facts.map(ctx.redact));
  for (const paragraph of ctx.redact(entry.text).split(/\n+/)) if (paragraph.trim()) lines.push(paragraph.trim());
  return { when: formatStaffDateTime(entry.at, ctx.timezone), title, lines };
}
