// Properties of every board over random ledgers (issue 10's proof, ADR 006): ranks are a pure
// function of the figures, ties share a rank, and nothing about an opted-out or hidden pupil reaches
// a pupil board. Plus: automatic points, applied and worked out again, add nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mostImproved, rankGroups, type ImprovedInput } from "./boards";
import { automaticPointChanges, type AutoFacts, type AutoRule } from "./point-rules";
import { pupilFigure, rankForPupils, rankForStaff, type BoardRules, type LeaderboardRow, type PupilBoardInput } from "./ranking";

// A pupil's ledger: awards and losses, some positive awards corrected (a reversing entry cancels them).
const ledgerArb = fc.array(fc.record({ amount: fc.integer({ min: -4, max: 5 }).filter((n) => n !== 0), isCorrected: fc.boolean() }), {
  maxLength: 8,
});
const figuresOf = (ledger: { amount: number; isCorrected: boolean }[]) => ({
  // A corrected entry and its reversal net to nothing; earned counts positive awards nobody corrected.
  total: ledger.reduce((sum, e) => sum + (e.isCorrected ? 0 : e.amount), 0),
  earned: ledger.reduce((sum, e) => sum + (!e.isCorrected && e.amount > 0 ? e.amount : 0), 0),
});

// Few names and small figures, so ties of points and of names are common.
const namesArb = fc.record({
  preferredName: fc.option(fc.constantFrom("Mo", " ", "Zoë"), { nil: null }),
  legalFirstName: fc.constantFrom("Amy", "amy", "Ben", "Ömer", "Zoë"),
  legalLastName: fc.constantFrom("Patel", "patel", "Ng", " "),
  approvedNickname: fc.option(fc.constantFrom("Ace", "Rocket", "  "), { nil: null }),
});
const pupilArb = (id: string) =>
  fc.record({
    studentId: fc.constant(id),
    names: namesArb,
    ledger: ledgerArb,
    isOptedOut: fc.boolean(),
    isHidden: fc.boolean(),
  });
const toInput = (
  p: { studentId: string; names: PupilBoardInput["names"]; ledger: { amount: number; isCorrected: boolean }[] } & Flags,
) => ({
  studentId: p.studentId,
  names: p.names,
  isOptedOut: p.isOptedOut,
  isHidden: p.isHidden,
  ...figuresOf(p.ledger),
});
type Flags = { isOptedOut: boolean; isHidden: boolean };
const pupilsArb = (max = 12): fc.Arbitrary<PupilBoardInput[]> =>
  fc
    .integer({ min: 0, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => pupilArb(`s${i}`))))
    .map((ps) => ps.map(toInput));
const rulesArb: fc.Arbitrary<BoardRules> = fc.record({
  measure: fc.constantFrom("EARNED" as const, "NET" as const),
  nameStyle: fc.constantFrom("FIRST_NAME_INITIAL" as const, "NICKNAME" as const, "INITIALS" as const),
});
const withShuffle = <T>(arb: fc.Arbitrary<T[]>) =>
  arb.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length })));
const isShown = (p: Flags) => !p.isOptedOut && !p.isHidden;

function expectFairRanks(rows: { points: number; rank: number; hasRosette: boolean }[]) {
  for (const row of rows) {
    expect(row.rank).toBe(1 + rows.filter((r) => r.points > row.points).length);
    expect(row.hasRosette).toBe(row.rank === 1 && row.points > 0);
  }
  for (const [i, row] of rows.entries()) if (i > 0) expect(rows[i - 1]!.points).toBeGreaterThanOrEqual(row.points);
}

