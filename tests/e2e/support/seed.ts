// Each spec builds the school it needs, straight into the test database through the factories the
// demo seed uses (STYLE 17): a fresh school with its own accounts, so a spec runs alone, in any
// order, and beside the others. No HTTP route is involved.
import { randomBytes } from "node:crypto";
import { addDaysIso, todayIn } from "@/lib/dates";
import {
  addKeepApartRow,
  addMentee,
  addMentor,
  createPairingRow,
  createPointEntry,
  createProgramme,
  createSchool,
  createSessionRow,
  createStaffUser,
  createStudent,
  setPairingSlotRow,
} from "@/server/factories";
import { occurrencesBetween } from "@/lib/occurrences";
import type { createPrismaClient } from "@/server/prisma-client";

export type Db = ReturnType<typeof createPrismaClient>;

/** What signInAs needs: the account, its password and the page it lands on. */
export type Account = { email: string; password: string; home: string };

/** The password of every seeded account. */
export const SEEDED_PASSWORD = "e2e-correct-horse-battery";

type Slot = `${"MON" | "TUE" | "WED" | "THU" | "FRI"}_${"BREAK" | "LUNCH"}`;
type CastMember = { first: string; last: string; year: number; slots: Slot[]; points: number };

// Everybody meets the hard rules with the pupils the journeys pair them with (older by 1–4 years,
// a free slot in common), so only the rule a journey tests can refuse a pairing.
const MENTORS = {
  /** Mentors Maya (1 of 2), so he still has room. Has an account. */
  sam: { first: "Sam", last: "Okoro", year: 10, slots: ["MON_LUNCH", "WED_LUNCH"], points: 5, capacity: 2, trained: true },
  /** Mentors Leo: another mentor's live pairing. */
  ravi: { first: "Ravi", last: "Evans", year: 10, slots: ["MON_LUNCH", "TUE_BREAK"], points: 3, capacity: 1, trained: true },
  /** Free, trained, room for three. Has an account. */
  kofi: { first: "Kofi", last: "Mensah", year: 11, slots: ["MON_LUNCH", "WED_LUNCH"], points: 8, capacity: 3, trained: true },
  /** Free and trained. */
  grace: { first: "Grace", last: "Hughes", year: 10, slots: ["WED_LUNCH", "THU_BREAK"], points: 2, capacity: 1, trained: true },
  /** Free, but training not finished. */
  omar: { first: "Omar", last: "Lewis", year: 11, slots: ["MON_LUNCH"], points: 1, capacity: 1, trained: false },
} satisfies Record<string, CastMember & { capacity: number; trained: boolean }>;

const MENTEES = {
  /** Sam's mentee. Has an account. */
  maya: { first: "Maya", last: "Patel", year: 8, slots: ["MON_LUNCH"], points: 6 },
  /** Ravi's mentee. */
  leo: { first: "Leo", last: "Jones", year: 8, slots: ["MON_LUNCH"], points: 4 },
  /** Waiting; with `rankings`, she ranked Kofi first. Has an account. */
  nia: { first: "Nia", last: "Clarke", year: 7, slots: ["MON_LUNCH", "FRI_BREAK"], points: 3 },
  /** Waiting; with `keepApart`, must never be with Sam. */
  theo: { first: "Theo", last: "Brooks", year: 7, slots: ["MON_LUNCH"], points: 2 },
  /** Waiting. */
  aisha: { first: "Aisha", last: "Khan", year: 7, slots: ["WED_LUNCH"], points: 3 },
  /** Waiting. */
  zara: { first: "Zara", last: "Ahmed", year: 9, slots: ["WED_LUNCH"], points: 4 },
  /** Waiting, but free only on Tuesday break, when no mentor with room is; with `belowZero`, she earned 3 and lost 5 (−2). */
  ella: { first: "Ella", last: "Walker", year: 9, slots: ["TUE_BREAK"], points: 1 },
} satisfies Record<string, CastMember>;

export type MentorKey = keyof typeof MENTORS;
export type MenteeKey = keyof typeof MENTEES;
export type PupilKey = MentorKey | MenteeKey;

export type SeededPupil = {
  id: string;
  /** As the school shows pupils to each other, e.g. "Maya P." (pupilDisplayName). */
  name: string;
  firstName: string;
  yearGroup: number;
  /** The points total the seed gave, with `history`. */
  points: number;
  /** The positive points among them (what pupils' boards show). */
  earned: number;
};

export type SeedOptions = {
  /** A readable part of the school's name, e.g. the spec's subject. */
  label?: string;
  /** Past sessions for the two live pairings and points for every pupil (default true). */
  history?: boolean;
  /** Ella's points total is below zero: +3, then −5 (needs `history`). */
  belowZero?: boolean;
  /** Sam and Theo must be kept apart (recorded by the DSL). */
  keepApart?: boolean;
  /** Nia ranked Kofi first. */
  rankings?: boolean;
};

