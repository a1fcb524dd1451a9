import "server-only";

// Jobs that run every minute in the app's server process (ADR 016), started by src/instrumentation.ts
// when Next starts (`npm start`, `npm run dev` and the browser tests' server alike). Every app process
// runs them, so each job must be safe to run twice at once: email delivery claims rows with SKIP
// LOCKED, and producers write notifications through their dedupe keys.

export type Job = { name: string; run: () => Promise<unknown> };

type Runner = { jobs: Job[]; timer: ReturnType<typeof setInterval> | null; running: Promise<void> | null };
// On globalThis: Next may load this module more than once in one process.
const holder = globalThis as unknown as { peerpathJobs?: Runner };
const runner = (holder.peerpathJobs ??= { jobs: [], timer: null, running: null });

export const JOB_INTERVAL_MS = 60_000;

/**
 * Adds a job to the minute's list, in order (a name already listed is replaced in its place).
 * Returns a function that takes it off again.
 */
export function registerJob(name: string, run: () => Promise<unknown>): () => void {
  const job = { name, run };
  const index = runner.jobs.findIndex((j) => j.name === name);
  if (index >= 0) runner.jobs[index] = job;
  else runner.jobs.push(job);
  return () => {
    runner.jobs = runner.jobs.filter((j) => j !== job);
  };
}

export function registeredJobs(): readonly string[] {
  return runner.jobs.map((job) => job.name);
}

/**
 * Runs every registered job once, one after another. A job that throws is logged and the next one
 * still runs. A call while a run is going joins that run instead of starting a second.
 */
export function runJobsOnce(): Promise<void> {
  runner.running ??= (async () => {
    for (const job of [...runner.jobs]) {
      try {
        await job.run();
      } catch (error) {
        console.error(`[jobs] ${job.name} failed`, error);
      }
    }
  })().finally(() => {
    runner.running = null;
  });
  return runner.running;
}

/**
 * Runs the jobs now and then every minute, once per process however often it is called. The timer
 * does not keep the process alive: the server does. A run that lasts past a minute is not overlapped.
 */
export function startJobRunner(intervalMs = JOB_INTERVAL_MS): void {
  if (runner.timer) return;
  runner.timer = setInterval(() => void runJobsOnce(), intervalMs);
  runner.timer.unref();
  void runJobsOnce();
}

export function stopJobRunner(): void {
  if (runner.timer) clearInterval(runner.timer);
  runner.timer = null;
}