describe("every board ranks fairly and the same whatever order its rows were loaded in", () => {
  it("staff boards", () => {
    fc.assert(
      fc.property(withShuffle(pupilsArb()), ([pupils, shuffled]) => {
        const staff = (ps: PupilBoardInput[]) => rankForStaff(ps.map((p) => ({ ...p, displayName: p.names.legalFirstName })));
        const rows = staff(pupils);
        expect(staff(shuffled)).toEqual(rows);
        expectFairRanks(rows);
        // Ranks are a pure function of the totals: each row shows its pupil's real total.
        for (const row of rows) expect(row.points).toBe(pupils.find((p) => p.studentId === row.studentId)!.total);
      }),
    );
  });

  it("pupil boards", () => {
    fc.assert(
      fc.property(withShuffle(pupilsArb()), rulesArb, ([pupils, shuffled], rules) => {
        const rows = rankForPupils(pupils, rules);
        expect(rankForPupils(shuffled, rules)).toEqual(rows);
        expectFairRanks(rows);
        for (const row of rows)
          expect(row.points).toBe(
            pupilFigure(
              pupils.find((p) => p.studentId === row.studentId)!,
              rules.measure,
            ),
          );
      }),
    );
  });

  it("group boards", () => {
    const groupsArb = fc.uniqueArray(
      fc.record({
        groupId: fc.string({ minLength: 1, maxLength: 3 }),
        label: fc.constantFrom("Oak", "Ash", "oak"),
        members: fc.array(fc.record({ studentId: fc.string(), figure: fc.integer({ min: -3, max: 6 }), isShown: fc.boolean() }), {
          maxLength: 7,
        }),
      }),
      { selector: (g) => g.groupId, maxLength: 8 },
    );
    fc.assert(
      fc.property(withShuffle(groupsArb), fc.constantFrom("staff" as const, "pupil" as const), ([groups, shuffled], audience) => {
        const rows = rankGroups(groups, audience);
        expect(rankGroups(shuffled, audience)).toEqual(rows);
        expectFairRanks(rows.map((r) => ({ ...r, points: r.perPupil })));
        for (const row of rows) expect(Math.round(row.perPupil * 10) / 10).toBe(row.perPupil);
      }),
    );
  });

  it("most improved boards", () => {
    const improvedArb = pupilsArb().chain((ps) =>
      fc.tuple(
        ...ps.map((p) =>
          ledgerArb.map((before): ImprovedInput => ({
            ...p,
            previousTotal: figuresOf(before).total,
            previousEarned: figuresOf(before).earned,
          })),
        ),
      ),
    );
    fc.assert(
      fc.property(withShuffle(improvedArb), rulesArb, fc.integer({ min: 0, max: 12 }), ([entries, shuffled], rules, limit) => {
        for (const audience of [{ kind: "pupil" as const, rules }, { kind: "staff" as const }]) {
          const rows = mostImproved(entries, audience, limit);
          expect(mostImproved(shuffled, audience, limit)).toEqual(rows);
          expectFairRanks(rows);
          expect(rows.every((r) => r.change > 0 && r.points === r.change && r.rank <= limit)).toBe(true);
          // The cut keeps whole ranks: the top of the full list, at least `limit` rows when there are
          // that many, and everyone who rose as much as the last row shown.
          const all = mostImproved(entries, audience, entries.length);
          expect(rows).toEqual(all.slice(0, rows.length));
          expect(rows.length).toBeGreaterThanOrEqual(Math.min(limit, all.length));
          const last = rows.at(-1);
          if (last) expect(rows.length).toBe(all.filter((r) => r.points >= last.points).length);
        }
      }),
    );
  });
});

