// `npm run bench -- matching`: the 1:1 engine against the npm `munkres` solver on the dense
// capacity-expanded score matrix, on three fixed-seed school-like programmes (issue 3).
import { munkres } from "munkres";
import { buildCandidates, pairScore } from "../src/lib/matching/candidates";
import { compileProgramme } from "../src/lib/matching/compile";
import { pairRuleBroken } from "../src/lib/matching/hard-rules";
import { suggestOneToOne } from "../src/lib/matching/one-to-one";
import { DEFAULT_WEIGHTS, OBJECTIVE_SCALE, type MatchMentee, type MatchMentor, type Programme } from "../src/lib/matching/types";
import { seeded } from "./lib/random";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri"];
const SLOT_LABELS: Record<string, string> = {};
for (const day of DAYS)
  for (const part of ["lunch", "after school"]) SLOT_LABELS[`${day.toLowerCase()}-${part.replace(" ", "-")}`] = `${day} ${part}`;
const SLOTS = Object.keys(SLOT_LABELS);
const FOCUS = ["attendance", "confidence", "friendships", "organisation", "reading", "maths", "behaviour", "moving up"];
const INTERESTS = [
  "football",
  "drawing",
  "gaming",
  "music",
  "dance",
  "netball",
  "coding",
  "baking",
  "reading",
  "drama",
  "chess",
  "swimming",
  "animals",
  "film",
  "science",
  "history",
  "cricket",
  "photography",
  "fashion",
  "running",
];
const LIVED = ["autism", "ADHD", "dyslexia", "young carer"];
const NAMES = [
  "Maya",
  "Sam",
  "Leo",
  "Aisha",
  "Noah",
  "Zara",
  "Ethan",
  "Amelia",
  "Omar",
  "Isla",
  "Kai",
  "Priya",
  "Jack",
  "Freya",
  "Yusuf",
  "Grace",
];

export function schoolProgramme(menteeCount: number, mentorCount: number, seed: number): Programme {
  const random = seeded(seed);
  const lived = () => (random.next() < 0.15 ? random.sample(LIVED, 1) : null);
  const untrained = new Set(random.sample([...Array(mentorCount).keys()], Math.round(mentorCount * 0.05)));
  const mentors: MatchMentor[] = Array.from({ length: mentorCount }, (_, j) => ({
    id: `r${j}`,
    name: NAMES[j % NAMES.length]!,
    yearGroup: random.int(9, 13),
    isTrained: !untrained.has(j),
    capacity: 2,
    strengths: Object.fromEntries(random.sample(FOCUS, random.int(1, 2)).map((area) => [area, random.int(1, 3) as 1 | 2 | 3])),
    interests: random.sample(INTERESTS, 3),
    slots: random.sample(SLOTS, random.int(2, 4)),
    livedExperience: lived(),
  }));
  const mentees: MatchMentee[] = Array.from({ length: menteeCount }, (_, i) => ({
    id: `e${i}`,
    name: NAMES[(i + 7) % NAMES.length]!,
    yearGroup: random.int(7, 10),
    focusAreas: random.sample(FOCUS, random.int(1, 2)),
    interests: random.sample(INTERESTS, 3),
    slots: random.sample(SLOTS, random.int(2, 4)),
    livedExperience: lived(),
    ranking: [],
  }));
  const rules = { minYearGap: 1, maxYearGap: 6, isTrainingRequired: true, groupSize: 4, idealYearGap: 2 };
  const isCandidate = (e: MatchMentee, m: MatchMentor) =>
    m.yearGroup - e.yearGroup >= rules.minYearGap &&
    m.yearGroup - e.yearGroup <= rules.maxYearGap &&
    m.isTrained &&
    m.slots.some((s) => e.slots.includes(s));
  const keepApart: [string, string][] = [];
  const ranking = new Set(random.sample([...Array(menteeCount).keys()], Math.round(menteeCount / 3)));
  mentees.forEach((mentee, i) => {
    const eligible = mentors.filter((mentor) => isCandidate(mentee, mentor));
    for (const mentor of eligible) if (random.next() < 0.01) keepApart.push([mentee.id, mentor.id]);
    if (ranking.has(i)) mentee.ranking = random.sample(eligible, Math.min(eligible.length, random.int(1, 3))).map((m) => m.id);
  });
  return { mentors, mentees, keepApart, rules, weights: DEFAULT_WEIGHTS, slotLabels: SLOT_LABELS };
}

function engineObjective(programme: Programme): number {
  return suggestOneToOne(programme).objective;
}

