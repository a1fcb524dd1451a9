import { formatStaffDate, todayIn } from "@/lib/dates";

/** All a reporter is told about a concern they raised: that it arrived, and that staff will follow it up. */
export const receiptOf = (createdAt: Date, timezone: string) =>
  `Received on ${formatStaffDate(todayIn(timezone, createdAt))} — a member of staff will follow it up.`;
