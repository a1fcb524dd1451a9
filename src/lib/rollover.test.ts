import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planRollover, type RolloverFacts, type RolloverPairing, type RolloverPupil } from "./rollover";

// The new year starts on 1 September 2027, so the final year is judged on 31 August 2027, still in
// 2026/27: Year 11 is cohort 2022 (2026 − 2022 + 7), Year 10 is 2023, Year 9 is 2024, Year 8 is 2025.
const pupil = (id: string, cohortYear: number, extra: Partial<RolloverPupil> = {}): RolloverPupil => ({
  id,
  cohortYear,
  status: "ON_ROLL",
  hasMentored: false,
  hasAccount: false,
  ...extra,
});
const pairing = (
  id: string,
  programmeId: string,
  mentor: string,
  mentees: (string | [string, string])[],
  extra: Partial<RolloverPairing> = {},
): RolloverPairing => ({
  id,
  status: "ACTIVE",
  programmeId,
  members: [
    { studentId: mentor, role: "MENTOR" },
    ...mentees.map((m) =>
      typeof m === "string" ? { studentId: m, role: "MENTEE" as const } : { studentId: m[0], role: "MENTEE" as const, pausedAt: m[1] },
    ),
  ],
  ...extra,
});

const facts: RolloverFacts = {
  newYearStartsOn: "2027-09-01",
  finalYearGroup: 11,
  pupils: [
    pupil("y11-mentor", 2022, { hasMentored: true, hasAccount: true }),
    pupil("y11-mentee", 2022),
    pupil("y9-leaving", 2024, { leavingOn: "2027-07-16", hasAccount: true }),
    pupil("y9-leaving-later", 2024, { leavingOn: "2027-09-01", hasAccount: true }),
    pupil("y10", 2023, { hasMentored: true, hasAccount: true }),
    pupil("y10b", 2023, { hasMentored: true }),
    pupil("y8a", 2025),
    pupil("y8b", 2025),
    pupil("y12-odd", 2021, { hasMentored: true }),
    pupil("left-already", 2022, { status: "LEFT", hasAccount: true }),
  ],
  programmes: [
    { id: "prog-a", status: "ACTIVE" },
    { id: "prog-b", status: "ACTIVE", endsOn: "2027-07-20" },
    { id: "prog-c", status: "ACTIVE" },
    { id: "prog-d", status: "CLOSED", endsOn: "2026-07-20" },
    { id: "prog-e", status: "DRAFT", endsOn: "2027-07-20" },
  ],
  choices: { "prog-c": "CLOSE", "prog-e": "CARRY" },
  pairings: [
    pairing("p1", "prog-a", "y11-mentor", ["y9-leaving-later"]),
    pairing("p2", "prog-a", "y10", ["y9-leaving"], { status: "TRIAL" }),
    pairing("p3", "prog-a", "y10b", ["y11-mentee", "y8a"]),
    pairing("p4", "prog-a", "y10b", ["y11-mentee", ["y8b", "2027-05-01"]]),
    pairing("p5", "prog-c", "y10", ["y8a"], { status: "PAUSED", pausedByConcern: true }),
    pairing("p6", "prog-b", "y11-mentor", ["y8b"], { status: "ENDED" }),
    pairing("p7", "prog-e", "y10", ["y8a", "y12-odd"]),
    pairing("p8", "prog-c", "y10", ["y11-mentee", "y8b"]),
    pairing("p9", "prog-a", "y10", [["y9-leaving", "2027-06-01"], "y8a"]),
  ],
};