/** munkres on the dense mentees × (mentor places) matrix; a forbidden cell costs more than any
 * set of allowed ones, so it is only used where no allowed cell could be. */
export function referenceObjective(programme: Programme): number {
  const c = compileProgramme(programme);
  const candidates = buildCandidates(c, false, false);
  const places: number[] = [];
  for (let j = 0; j < c.mentorCount; j += 1) for (let p = 0; p < c.mentorRoom[j]!; p += 1) places.push(j);
  const firstPlace = new Int32Array(c.mentorCount + 1);
  for (let j = 0; j < c.mentorCount; j += 1) firstPlace[j + 1] = firstPlace[j]! + c.mentorRoom[j]!;
  const forbidden = c.menteeCount * candidates.maxScore + 1;
  const matrix: Float64Array[] = [];
  for (let i = 0; i < c.menteeCount; i += 1) {
    const row = new Float64Array(places.length).fill(forbidden);
    for (let e = candidates.rowStart[i]!; e < candidates.rowStart[i + 1]!; e += 1) {
      const j = candidates.col[e]!;
      row.fill(candidates.maxScore - candidates.score[e]!, firstPlace[j]!, firstPlace[j + 1]!);
    }
    matrix.push(row);
  }
  let matched = 0;
  let total = 0;
  for (const [i, place] of places.length > 0 ? munkres(matrix) : []) {
    const j = places[place]!;
    if (pairRuleBroken(c, i, j) !== null) continue;
    matched += 1;
    total += pairScore(c, i, j);
  }
  return matched * OBJECTIVE_SCALE + total;
}

/**
 * 3 warm-up runs of each, then 10 timed runs of each, alternating engine and reference so both
 * see the same machine (JIT, garbage collector, other load); the median of each is reported.
 */
function timeBoth(engine: () => number, reference: () => number) {
  const values = { engine: 0, reference: 0 };
  for (let n = 0; n < 3; n += 1) {
    values.engine = engine();
    values.reference = reference();
  }
  const times = { engine: [] as number[], reference: [] as number[] };
  for (let n = 0; n < 10; n += 1) {
    for (const [name, run] of [
      ["engine", engine],
      ["reference", reference],
    ] as const) {
      const start = performance.now();
      values[name] = run();
      times[name].push(performance.now() - start);
    }
  }
  const median = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return (sorted[4]! + sorted[5]!) / 2;
  };
  return { engineMs: median(times.engine), referenceMs: median(times.reference), ...values };
}

const INSTANCES = [
  { name: "200x100", mentees: 200, mentors: 100, seed: 200_100 },
  { name: "600x300", mentees: 600, mentors: 300, seed: 600_300 },
  { name: "2000x1000", mentees: 2000, mentors: 1000, seed: 2_000_1000 },
];

export async function main(args: string[]) {
  const only = args[0];
  const results = [];
  console.log("instance    mentees×mentors  engine ms  munkres ms  speed-up  engine objective  munkres objective  same");
  for (const instance of INSTANCES.filter((x) => !only || x.name === only)) {
    const programme = schoolProgramme(instance.mentees, instance.mentors, instance.seed);
    const timed = timeBoth(
      () => engineObjective(programme),
      () => referenceObjective(programme),
    );
    const row = {
      name: instance.name,
      engineMs: round(timed.engineMs),
      referenceMs: round(timed.referenceMs),
      engineObjective: timed.engine,
      referenceObjective: timed.reference,
      speedup: round(timed.referenceMs / timed.engineMs),
      isSameObjective: timed.engine === timed.reference,
    };
    const cells = [
      row.name.padEnd(11),
      `${instance.mentees}×${instance.mentors}`.padStart(15),
      String(row.engineMs).padStart(10),
      String(row.referenceMs).padStart(11),
      `×${row.speedup}`.padStart(9),
      String(row.engineObjective).padStart(17),
      String(row.referenceObjective).padStart(18),
      row.isSameObjective ? "  yes" : "  NO",
    ];
    console.log(cells.join(" "));
    results.push(row);
  }
  console.log(
    "(engine: pupils to suggestions with scores, reasons and unmatched reasons; munkres 2.x on the dense capacity-expanded matrix, building it included; objective = matched × 10^6 + total score; median of 10 after 3 warm-ups, alternating)",
  );
  if (results.some((r) => !r.isSameObjective)) process.exitCode = 1;
  console.log(JSON.stringify({ bench: "matching", instances: results }));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
