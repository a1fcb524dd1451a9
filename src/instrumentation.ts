// Called once when a Next server starts (never by `next build`): starts the minute's jobs in the
// Node.js server process (ADR 016). The edge runtime has no database, so nothing runs there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./server/scheduled-jobs");
  const { startJobRunner } = await import("./server/jobs");
  startJobRunner();
}
