// Who may run each server action, written out by hand (never derived from the commands' `allow`
// lists), so a change to a command's roles fails here until someone decides it on purpose.
// Every `export const xAction` in src/features/*/actions.ts must have a row, and every row an action.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/actor";
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "@/server/command";
import { FACTORY_PASSWORD } from "@/test-support/actors";
import { runCommand, type RunnableCommand } from "@/test-support/commands";
import { SIGNED_OUT_MESSAGE } from "@/test-support/expectations";
import { buildWorld } from "@/test-support/school";
import { db } from "@/server/db";

const FEATURES_DIR = path.dirname(fileURLToPath(import.meta.url));

const COLUMNS = ["signedOut", "ADMIN", "COORDINATOR", "TEACHER", "DSL", "MENTOR", "MENTEE", "otherSchoolCoordinator"] as const;
type Column = (typeof COLUMNS)[number];
type Cell = "allowed" | "denied";
const Y: Cell = "allowed";
const N: Cell = "denied";
type Row = [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];

// "public" rows run before anyone is signed in; they are only checked to exist.
//                                                  out ADMIN COORD TEACH DSL MENTOR MENTEE otherCoord
// prettier-ignore
const MATRIX: Record<string, "public" | Row> = {
  "auth/signInAction": "public",
  "auth/signOutAction": "public",
  "auth/switchSchoolAction":                        [N, Y,    Y,    Y,    Y,  N,     N,     N],
  "auth/changePasswordAction":                      [N, Y,    Y,    Y,    Y,  Y,     Y,     Y],
  "keep-apart/addKeepApartAction":                  [N, N,    Y,    N,    Y,  N,     N,     N],
  "keep-apart/removeKeepApartAction":               [N, N,    Y,    N,    Y,  N,     N,     N],
  "matching/acceptSuggestionsAction":               [N, N,    Y,    N,    N,  N,     N,     N],
  "matching/saveMatchWeightsAction":                [N, N,    Y,    N,    N,  N,     N,     N],
  "profiles/updateMyProfileAction":                 [N, N,    N,    N,    N,  Y,     Y,     N],
  "profiles/setMentorPreferencesAction":            [N, N,    N,    N,    N,  N,     Y,     N],
  "profiles/updateMatchingDetailsAction":           [N, N,    Y,    N,    N,  N,     N,     N],
  "profiles/updateMentorProfileAction":             [N, N,    Y,    N,    N,  N,     N,     N],
  "profiles/updateMenteeProfileAction":             [N, N,    Y,    N,    N,  N,     N,     N],
  "pairings/createPairingAction":                   [N, N,    Y,    N,    N,  N,     N,     N],
  "pairings/changePairingStatusAction":             [N, N,    Y,    N,    N,  N,     N,     N],
  "points/awardPointsAction":                       [N, N,    Y,    Y,    N,  N,     N,     N],
  "points/reversePointsAction":                     [N, N,    Y,    N,    N,  N,     N,     N],
  "reviews/recordReviewAction":                     [N, N,    Y,    N,    N,  N,     N,     N],
  "sessions/logSessionAction":                      [N, N,    Y,    N,    N,  Y,     N,     N],
};

type World = Awaited<ReturnType<typeof buildWorld>>;
const keepApartIds = {} as Record<Column, string>;

/** One keep-apart pair per column, among pupils no other row pairs together. */
async function createKeepApartPerColumn(w: World) {
  const p = w.a.pupils;
  const pairs = [
    [p.mentor, p.otherMentor],
    [p.mentor, p.otherMentee],
    [p.mentor, p.spareMentor],
    [p.mentee, p.otherMentor],
    [p.mentee, p.otherMentee],
    [p.mentee, p.spareMentee],
    [p.otherMentor, p.spareMentor],
    [p.otherMentor, p.spareMentee],
  ];
  for (const [index, column] of COLUMNS.entries()) {
    const [x, y] = pairs[index]!.map((s) => s.id).sort() as [string, string];
    const row = await db.keepApart.create({
      data: { schoolId: w.a.school.id, studentAId: x, studentBId: y, reason: "Matrix", createdById: w.a.staff.coordinator.id },
    });
    keepApartIds[column] = row.id;
  }
}

