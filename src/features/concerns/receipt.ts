import { formatPupilDate, formatStaffDate, todayIn } from "@/lib/dates";

/**
 * All a reporter is told about a concern they raised: that it arrived, and that staff will follow it
 * up. In the date style of their pages (ADR 004): "Sunday 29 November" for a pupil, "29 Nov 2026" for staff.
 */
export function receiptOf(createdAt: Date, reader: { timezone: string; studentId: string | null }, now: Date = new Date()): string {
  const day = todayIn(reader.timezone, createdAt);
  const when = reader.studentId ? formatPupilDate(day, todayIn(reader.timezone, now)) : formatStaffDate(day);
  return `Received on ${when} — a member of staff will follow it up.`;
}
