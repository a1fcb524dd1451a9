// The demo schools: seeded only into the embedded dev database or by an explicit `npm run db:seed`.
import type { Db } from "@/server/db";
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
  createConcernRow,
} from "@/server/factories";
import { addDaysIso, startOfDayInstant, todayIn, weekOf } from "@/lib/dates";
import { aboveZeroMoments } from "@/lib/boards";

export const DEMO_PASSWORD = "peerpath-demo";

const FIRST = [
  "Maya",
  "Leo",
  "Aisha",
  "Sam",
  "Olivia",
  "Noah",
  "Zara",
  "Ethan",
  "Isla",
  "Ravi",
  "Grace",
  "Kai",
  "Ella",
  "Tom",
  "Amara",
  "Finn",
  "Lily",
  "Omar",
  "Ruby",
  "Jack",
  "Hana",
  "Ben",
  "Chloe",
  "Yusuf",
  "Freya",
  "Max",
  "Sofia",
  "Dan",
  "Priya",
  "Luca",
];
const LAST = [
  "Patel",
  "Jones",
  "Khan",
  "Smith",
  "Williams",
  "Brown",
  "Taylor",
  "Ahmed",
  "Wilson",
  "Evans",
  "Thomas",
  "Roberts",
  "Walker",
  "Wright",
  "Hughes",
  "Green",
  "Hall",
  "Lewis",
  "Clarke",
  "Young",
];
const INTERESTS = [
  "football",
  "drawing",
  "gaming",
  "reading",
  "music",
  "baking",
  "coding",
  "dance",
  "animals",
  "science",
  "films",
  "basketball",
  "chess",
  "drama",
  "photography",
  "swimming",
  "history",
  "cycling",
  "anime",
  "cooking",
];
const OTHER_SLOTS = ["MON_BREAK", "TUE_BREAK", "TUE_LUNCH", "WED_BREAK", "THU_BREAK", "THU_LUNCH", "FRI_BREAK", "FRI_LUNCH"];
const ACTIVITIES = ["Getting to know me", "Homework help", "Problem solving", "Online safety", "Reading together", "Check-in chat"];

