// How a chronology entry reads, defined once for the concern page and its exported file (pure).
import type { ConcernAction, ConcernEntryKind } from "@/generated/prisma/enums";
import { ACTION_LABELS, CATEGORY_LABELS, ROUTE_LABELS, STATUS_LABELS } from "./concerns";
import { formatStaffDate } from "./dates";

export type EntryForReading = {
  kind: ConcernEntryKind;
  action: ConcernAction | null;
  happenedOn: string | null;
  details: Record<string, unknown>;
  author: string;
};

/** The keys of an entry's details that name pupils by id (what describeEntry reads them from). */
const PUPIL_KEYS = ["added", "removed", "studentIds", "pupilIds"] as const;

/** Every pupil id an entry's details name, so a reader can load their names once. */
export function pupilIdsIn(details: unknown): string[] {
  if (!details || typeof details !== "object") return [];
  const d = details as Record<string, unknown>;
  return PUPIL_KEYS.flatMap((key) => list(d[key]));
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const str = (value: unknown): string => (typeof value === "string" ? value : "");
const label = <K extends string>(labels: Record<K, string>, value: unknown) =>
  typeof value === "string" && value in labels ? labels[value as K] : str(value);

/** The entry's one-line heading ("Spoke to the pupil, 3 Dec 2026") and the facts beside its text. */
export function describeEntry(entry: EntryForReading, nameOf: (studentId: string) => string): { title: string; facts: string[] } {
  const d = entry.details;
  const names = (key: string) => list(d[key]).map(nameOf).join(" and ");
  switch (entry.kind) {
    case "REPORT":
      return {
        title: `Raised by ${entry.author}`,
        facts: [
          d.inDanger === true ? "They said someone was in danger right now." : "",
          str(d.when) ? `When: ${str(d.when)}` : "",
          str(d.where) ? `Where: ${str(d.where)}` : "",
          str(d.namedInWords) ? `Who (in their words): ${str(d.namedInWords)}` : "",
          d.aboutAdult === true ? "They said it is about an adult who works at the school." : "",
          list(d.pupilIds).length > 0 ? `Pupils named: ${names("pupilIds")}` : "",
        ].filter(Boolean),
      };
    case "ADDITION":
      return { title: `${entry.author} added more`, facts: [] };
    case "ACTION":
      return {
        title: `${entry.action ? ACTION_LABELS[entry.action] : "Action"}${entry.happenedOn ? `, ${formatStaffDate(entry.happenedOn)}` : ""}`,
        facts: [`By ${entry.author}`],
      };
    case "STATUS":
      return { title: `Status: ${label(STATUS_LABELS, d.from)} → ${label(STATUS_LABELS, d.to)}`, facts: [`By ${entry.author}`] };
    case "CATEGORY":
      return { title: `Category: ${label(CATEGORY_LABELS, d.from)} → ${label(CATEGORY_LABELS, d.to)}`, facts: [`By ${entry.author}`] };
    case "PUPILS":
      return {
        title: list(d.added).length > 0 ? `Linked ${names("added")}` : `Removed ${names("removed")}`,
        facts: [`By ${entry.author}`],
      };
    case "KEEP_APART":
      return { title: `Kept ${names("studentIds")} apart`, facts: [`By ${entry.author}. Other staff see "Set by the safeguarding lead".`] };
    case "PAUSE":
      return {
        title: `${d.resumed === true ? "Resumed" : "Paused"} mentoring${list(d.studentIds).length > 0 ? ` for ${names("studentIds")}` : ""}`,
        facts: [`By ${entry.author}`],
      };
    case "SHARED_NOTE":
      return {
        title: d.shared === true ? "Shared a line with coordinators" : "Stopped sharing with coordinators",
        facts: [`By ${entry.author}`],
      };
    case "TRANSFER":
      return {
        title:
          str(d.receiptConfirmedOn) && !str(d.to)
            ? "Receipt of the transfer confirmed"
            : `File transferred${str(d.to) ? ` to ${str(d.to)}` : ""}`,
        facts: [
          str(d.on) ? `On ${formatStaffDate(str(d.on))}` : "",
          str(d.how) ? `How: ${str(d.how)}` : "",
          str(d.receiptConfirmedOn) ? `Receipt confirmed ${formatStaffDate(str(d.receiptConfirmedOn))}` : "",
          `By ${entry.author}`,
        ].filter(Boolean),
      };
    case "ROUTE":
      return {
        title: `Sent to the ${label(ROUTE_LABELS, d.to).toLowerCase()}`,
        facts: [`By ${entry.author}`],
      };
    case "CORRECTION":
      return { title: `Correction by ${entry.author}`, facts: [] };
  }
}
