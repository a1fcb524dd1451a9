import "server-only";
import { registerJob } from "./jobs";
import { deliverPendingEmails } from "./notification-email";

// The minute's jobs, in the order they run (ADR 016). Email delivery is first; producers of
// notifications are registered after it (what they add is emailed at once by their own kick, or by
// the next minute's run).
registerJob("deliver-emails", () => deliverPendingEmails());