// Valid input for school `a` for each action; another school's coordinator sends the same ids.
// The rows share one world, so each row's allowed cells touch records no other row relies on
// (createPairing the spare pupils, changePairingStatus the other pairing, reversePoints the one entry).
const INPUTS: Record<string, (w: World, column: Column) => Record<string, unknown>> = {
  // The spare mentor has room for one: the first allowed column takes it; later allowed ones get a rule error.
  "matching/acceptSuggestionsAction": (w) => ({
    programmeId: w.a.programme.id,
    pairs: `${w.a.pupils.spareMentee.id}:${w.a.pupils.spareMentor.id}`,
  }),
  "matching/saveMatchWeightsAction": (w) => ({
    programmeId: w.a.programme.id,
    focusFit: "5",
    rankedFirst: "10",
    rankedSecond: "6",
    rankedThird: "3",
    sharedInterests: "2",
    yearGapCloseness: "4",
    livedExperience: "5",
  }),
  "profiles/updateMyProfileAction": () => ({ interests: "football, chess", availability: ["MON_LUNCH", "WED_BREAK"], aboutMe: "Matrix" }),
  "profiles/setMentorPreferencesAction": (w) => ({ programmeId: w.a.programme.id, first: w.a.pupils.mentor.id }),
  "profiles/updateMatchingDetailsAction": (w) => ({
    studentId: w.a.pupils.spareMentee.id,
    interests: "chess",
    availability: ["MON_LUNCH"],
    livedExperience: [],
  }),
  "profiles/updateMentorProfileAction": (w) => ({
    programmeId: w.a.programme.id,
    studentId: w.a.pupils.otherMentor.id,
    capacity: "1",
    trainingComplete: "on",
    strength_WELLBEING: "3",
  }),
  "profiles/updateMenteeProfileAction": (w) => ({
    programmeId: w.a.programme.id,
    studentId: w.a.pupils.otherMentee.id,
    focusAreas: ["WELLBEING"],
  }),
  "keep-apart/addKeepApartAction": (w) => ({
    studentAId: w.a.pupils.otherMentee.id,
    studentBId: w.a.pupils.spareMentee.id,
    reason: "Access matrix check",
  }),
  // Each column removes a pair of its own, so an earlier allowed removal cannot turn a later one into "not found".
  "keep-apart/removeKeepApartAction": (w, column) => ({ keepApartId: keepApartIds[column] }),
  "auth/switchSchoolAction": (w) => ({ schoolId: w.a.school.id }),
  "auth/changePasswordAction": () => ({
    currentPassword: FACTORY_PASSWORD,
    newPassword: "matrix passphrase 123",
    confirmPassword: "matrix passphrase 123",
  }),
  "pairings/createPairingAction": (w) => ({
    programmeId: w.a.programme.id,
    kind: "ONE_TO_ONE",
    mentorIds: w.a.pupils.spareMentor.id,
    menteeIds: w.a.pupils.spareMentee.id,
    startsOn: w.a.today,
  }),
  "pairings/changePairingStatusAction": (w) => ({ pairingId: w.a.otherPairing.id, status: "PAUSED" }),
  "points/awardPointsAction": (w) => ({
    programmeId: w.a.programme.id,
    studentIds: w.a.pupils.mentee.id,
    amount: "1",
    category: "EFFORT",
    reason: "Access matrix check",
  }),
  "points/reversePointsAction": (w) => ({ entryId: w.a.pointEntry.id, reason: "Access matrix check" }),
  "reviews/recordReviewAction": (w) => ({
    pairingId: w.a.pairing.id,
    heldOn: w.a.today,
    progress: "3",
    notes: "Matrix",
    decision: "CONTINUE",
  }),
  "sessions/logSessionAction": (w) => ({
    pairingId: w.a.pairing.id,
    heldOn: w.a.today,
    durationMinutes: "20",
    activity: "CHECK_IN",
    notes: "Matrix",
    [`attendance_${w.a.pupils.mentee.id}`]: "PRESENT",
  }),
};

