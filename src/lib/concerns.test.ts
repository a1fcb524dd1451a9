import { describe, expect, it } from "vitest";
import { dangerInstructionOf, DEFAULT_DANGER_INSTRUCTION, initialsOf, isDueForEscalation, routeFor, waitedFor } from "./concerns";
import { describeEntry } from "./concern-entries";

describe("routeFor", () => {
  const heads = ["head"];
  const chairs = ["chair"];
  it.each([
    [{ aboutStaffId: null, heads, chairs }, "SAFEGUARDING"],
    [{ aboutStaffId: "teacher", heads, chairs }, "HEAD"],
    [{ aboutStaffId: "head", heads, chairs }, "CHAIR"],
    // Nobody to read a route: the next one down, never the person named.
    [{ aboutStaffId: "head", heads, chairs: [] }, "SAFEGUARDING"],
    [{ aboutStaffId: "head", heads: ["head", "co-head"], chairs: [] }, "HEAD"],
    [{ aboutStaffId: "teacher", heads: [], chairs }, "CHAIR"],
    [{ aboutStaffId: "teacher", heads: [], chairs: [] }, "SAFEGUARDING"],
    [{ aboutStaffId: "chair", heads, chairs }, "HEAD"],
  ] as const)("%j goes to %s", (input, route) => {
    expect(routeFor(input)).toBe(route);
  });
});

describe("escalation and waiting", () => {
  const raised = new Date("2026-11-30T09:00:00Z");
  const urgent = { isUrgent: true, firstOpenedAt: null, escalatedAt: null, createdAt: raised, route: "SAFEGUARDING" as const };
  const at = (minutes: number) => new Date(raised.getTime() + minutes * 60_000);
  it("escalates an unopened urgent safeguarding concern once the school's minutes have passed", () => {
    expect(isDueForEscalation(urgent, 30, at(29))).toBe(false);
    expect(isDueForEscalation(urgent, 30, at(30))).toBe(true);
    expect(isDueForEscalation({ ...urgent, firstOpenedAt: at(5) }, 30, at(60))).toBe(false);
    expect(isDueForEscalation({ ...urgent, escalatedAt: at(31) }, 30, at(60))).toBe(false);
    expect(isDueForEscalation({ ...urgent, isUrgent: false }, 30, at(60))).toBe(false);
    expect(isDueForEscalation({ ...urgent, route: "HEAD" }, 30, at(60))).toBe(false);
  });
  it("says how long in words", () => {
    expect(waitedFor(raised, at(0))).toBe("less than a minute");
    expect(waitedFor(raised, at(1))).toBe("1 minute");
    expect(waitedFor(raised, at(59))).toBe("59 minutes");
    expect(waitedFor(raised, at(60 * 5))).toBe("5 hours");
    expect(waitedFor(raised, at(60 * 24 * 3))).toBe("3 days");
  });
  it("uses the school's danger words, or the product's", () => {
    expect(dangerInstructionOf("  ")).toBe(DEFAULT_DANGER_INSTRUCTION);
    expect(dangerInstructionOf(" Go to Reception. ")).toBe("Go to Reception.");
  });
  it("writes initials", () => {
    expect(initialsOf({ first: "maya", last: "Patel" })).toBe("M.P.");
  });
});

describe("describeEntry", () => {
  const names: Record<string, string> = { s1: "Sam Okoro", s2: "Maya Patel" };
  const nameOf = (id: string) => names[id] ?? "a pupil";
  const base = { action: null, happenedOn: null, author: "Helen Okafor" };
  it("reads each kind in plain words", () => {
    expect(
      describeEntry({ ...base, kind: "ACTION", action: "CONTACTED_PARENT", happenedOn: "2026-11-27", details: {} }, nameOf).title,
    ).toBe("Contacted a parent or carer, 27 Nov 2026");
    expect(describeEntry({ ...base, kind: "STATUS", details: { from: "OPEN", to: "CLOSED" } }, nameOf).title).toBe("Status: Open → Closed");
    expect(describeEntry({ ...base, kind: "PUPILS", details: { added: ["s1"], removed: [] } }, nameOf).title).toBe("Linked Sam Okoro");
    expect(describeEntry({ ...base, kind: "KEEP_APART", details: { studentIds: ["s1", "s2"] } }, nameOf).title).toBe(
      "Kept Sam Okoro and Maya Patel apart",
    );
    const report = describeEntry({ ...base, kind: "REPORT", details: { inDanger: true, when: "Tuesday", namedInWords: "a boy" } }, nameOf);
    expect(report.facts).toEqual(["They said someone was in danger right now.", "When: Tuesday", "Who (in their words): a boy"]);
  });
});
