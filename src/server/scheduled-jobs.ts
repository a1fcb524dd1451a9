import "server-only";
import { db } from "./db";
import { registerJob } from "./jobs";
import { wipeExpiredCodes } from "./setup-codes";
import { deliverPendingEmails } from "./notification-email";
import { produceSessionToLog, produceTodoNotifications } from "@/features/notifications/producers";
import { escalateUrgentConcerns } from "@/features/concerns/escalation";

// The minute's jobs, in the order they run (ADR 016). Email delivery is first; producers of
// notifications are registered after it (what they add is emailed at once by their own kick, or by
// the next minute's run).
registerJob("deliver-emails", () => deliverPendingEmails());

// Issue 8's producers, every ten minutes (each notification is made once per cause, so a rerun adds nothing).
const PRODUCER_EVERY_MS = 10 * 60_000;
let producedAt = 0;
registerJob("notify-sessions-and-todo", async () => {
  if (Date.now() - producedAt < PRODUCER_EVERY_MS) return;
  producedAt = Date.now();
  await produceSessionToLog();
  await produceTodoNotifications();
  await deliverPendingEmails();
});

// Issue 9: urgent concerns no safeguarding lead opened in time go to the head, every minute (also
// `npm run concerns:escalate` from cron, for deployments where the app may be asleep).
registerJob("escalate-concerns", async () => {
  const { escalated } = await escalateUrgentConcerns();
  if (escalated > 0) await deliverPendingEmails();
});

// Issue 11: set-up codes out of date lose their sealed value, every hour (redeeming one also wipes it).
const WIPE_CODES_EVERY_MS = 60 * 60_000;
let wipedAt = 0;
registerJob("wipe-expired-set-up-codes", async () => {
  if (Date.now() - wipedAt < WIPE_CODES_EVERY_MS) return;
  wipedAt = Date.now();
  await wipeExpiredCodes(db);
});