/** Every `export const xAction` in src/features/<feature>/actions.ts, as "feature/xAction". */
function discoverActions(): string[] {
  const found: string[] = [];
  for (const feature of fs.readdirSync(FEATURES_DIR).sort()) {
    const file = path.join(FEATURES_DIR, feature, "actions.ts");
    if (!fs.existsSync(file)) continue;
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(/export\s+const\s+(\w+Action)\b/g)) found.push(`${feature}/${match[1]}`);
  }
  return found;
}

async function commandFor(key: string): Promise<RunnableCommand> {
  const [feature, action] = key.split("/") as [string, string];
  const commandName = action.replace(/Action$/, "");
  const commands = (await import(path.join(FEATURES_DIR, feature, "commands.ts"))) as Record<string, unknown>;
  const command = commands[commandName] as RunnableCommand | undefined;
  if (!command || typeof command.run !== "function")
    throw new Error(`${key}: no command "${commandName}" exported from src/features/${feature}/commands.ts`);
  return command;
}

describe("access matrix: the table matches the actions", () => {
  const discovered = discoverActions();

  it("finds the actions", () => {
    expect(discovered.length).toBeGreaterThan(5);
  });

  it("has a row for every exported action", () => {
    const missing = discovered.filter((key) => !(key in MATRIX));
    expect(missing, "add these actions to MATRIX (and INPUTS) in access-matrix.test.ts").toEqual([]);
  });

  it("has no row for an action that no longer exists", () => {
    const stale = Object.keys(MATRIX).filter((key) => !discovered.includes(key));
    expect(stale, "remove these rows from MATRIX").toEqual([]);
  });

  it("has valid input for every non-public row", () => {
    const withoutInput = Object.entries(MATRIX)
      .filter(([key, row]) => row !== "public" && !(key in INPUTS))
      .map(([key]) => key);
    expect(withoutInput).toEqual([]);
  });

  it("has no bare exported functions in a 'use server' actions file", () => {
    const bare: string[] = [];
    for (const feature of fs.readdirSync(FEATURES_DIR)) {
      const file = path.join(FEATURES_DIR, feature, "actions.ts");
      if (!fs.existsSync(file)) continue;
      for (const match of fs.readFileSync(file, "utf8").matchAll(/export\s+(?:default\s+)?(?:async\s+)?function\s*(\w*)/g))
        bare.push(`${feature}/${match[1] || "default"}`);
    }
    expect(bare).toEqual([]);
  });
});

const PERMISSION_ANSWERS = [FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE, SIGNED_OUT_MESSAGE];

describe("access matrix: each action as each actor", () => {
  let world: World;
  let actors: Record<Column, Actor | null>;
  beforeAll(async () => {
    world = await buildWorld();
    actors = { signedOut: null, ...world.actors };
    await createKeepApartPerColumn(world);
  });

  for (const [key, row] of Object.entries(MATRIX)) {
    if (row === "public") continue;
    describe(key, () => {
      it.each(COLUMNS.map((column, i) => [column, row[i]!] as const))("%s → %s", async (column, expected) => {
        const command = await commandFor(key);
        const input = INPUTS[key]!(world, column);
        const { result, before, after } = await runCommand(command, actors[column], input, [world.a.school.id, world.b.school.id]);
        if (expected === "allowed") {
          expect(result.ok || !PERMISSION_ANSWERS.includes(result.message ?? ""), `${key} as ${column}: ${result.message}`).toBe(true);
        } else {
          expect(result.ok).toBe(false);
          // A signed-out visitor is asked to sign in; a signed-in actor is told "no permission" or "not found".
          const expectedMessages = column === "signedOut" ? [SIGNED_OUT_MESSAGE] : [FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE];
          expect(expectedMessages, `${key} as ${column}: ${result.message}`).toContain(result.message);
          expect(after, `${key} as ${column} must write nothing`).toEqual(before);
        }
      });
    });
  }
});