export type SeededSchool = Awaited<ReturnType<typeof seedSchool>>;

/** Ella's points with `belowZero`: some earned, more taken away. */
const BELOW_ZERO = [
  { amount: 3, category: "Kindness", reason: "Helped tidy the library" },
  { amount: -5, category: "Points lost", reason: "Left the session early" },
];

const randomTag = () => randomBytes(4).toString("hex");

/**
 * A school with a running programme: staff (admin, coordinator, teacher, a DSL and a head who
 * also teach), two live 1:1 pairings (Sam with Maya, Ravi with Leo), free mentors (Kofi, Grace, and
 * Omar, untrained) and waiting mentees (Nia, Theo, Aisha, Zara, Ella). Accounts for the four
 * staff, Sam, Maya, Nia and Kofi, with unique emails and SEEDED_PASSWORD.
 */
export async function seedSchool(db: Db, options: SeedOptions = {}) {
  const tag = randomTag();
  const history = options.history ?? true;
  const today = todayIn("Europe/London");
  const email = (who: string) => `${who}-${tag}@e2e.example`;
  const account = (who: string, home: string): Account => ({ email: email(who), password: SEEDED_PASSWORD, home });

  const school = await createSchool(db, { name: `${options.label ?? "E2E"} School ${tag}`, withCalendar: true });
  const schoolId = school.id;
  const staffUser = (who: string, name: string, roles: ("ADMIN" | "COORDINATOR" | "TEACHER" | "DSL" | "HEAD")[]) =>
    createStaffUser(db, { schoolId, roles, email: email(who), name, password: SEEDED_PASSWORD });
  const staff = {
    admin: await staffUser("admin", "Alex Morgan", ["ADMIN"]),
    coordinator: await staffUser("coordinator", "Priya Shah", ["COORDINATOR"]),
    teacher: await staffUser("teacher", "Tom Reed", ["TEACHER"]),
    dsl: await staffUser("dsl", "Helen Okafor", ["DSL", "TEACHER"]),
    head: await staffUser("head", "Martin Hughes", ["HEAD", "TEACHER"]),
  };
  const programme = await createProgramme(db, {
    schoolId,
    name: "Year 7–11 peer mentoring",
    focusAreas: ["TRANSITION", "WELLBEING"],
    format: "BOTH",
    cadence: "WEEKLY",
    sessionMinutes: 20,
    startsOn: addDaysIso(today, -56),
  });

  const withAccount = new Set<PupilKey>(["sam", "maya", "nia", "kofi"]);
  const pupils = {} as Record<PupilKey, SeededPupil>;
  const addPupil = async (key: PupilKey, member: CastMember) => {
    const student = await createStudent(db, {
      schoolId,
      firstName: member.first,
      lastName: member.last,
      yearGroup: member.year,
      availability: member.slots,
      interests: ["football", "drawing"],
      today,
      account: withAccount.has(key) ? { email: email(key), password: SEEDED_PASSWORD } : undefined,
    });
    const isBelowZero = key === "ella" && options.belowZero === true;
    pupils[key] = {
      id: student.id,
      name: `${member.first} ${member.last.charAt(0)}.`,
      firstName: member.first,
      yearGroup: member.year,
      points: isBelowZero ? BELOW_ZERO.reduce((sum, e) => sum + e.amount, 0) : member.points,
      earned: isBelowZero ? BELOW_ZERO.filter((e) => e.amount > 0).reduce((sum, e) => sum + e.amount, 0) : member.points,
    };
  };
  for (const [key, mentor] of Object.entries(MENTORS) as [MentorKey, (typeof MENTORS)[MentorKey]][]) {
    await addPupil(key, mentor);
    await addMentor(db, {
      schoolId,
      programmeId: programme.id,
      studentId: pupils[key].id,
      capacity: mentor.capacity,
      trainingComplete: mentor.trained,
      strengths: { WELLBEING: 2 },
    });
  }
  for (const [key, mentee] of Object.entries(MENTEES) as [MenteeKey, (typeof MENTEES)[MenteeKey]][]) {
    await addPupil(key, mentee);
    await addMentee(db, {
      schoolId,
      programmeId: programme.id,
      studentId: pupils[key].id,
      focusAreas: ["WELLBEING"],
      ranking: key === "nia" && options.rankings ? [pupils.kofi.id] : [],
    });
  }

  if (options.keepApart) {
    await addKeepApartRow(db, {
      schoolId,
      studentIds: [pupils.sam.id, pupils.theo.id],
      reason: "Falling-out on the bus last year; both families asked for them to be kept apart.",
      createdById: staff.dsl.id,
    });
  }

  const pair = (mentor: MentorKey, mentee: MenteeKey) =>
    createPairingRow(db, {
      schoolId,
      programmeId: programme.id,
      createdById: staff.coordinator.id,
      mentorIds: [pupils[mentor].id],
      menteeIds: [pupils[mentee].id],
      status: "ACTIVE",
      startsOn: addDaysIso(today, -42),
    });
  const pairings = { samMaya: (await pair("sam", "maya")).id, raviLeo: (await pair("ravi", "leo")).id };
  // Sam and Maya meet on Wednesday lunchtimes in the library; Ravi and Leo on Thursday at break.
  await setPairingSlotRow(db, { schoolId, pairingId: pairings.samMaya, weekday: 3, slotKey: "LUNCH", place: "Library" });
  await setPairingSlotRow(db, { schoolId, pairingId: pairings.raviLeo, weekday: 4, slotKey: "BREAK", place: "Room 12" });
  const meetings = { samMaya: await nextPlannedDay(db, schoolId, 3, "12:30", addDaysIso(today, -42), today) };

  if (history) {
    for (const [pairingId, mentee] of [
      [pairings.samMaya, pupils.maya],
      [pairings.raviLeo, pupils.leo],
    ] as const) {
      for (const daysAgo of [21, 14, 7]) {
        await createSessionRow(db, {
          schoolId,
          pairingId,
          loggedById: staff.coordinator.id,
          heldOn: addDaysIso(today, -daysAgo),
          activity: "Check-in chat",
          pupils: [{ studentId: mentee.id, attendance: "PRESENT", mood: 4 }],
        });
      }
    }
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    for (const [key, pupil] of Object.entries(pupils) as [PupilKey, SeededPupil][]) {
      const entries =
        key === "ella" && options.belowZero
          ? BELOW_ZERO
          : [{ amount: pupil.points, category: "Attendance", reason: "Came to every session" }];
      for (const [i, entry] of entries.entries()) {
        await createPointEntry(db, {
          schoolId,
          programmeId: programme.id,
          studentId: pupil.id,
          awardedById: staff.teacher.id,
          ...entry,
          createdAt: daysAgo(4 - i),
        });
      }
    }
  } else {
    for (const pupil of Object.values(pupils)) {
      pupil.points = 0;
      pupil.earned = 0;
    }
  }

  return {
    school: { id: school.id, name: school.name },
    today,
    programme: { id: programme.id, name: programme.name },
    staff: { admin: staff.admin.id, coordinator: staff.coordinator.id, teacher: staff.teacher.id, dsl: staff.dsl.id, head: staff.head.id },
    accounts: {
      admin: account("admin", "/admin"),
      coordinator: account("coordinator", "/coordinator"),
      teacher: account("teacher", "/staff"),
      dsl: account("dsl", "/safeguarding"),
      /** The headteacher (who also teaches): concerns about staff, and urgent ones no lead opened in time. */
      head: account("head", "/safeguarding"),
      /** Sam, mentoring Maya. */
      mentor: account("sam", "/mentor"),
      /** Maya, Sam's mentee. */
      mentee: account("maya", "/student"),
      /** Nia, waiting for a mentor. */
      waitingMentee: account("nia", "/student"),
      /** Kofi, a free mentor. */
      freeMentor: account("kofi", "/mentor"),
    },
    pupils,
    pairings,
    /** The day of each pairing's first planned meeting after today (for pages that name one meeting). */
    meetings,
  };
}

/** The first meeting day after today of a weekly slot, from the school's own calendar (ADR 013). */
async function nextPlannedDay(db: Db, schoolId: string, weekday: 1 | 2 | 3 | 4 | 5, startTime: string, startsOn: string, today: string) {
  const periods = await db.calendarPeriod.findMany({ where: { schoolId }, select: { kind: true, startsOn: true, endsOn: true } });
  const span = (p: { startsOn: Date; endsOn: Date }) => ({
    startsOn: p.startsOn.toISOString().slice(0, 10),
    endsOn: p.endsOn.toISOString().slice(0, 10),
  });
  const calendar = {
    timezone: "Europe/London",
    terms: periods.filter((p) => p.kind === "TERM").map(span),
    closures: periods.filter((p) => p.kind === "HOLIDAY" || p.kind === "INSET").map(span),
    weekAStarts: [],
  };
  const slot = { weekday, startTime, minutes: 20, place: "Library", cadence: "WEEKLY" as const, startsOn };
  const next = occurrencesBetween(slot, calendar, addDaysIso(today, 1), addDaysIso(today, 200))[0];
  if (!next) throw new Error("No meeting planned in the next 200 days: check the seeded calendar.");
  return next.plannedOn;
}
