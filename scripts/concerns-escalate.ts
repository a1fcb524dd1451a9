// npm run concerns:escalate [-- --now 2026-11-30T09:00:00Z]
// Tells the head about urgent concerns no safeguarding lead opened in time, then sends pending email.
// Run it every 5 minutes from cron with the app's environment (README, Deploy); `npm run dev` and
// `npm start` also run it every minute inside the app. --now moves the clock (tests).
import "./lib/server-only";
import { parseArgs } from "node:util";

async function main() {
  const { values } = parseArgs({ options: { now: { type: "string" } } });
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error("--now must be a date and time, like 2026-11-30T09:00:00Z.");
  const { escalateUrgentConcerns } = await import("@/features/concerns/escalation");
  const { deliverPendingEmails } = await import("@/server/notification-email");
  const { db } = await import("@/server/db");
  try {
    const { escalated } = await escalateUrgentConcerns(now);
    const mail = await deliverPendingEmails();
    console.log(
      `Escalated ${escalated} urgent concern${escalated === 1 ? "" : "s"}; emailed ${mail.sent}${mail.failed ? `, ${mail.failed} failed` : ""}.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