describe("nothing about an opted-out or hidden pupil reaches a pupil board", () => {
  it("opting out or hiding a pupil never changes anyone else's points", () => {
    fc.assert(
      fc.property(pupilsArb(), rulesArb, fc.nat(), fc.boolean(), (pupils, rules, pick, isOptOut) => {
        fc.pre(pupils.length > 0);
        const target = pupils[pick % pupils.length]!;
        const changed = pupils.map((p) =>
          p === target ? { ...p, [isOptOut ? "isOptedOut" : "isHidden"]: !p[isOptOut ? "isOptedOut" : "isHidden"] } : p,
        );
        const before = new Map(rankForPupils(pupils, rules).map((r) => [r.studentId, r.points]));
        const after = new Map(rankForPupils(changed, rules).map((r) => [r.studentId, r.points]));
        for (const [id, points] of after) if (id !== target.studentId) expect(before.get(id)).toBe(points);
        for (const [id, points] of before) if (id !== target.studentId && after.has(id)) expect(after.get(id)).toBe(points);
      }),
    );
  });

  it("pupil boards are the same for schools that differ only in their opted-out and hidden pupils", () => {
    const schoolsArb = fc.tuple(pupilsArb(), pupilsArb(), pupilsArb()).map(([shown, hiddenA, hiddenB]) => {
      const keep = shown.filter(isShown);
      const away = (ps: PupilBoardInput[], tag: string) =>
        ps.filter((p) => !isShown(p)).map((p) => ({ ...p, studentId: `${tag}${p.studentId}` }));
      return [
        [...keep, ...away(hiddenA, "a")],
        [...away(hiddenB, "b"), ...keep],
      ] as const;
    });
    fc.assert(
      fc.property(schoolsArb, rulesArb, ([a, b], rules) => {
        expect(rankForPupils(a, rules)).toEqual(rankForPupils(b, rules));
        const asImproved = (ps: readonly PupilBoardInput[]) => ps.map((p) => ({ ...p, previousTotal: 1, previousEarned: 1 }));
        expect(mostImproved(asImproved(a), { kind: "pupil", rules })).toEqual(mostImproved(asImproved(b), { kind: "pupil", rules }));
        const group = (ps: readonly PupilBoardInput[]) => [
          {
            groupId: "g",
            label: "Oak",
            members: ps.map((p) => ({ studentId: p.studentId, figure: pupilFigure(p, rules.measure), isShown: isShown(p) })),
          },
        ];
        expect(rankGroups(group(a), "pupil")).toEqual(rankGroups(group(b), "pupil"));
      }),
    );
  });

  it("pupil boards are the same for pupils whose figures look the same, whatever lies beneath", () => {
    // Under NET, -7 and 0 both show as 0; under EARNED, losses never show at all.
    fc.assert(
      fc.property(pupilsArb(), rulesArb, fc.array(fc.integer({ min: -10, max: 10 })), (pupils, rules, noise) => {
        const same = pupils.map((p, i) => {
          const shift = noise[i] ?? 0;
          if (rules.measure === "EARNED") return { ...p, total: p.total + shift };
          return p.total <= 0
            ? { ...p, total: -Math.abs(shift), earned: p.earned + Math.abs(shift) }
            : { ...p, earned: p.earned + Math.abs(shift) };
        });
        expect(rankForPupils(same, rules)).toEqual(rankForPupils(pupils, rules));
      }),
    );
  });

  it("pupil boards never show points below zero", () => {
    fc.assert(
      fc.property(pupilsArb(), rulesArb, (pupils, rules) => {
        const rows: LeaderboardRow[] = [
          ...rankForPupils(pupils, rules),
          ...mostImproved(
            pupils.map((p) => ({ ...p, previousTotal: -p.total, previousEarned: 0 })),
            { kind: "pupil", rules },
          ),
        ];
        expect(rows.every((r) => r.points >= 0)).toBe(true);
        for (const p of pupils) expect(pupilFigure(p, rules.measure)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("automatic points", () => {
  type Entry = { id: string; autoKey: string | null; reversesId: string | null; reversedBy: { autoKey: string | null } | null };
  const keys = [
    { rule: "ATTENDANCE" as AutoRule, studentId: "a" },
    { rule: "ON_TIME" as AutoRule, studentId: "a" },
    { rule: "ATTENDANCE" as AutoRule, studentId: "b" },
  ];
  // Each step: who is eligible now, and whether a person corrects a standing automatic entry first.
  const stepsArb = fc.array(
    fc.record({ eligible: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), correct: fc.option(fc.nat(2)) }),
    {
      minLength: 1,
      maxLength: 12,
    },
  );

  it("applied and worked out again add nothing; one round stands at most, and a person's correction is final", () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const ledger: Entry[] = [];
        let next = 0;
        const facts = (eligible: boolean[]): AutoFacts[] =>
          keys.map((k, i) => ({
            ...k,
            sessionId: "s1",
            isEligible: eligible[i]!,
            entries: ledger.filter((e) => e.autoKey === null || e.autoKey.includes(`:${k.studentId}:`)),
          }));
        const apply = (changes: ReturnType<typeof automaticPointChanges>) => {
          for (const a of changes.awards)
            if (!ledger.some((e) => e.autoKey === a.autoKey))
              ledger.push({ id: `e${next++}`, autoKey: a.autoKey, reversesId: null, reversedBy: null });
          for (const u of changes.undos) {
            if (ledger.some((e) => e.autoKey === u.autoKey || e.reversesId === u.reversesId)) continue;
            ledger.find((e) => e.id === u.reversesId)!.reversedBy = { autoKey: u.autoKey };
            ledger.push({ id: `e${next++}`, autoKey: u.autoKey, reversesId: u.reversesId, reversedBy: null });
          }
        };
        const standing = (k: (typeof keys)[number]) =>
          ledger.filter(
            (e) => e.autoKey?.startsWith(`${k.rule}:s1:${k.studentId}:`) && !e.autoKey.endsWith(":undo") && e.reversedBy === null,
          );
        const finals = new Set<number>();

        for (const step of steps) {
          if (step.correct !== null) {
            const target = standing(keys[step.correct]!)[0];
            if (target) {
              target.reversedBy = { autoKey: null };
              ledger.push({ id: `e${next++}`, autoKey: null, reversesId: target.id, reversedBy: null });
              finals.add(step.correct);
            }
          }
          const changes = automaticPointChanges(facts(step.eligible));
          apply(changes);
          expect(automaticPointChanges(facts(step.eligible))).toEqual({ awards: [], undos: [] });
          // Applying the same result again (a rerun or a race) would insert only keys that already exist.
          for (const a of changes.awards) expect(ledger.filter((e) => e.autoKey === a.autoKey)).toHaveLength(1);
          keys.forEach((k, i) => {
            expect(standing(k).length).toBe(finals.has(i) ? 0 : step.eligible[i] ? 1 : 0);
          });
        }
        const autoKeys = ledger.flatMap((e) => (e.autoKey ? [e.autoKey] : []));
        expect(new Set(autoKeys).size).toBe(autoKeys.length);
      }),
    );
  });
});