function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemo(db: Db, options: { log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const today = todayIn("Europe/London");
  const random = prng(20261122);

  // ---- Northfield Academy
  const northfield = await createSchool(db, { name: "Northfield Academy" });
  // A split lunch: the sixth form eats after the main school (Years 7–11 keep 12:30–13:15, so the
  // demo's mentors and mentees still share their lunches; ADR 014).
  const lunch = await db.schoolSlot.findFirstOrThrow({ where: { schoolId: northfield.id, key: "LUNCH" }, select: { id: true } });
  await db.schoolSlotYearTime.createMany({
    data: [12, 13].map((yearGroup) => ({ schoolId: northfield.id, slotId: lunch.id, yearGroup, startTime: "13:15", endTime: "14:00" })),
  });
  const staff = {
    admin: await createStaffUser(db, {
      schoolId: northfield.id,
      roles: ["ADMIN"],
      email: "admin@northfield.example",
      name: "Alex Morgan",
      password: DEMO_PASSWORD,
    }),
    coordinator: await createStaffUser(db, {
      schoolId: northfield.id,
      roles: ["COORDINATOR"],
      email: "coordinator@northfield.example",
      name: "Priya Shah",
      password: DEMO_PASSWORD,
    }),
    teacher: await createStaffUser(db, {
      schoolId: northfield.id,
      roles: ["TEACHER"],
      email: "teacher@northfield.example",
      name: "Tom Reed",
      password: DEMO_PASSWORD,
    }),
    dsl: await createStaffUser(db, {
      schoolId: northfield.id,
      roles: ["DSL", "TEACHER"],
      email: "dsl@northfield.example",
      name: "Helen Okafor",
      password: DEMO_PASSWORD,
    }),
    head: await createStaffUser(db, {
      schoolId: northfield.id,
      roles: ["HEAD", "TEACHER"],
      email: "head@northfield.example",
      name: "Martin Hughes",
      password: DEMO_PASSWORD,
    }),
  };
  const programme = await createProgramme(db, {
    schoolId: northfield.id,
    name: "Year 9–10 peer mentoring",
    focusAreas: ["TRANSITION", "ATTENDANCE", "WELLBEING", "BULLYING"],
    format: "BOTH",
    cadence: "WEEKLY",
    sessionMinutes: 20,
    startsOn: addDaysIso(today, -56),
  });

  // 60 pupils, 12 per year group 7–11.
  const pupils: { id: string; yearGroup: number; name: string }[] = [];
  let n = 0;
  for (const yearGroup of [7, 8, 9, 10, 11]) {
    for (let i = 0; i < 12; i += 1) {
      const firstName = FIRST[(n * 7) % FIRST.length]!;
      const lastName = LAST[(n * 3 + yearGroup) % LAST.length]!;
      const isDemoMentor = yearGroup === 10 && i === 0;
      const isDemoMentee = yearGroup === 8 && i === 0;
      // Named pupils the matching demo (and its browser test) relies on: a waiting Year 7 mentee
      // who ranked a free Year 11 mentor first, and a waiting mentee kept apart from Sam.
      const named =
        yearGroup === 7 && i === 4
          ? { first: "Nia", last: "Clarke", email: "mentee2@northfield.example" }
          : yearGroup === 7 && i === 7
            ? { first: "Theo", last: "Brooks" }
            : yearGroup === 11 && i === 3
              ? { first: "Kofi", last: "Mensah", email: "mentor2@northfield.example" }
              : null;
      const pick = <T>(from: T[], count: number) => [...from].sort(() => random() - 0.5).slice(0, count);
      // Mentors (Years 10–11) are free Mon and Wed lunch and more; everyone shares at least one of those.
      const slots =
        yearGroup >= 10
          ? ["MON_LUNCH", "WED_LUNCH", ...pick(OTHER_SLOTS, 1)]
          : [random() < 0.5 ? "MON_LUNCH" : "WED_LUNCH", ...pick(OTHER_SLOTS, 1 + Math.floor(random() * 2))];
      const student = await createStudent(db, {
        schoolId: northfield.id,
        firstName: isDemoMentor ? "Sam" : isDemoMentee ? "Maya" : named ? named.first : firstName,
        lastName: isDemoMentor ? "Okoro" : isDemoMentee ? "Patel" : named ? named.last : lastName,
        yearGroup,
        tutorGroup: `${yearGroup}${"ABCD"[i % 4]}`,
        upn: `N${String(1000 + n)}`,
        hasSend: i % 5 === 1,
        sendNotes: i % 5 === 1 ? "Autistic; prefers a quiet room and advance notice of changes." : null,
        interests: pick(INTERESTS, 3),
        availability: slots,
        aboutMe: yearGroup >= 10 ? "I remember starting here and I'm happy to help." : "",
        // A few pupils have opted in to sharing lived experience, used only for matching.
        livedExperience: i % 5 === 1 && i < 6 ? ["autism"] : [],
        today,
        account: isDemoMentor
          ? { email: "mentor@northfield.example", password: DEMO_PASSWORD }
          : isDemoMentee
            ? { email: "mentee@northfield.example", password: DEMO_PASSWORD }
            : named?.email
              ? { email: named.email, password: DEMO_PASSWORD }
              : undefined,
      });
      pupils.push({ id: student.id, yearGroup, name: `${student.legalFirstName} ${student.legalLastName}` });
      n += 1;
    }
  }
  const byYear = (y: number) => pupils.filter((p) => p.yearGroup === y);
  // 12 mentors: 8 from Year 10 (the demo mentor first), 4 from Year 11.
  const mentors = [...byYear(10).slice(0, 8), ...byYear(11).slice(0, 4)];
  // 20 mentees: 8 from Year 7, 8 from Year 8 (the demo mentee first), 4 from Year 9.
  const mentees = [...byYear(8).slice(0, 8), ...byYear(7).slice(0, 8), ...byYear(9).slice(0, 4)];
  for (const [i, m] of mentors.entries()) {
    const focus = ["TRANSITION", "ATTENDANCE", "WELLBEING", "BULLYING"] as const;
    await addMentor(db, {
      schoolId: northfield.id,
      programmeId: programme.id,
      studentId: m.id,
      capacity: i >= 8 ? 3 : i % 3 === 0 ? 2 : 1,
      trainingComplete: i !== 7,
      strengths: { [focus[i % 4]!]: 3, [focus[(i + 1) % 4]!]: (1 + (i % 2)) as 1 | 2 },
    });
  }
  for (const [i, m] of mentees.entries()) {
    const focus = (["TRANSITION", "ATTENDANCE", "WELLBEING", "BULLYING"] as const)[i % 4]!;
    // Some waiting mentees have ranked mentors (the free ones), the rest said "no preference".
    const ranking = i === 12 ? [mentors[11]!.id, mentors[6]!.id] : i === 13 ? [mentors[6]!.id] : i === 18 ? [mentors[11]!.id] : [];
    await addMentee(db, {
      schoolId: northfield.id,
      programmeId: programme.id,
      studentId: m.id,
      focusAreas: i % 3 === 0 ? [focus, "WELLBEING"] : [focus],
      ranking,
    });
  }
  // A pair who must never be matched (the reason is staff-only).
  await addKeepApartRow(db, {
    schoolId: northfield.id,
    studentIds: [mentors[0]!.id, mentees[15]!.id],
    reason: "Falling-out on the bus last year; both families asked for them to be kept apart.",
    createdById: staff.dsl.id,
  });
  // A concern a teacher raised yesterday, with the lead's first action (issue 9).
  const concern = await createConcernRow(db, {
    schoolId: northfield.id,
    reporterId: staff.teacher.id,
    category: "WELLBEING",
    what: "During form time she said she has not been sleeping and does not want to go home at the weekend.",
    pupilIds: [mentees[3]!.id],
    createdAt: new Date(startOfDayInstant(addDaysIso(today, -1), northfield.timezone).getTime() + 9 * 3_600_000),
  });
  await db.concernEntry.create({
    data: {
      schoolId: northfield.id,
      concernId: concern.id,
      kind: "ACTION",
      action: "SPOKE_TO_PUPIL",
      text: "Spoke to her at lunch with her form tutor; she will come to see me on Monday morning.",
      authorId: staff.dsl.id,
    },
  });

  // Pairings began on a Monday about six weeks ago; each meets on a Monday, Tuesday or Wednesday.
  const started = addDaysIso(weekOf(today).start, -49);
  const pairings: { id: string; mentorIds: string[]; menteeIds: string[]; quiet?: boolean }[] = [];
  const pair = async (mentorIds: string[], menteeIds: string[], extra: { name?: string; quiet?: boolean } = {}) => {
    const p = await createPairingRow(db, {
      schoolId: northfield.id,
      programmeId: programme.id,
      createdById: staff.coordinator.id,
      mentorIds,
      menteeIds,
      status: "ACTIVE",
      startsOn: started,
      name: extra.name ?? null,
    });
    pairings.push({ id: p.id, mentorIds, menteeIds, quiet: extra.quiet });
  };
  // Six 1:1 pairs from Year 10 mentors to Year 8 mentees (the demo pair first).
  for (let i = 0; i < 6; i += 1) await pair([mentors[i]!.id], [mentees[i]!.id], { quiet: i === 5 });
  // Two mixed-age groups led by Year 11 mentors.
  await pair([mentors[8]!.id, mentors[9]!.id], [mentees[8]!.id, mentees[9]!.id, mentees[16]!.id], { name: "Tuesday lunch group" });
  await pair([mentors[10]!.id], [mentees[10]!.id, mentees[11]!.id, mentees[17]!.id], { name: "Thursday form-time group" });
  // An earlier pairing that ended, so the history shows a re-pair.
  await createPairingRow(db, {
    schoolId: northfield.id,
    programmeId: programme.id,
    createdById: staff.coordinator.id,
    mentorIds: [mentors[6]!.id],
    menteeIds: [mentees[12]!.id],
    status: "ENDED",
    startsOn: addDaysIso(today, -50),
    closureReason: "MISMATCH",
  });
  // mentees 12–15 and 18–19 are waiting for a mentor; mentors 6, 7 and 11 are free.

  // Six weeks of sessions.
  const holidays = [{ start: "10-26", end: "10-30" }];
  const isHoliday = (day: string) => holidays.some((h) => day.slice(5) >= h.start && day.slice(5) <= h.end);
  let sessionCount = 0;
  for (const [index, p] of pairings.entries()) {
    for (let week = 0; week < 8; week += 1) {
      const day = addDaysIso(started, week * 7 + (index % 3));
      if (day >= today || isHoliday(day)) continue;
      if (p.quiet && day > addDaysIso(today, -20)) continue;
      await createSessionRow(db, {
        schoolId: northfield.id,
        pairingId: p.id,
        loggedById: staff.coordinator.id,
        heldOn: day,
        activity: ACTIVITIES[(week + index) % ACTIVITIES.length]!,
        notes: week === 0 ? "We made our 'getting to know me' posters." : "",
        pupils: p.menteeIds.map((studentId) => ({
          studentId,
          attendance: random() < 0.85 ? "PRESENT" : random() < 0.5 ? "LATE" : "ABSENT",
          mood: 2 + Math.floor(random() * 4),
        })),
      });
      sessionCount += 1;
    }
  }

  // Points: most pupils earn a little each week; one pupil climbs out of negative points.
  const participants = [...mentors, ...mentees];
  const categories = ["Attendance", "Effort", "Kindness", "Leadership"] as const;
  const climber = mentees[13]!;
  const demoMentee = mentees[0]!;
  const belowZero = mentees[19]!;
  const weekStart = weekOf(today).start;
  for (let week = 6; week >= 1; week -= 1) {
    const at = startOfDayInstant(addDaysIso(weekStart, -7 * week + 2), "Europe/London");
    for (const p of participants) {
      if (p.id === climber.id || p.id === demoMentee.id || p.id === belowZero.id) continue;
      if (random() < 0.55) {
        await createPointEntry(db, {
          schoolId: northfield.id,
          programmeId: programme.id,
          studentId: p.id,
          awardedById: staff.teacher.id,
          amount: 1 + Math.floor(random() * 3),
          category: categories[Math.floor(random() * categories.length)]!,
          reason: "Great effort this week",
          createdAt: at,
        });
      }
    }
    await createPointEntry(db, {
      schoolId: northfield.id,
      programmeId: programme.id,
      studentId: demoMentee.id,
      awardedById: staff.teacher.id,
      amount: 2,
      category: "Attendance",
      reason: "Came to every session",
      createdAt: at,
    });
    const climb = week >= 5 ? -3 : 4;
    await createPointEntry(db, {
      schoolId: northfield.id,
      programmeId: programme.id,
      studentId: climber.id,
      awardedById: staff.teacher.id,
      amount: climb,
      category: climb < 0 ? "Points lost" : "Effort",
      reason: climb < 0 ? "Late to registration" : "On time all week",
      createdAt: at,
    });
  }
  // A few points so far this week.
  for (const p of participants.slice(2, 7)) {
    await createPointEntry(db, {
      schoolId: northfield.id,
      programmeId: programme.id,
      studentId: p.id,
      awardedById: staff.coordinator.id,
      amount: 1,
      category: "Kindness",
      reason: "Helped a new pupil find their way",
      createdAt: new Date(Date.now() - 60 * 60 * 1000),
    });
  }
  // A pupil still below zero, whose total other pupils never see.
  await createPointEntry(db, {
    schoolId: northfield.id,
    programmeId: programme.id,
    studentId: belowZero.id,
    awardedById: staff.teacher.id,
    amount: -2,
    category: "Points lost",
    reason: "Left the session early",
    createdAt: startOfDayInstant(addDaysIso(weekStart, -5), "Europe/London"),
  });
  // The climber's moves from below zero to above it, as the ledger writer records them (ADR 024); she
  // has not yet said whether other pupils may see it. Mentors may give their mentees points here.
  for (const pupil of participants) {
    const ledger = await db.pointEntry.findMany({
      where: { schoolId: northfield.id, studentId: pupil.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, amount: true, createdAt: true },
    });
    for (const entryId of aboveZeroMoments(ledger)) {
      const reachedAt = ledger.find((e) => e.id === entryId)!.createdAt;
      await db.pointMilestone.create({ data: { schoolId: northfield.id, studentId: pupil.id, entryId, reachedAt } });
    }
  }
  await db.pointSettings.create({ data: { schoolId: northfield.id, mentorsMayAward: true } });

  // ---- Southbank School
  const southbank = await createSchool(db, { name: "Southbank School" });
  const southCoordinator = await createStaffUser(db, {
    schoolId: southbank.id,
    roles: ["COORDINATOR", "DSL"],
    email: "coordinator@southbank.example",
    name: "Jordan Lee",
    password: DEMO_PASSWORD,
  });
  const southProgramme = await createProgramme(db, {
    schoolId: southbank.id,
    name: "Transition buddies",
    focusAreas: ["TRANSITION"],
    format: "ONE_TO_ONE",
    startsOn: addDaysIso(today, -30),
  });
  const southPupils = [];
  for (const [i, yearGroup] of [7, 7, 7, 10, 10, 11].entries()) {
    southPupils.push(
      await createStudent(db, {
        schoolId: southbank.id,
        firstName: FIRST[(i * 5 + 3) % FIRST.length]!,
        lastName: LAST[(i * 7 + 1) % LAST.length]!,
        yearGroup,
        upn: `S${100 + i}`,
        today,
      }),
    );
  }
  for (const s of southPupils.slice(3)) await addMentor(db, { schoolId: southbank.id, programmeId: southProgramme.id, studentId: s.id });
  for (const s of southPupils.slice(0, 3)) await addMentee(db, { schoolId: southbank.id, programmeId: southProgramme.id, studentId: s.id });
  await createPairingRow(db, {
    schoolId: southbank.id,
    programmeId: southProgramme.id,
    createdById: southCoordinator.id,
    mentorIds: [southPupils[3]!.id],
    menteeIds: [southPupils[0]!.id],
    startsOn: addDaysIso(today, -20),
  });

  log(
    `Seeded Northfield Academy (${pupils.length} pupils, ${mentors.length} mentors, ${mentees.length} mentees, ${pairings.length} live pairings, ${sessionCount} sessions) and Southbank School.`,
  );
  return { northfield, southbank, programme, southProgramme, staff, southCoordinator };
}