describe("planRollover", () => {
  it("plans a school's new year (hand-checked)", () => {
    const plan = planRollover(facts);
    // Year 11 (and the Year 12 past the final year) leave; so does the Year 9 whose leaving date is
    // before 1 September, not the one leaving on it. Those who mentored become alumni.
    expect(plan.leavers).toEqual([
      { studentId: "y11-mentee", becomes: "LEFT", why: "FINAL_YEAR" },
      { studentId: "y11-mentor", becomes: "ALUMNI", why: "FINAL_YEAR" },
      { studentId: "y12-odd", becomes: "ALUMNI", why: "FINAL_YEAR" },
      { studentId: "y9-leaving", becomes: "LEFT", why: "LEAVING_DATE" },
    ]);
    expect(plan.accountsToDisable).toEqual(["y11-mentor", "y9-leaving"]);
    // prog-b ended before the new year (no choice: closes); prog-c chosen closed; prog-e ended but
    // chosen to carry on; prog-d is closed already.
    expect(plan.programmesToClose).toEqual(["prog-b", "prog-c"]);
    expect(plan.programmesCarried).toEqual(["prog-a", "prog-e"]);
    // p1: its mentor leaves. p2: 1:1, its mentee leaves. p4: the leaver's group has no one else
    // meeting (y8b's place is paused). p5 and p8: their programme closes (p8's leaver with it, no
    // pause). p6 has ended already.
    expect(plan.pairingsToEnd).toEqual([
      { id: "p1", reason: "PUPIL_LEFT" },
      { id: "p2", reason: "PUPIL_LEFT" },
      { id: "p4", reason: "PUPIL_LEFT" },
      { id: "p5", reason: "PROGRAMME_ENDED" },
      { id: "p8", reason: "PROGRAMME_ENDED" },
    ]);
    // p3 and p7: others still meet, so the leaver's place pauses. p9: the leaver's place is paused already.
    expect(plan.placesToPause).toEqual([
      { pairingId: "p3", studentId: "y11-mentee" },
      { pairingId: "p7", studentId: "y12-odd" },
    ]);
    expect(plan.warnings).toEqual([
      {
        message:
          "Tutor groups stay as they are until the next pupil import: 5 pupils moving up a year keep last year's tutor group until then.",
        ids: [],
      },
      { message: "1 pairing paused because of a concern ends. The concern stays open with the safeguarding lead.", ids: ["p5"] },
      { message: "1 pupil on roll is past Year 11 and will leave too. Check the school's final year group.", ids: ["y12-odd"] },
    ]);
    expect(plan.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps Year 11 in a school whose final year is 13, and judges the year on the day before", () => {
    const plan = planRollover({ ...facts, finalYearGroup: 13, pairings: [], programmes: [] });
    // Year 12 (cohort 2021) in 2026/27 stays for Year 13; only the leaving date leaves.
    expect(plan.leavers.map((l) => l.studentId)).toEqual(["y9-leaving"]);
    const thirteen = planRollover({ ...facts, finalYearGroup: 13, pupils: [pupil("y13", 2020)], pairings: [], programmes: [] });
    expect(thirteen.leavers).toEqual([{ studentId: "y13", becomes: "LEFT", why: "FINAL_YEAR" }]);
    // A year entered as starting on 2 September: 1 September is already next year by ADR 004 (the Year 10
    // would be in Year 11 on it), so the year is judged on 31 August: the Year 11 leaves, the Year 10 stays.
    const late = planRollover({
      ...facts,
      newYearStartsOn: "2027-09-02",
      pupils: [pupil("y11", 2022), pupil("y10", 2023)],
      pairings: [],
      programmes: [],
    });
    expect(late.leavers).toEqual([{ studentId: "y11", becomes: "LEFT", why: "FINAL_YEAR" }]);
    // One starting in late August is judged on the day before.
    const early = planRollover({
      ...facts,
      newYearStartsOn: "2027-08-30",
      pupils: [pupil("y11", 2022), pupil("y10", 2023)],
      pairings: [],
      programmes: [],
    });
    expect(early.leavers).toEqual([{ studentId: "y11", becomes: "LEFT", why: "FINAL_YEAR" }]);
  });

  it("gives the same fingerprint whatever the order, and another when a choice changes", () => {
    const plan = planRollover(facts);
    const reversed = planRollover({
      ...facts,
      pupils: [...facts.pupils].reverse(),
      pairings: [...facts.pairings].reverse(),
      programmes: [...facts.programmes].reverse(),
    });
    expect(reversed).toEqual(plan);
    expect(planRollover({ ...facts, choices: { ...facts.choices, "prog-a": "CLOSE" } }).fingerprint).not.toBe(plan.fingerprint);
  });

  const ids = ["a", "b", "c", "d", "e", "f"];
  const pupilArb = fc.record({
    id: fc.constantFrom(...ids),
    cohortYear: fc.integer({ min: 2018, max: 2027 }),
    status: fc.constantFrom("ON_ROLL" as const, "LEFT" as const, "ALUMNI" as const),
    leavingOn: fc.option(fc.constantFrom("2027-07-16", "2027-08-31", "2027-09-01", "2028-01-10"), { nil: null }),
    hasMentored: fc.boolean(),
    hasAccount: fc.boolean(),
  });
  const pairingArb = fc.record({
    id: fc.constantFrom("p1", "p2", "p3", "p4"),
    status: fc.constantFrom("TRIAL" as const, "ACTIVE" as const, "PAUSED" as const, "ENDED" as const),
    programmeId: fc.constantFrom("x", "y"),
    members: fc.array(
      fc.record({
        studentId: fc.constantFrom(...ids),
        role: fc.constantFrom("MENTOR" as const, "MENTEE" as const),
        pausedAt: fc.option(fc.constant("2027-05-01"), { nil: null }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    pausedByConcern: fc.boolean(),
  });
  const factsArb = fc.record({
    newYearStartsOn: fc.constantFrom("2027-09-01", "2027-09-02"),
    finalYearGroup: fc.constantFrom(11 as const, 13 as const),
    pupils: fc.uniqueArray(pupilArb, { selector: (p) => p.id, maxLength: 6 }),
    pairings: fc.uniqueArray(pairingArb, { selector: (p) => p.id, maxLength: 4 }),
    programmes: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom("x", "y"),
        status: fc.constantFrom("DRAFT" as const, "ACTIVE" as const, "CLOSED" as const),
        endsOn: fc.option(fc.constantFrom("2027-07-20", "2028-07-20"), { nil: null }),
      }),
      { selector: (p) => p.id },
    ),
    choices: fc.dictionary(fc.constantFrom("x", "y"), fc.constantFrom("CLOSE" as const, "CARRY" as const)),
  });

  it("is deterministic and never lists a pupil both as a leaver and as staying", () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const plan = planRollover(f);
        expect(planRollover(structuredClone(f))).toEqual(plan);
        expect(planRollover({ ...f, pupils: [...f.pupils].reverse(), pairings: [...f.pairings].reverse() })).toEqual(plan);
        const leaving = new Set(plan.leavers.map((l) => l.studentId));
        expect(leaving.size).toBe(plan.leavers.length);
        for (const p of f.pupils) if (p.status !== "ON_ROLL") expect(leaving.has(p.id)).toBe(false);
        for (const id of plan.accountsToDisable) expect(leaving.has(id)).toBe(true);
        for (const place of plan.placesToPause) expect(leaving.has(place.studentId)).toBe(true);
        const ending = new Set(plan.pairingsToEnd.map((p) => p.id));
        expect(ending.size).toBe(plan.pairingsToEnd.length);
        for (const place of plan.placesToPause) expect(ending.has(place.pairingId)).toBe(false);
        // Every open pairing a leaving mentor is in ends.
        for (const p of f.pairings)
          if (p.status !== "ENDED" && p.members.some((m) => m.role === "MENTOR" && leaving.has(m.studentId)))
            expect(ending.has(p.id)).toBe(true);
        expect(new Set([...plan.programmesToClose, ...plan.programmesCarried]).size).toBe(
          plan.programmesToClose.length + plan.programmesCarried.length,
        );
      }),
    );
  });
});
