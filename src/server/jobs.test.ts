// The minute's job runner (ADR 016): jobs run in the order registered, email delivery first, and one
// job's failure never stops the next.
import { beforeAll, describe, expect, it, vi } from "vitest";
import "./scheduled-jobs";
import { registerJob, registeredJobs, runJobsOnce, startJobRunner, stopJobRunner } from "./jobs";

describe("the job runner", () => {
  // The real jobs act on every school in the database, which other test files share while they run
  // (a producer would notify their coordinators): each is replaced in its place by one that does nothing.
  beforeAll(() => {
    for (const name of registeredJobs()) registerJob(name, async () => {});
  });

  it("has email delivery as its first job", () => {
    expect(registeredJobs()[0]).toBe("deliver-emails");
  });

  it("runs every job in order, on past one that fails, and a second call joins the run", async () => {
    const ran: string[] = [];
    const unregister = [
      registerJob("test.first", async () => {
        ran.push("first");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }),
      registerJob("test.failing", async () => {
        ran.push("failing");
        throw new Error("a producer failed");
      }),
      registerJob("test.last", async () => {
        ran.push("last");
      }),
    ];
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await Promise.all([runJobsOnce(), runJobsOnce()]);
      expect(ran).toEqual(["first", "failing", "last"]);
      expect(logged).toHaveBeenCalledWith("[jobs] test.failing failed", expect.any(Error));
    } finally {
      logged.mockRestore();
      for (const remove of unregister) remove();
    }
    expect(registeredJobs().filter((name) => name.startsWith("test."))).toEqual([]);
  });

  it("starts once however often it is started, and runs at once, then on its interval", async () => {
    let runs = 0;
    const remove = registerJob("test.count", async () => {
      runs += 1;
    });
    try {
      startJobRunner(40);
      startJobRunner(40);
      await new Promise((resolve) => setTimeout(resolve, 150));
    } finally {
      stopJobRunner();
      remove();
    }
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(5);
  });
});
