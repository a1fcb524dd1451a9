// The bench school's points ledger for `npm run bench -- leaderboard` (issue 10): a given number of
// entries over the programme's participants and the years the school covers, with a good share in the
// current half-term; mostly the school's positive categories, some "Points lost", a few corrected by a
// reversing entry; the climbs above zero they make; board profiles (opted out, hidden, nicknames); the
// school's board settings; and a mentee with a user account to read the board as a pupil.
import type { Db } from "@/server/db";
import { academicCalendar, createStaffUser } from "@/server/factories";
import type { Prisma } from "@/generated/prisma/client";
import { addDaysIso, daysBetween, type IsoDate } from "@/lib/dates";
import { aboveZeroMoments } from "@/lib/boards";
import { instantAt, isSchoolDay, type SchoolCalendar } from "@/lib/occurrences";
import { insertMany } from "./bulk-insert";
import type { Random } from "./random";

const NEGATIVE = "Points lost";
const DAY_MS = 24 * 60 * 60 * 1000;
const NICKNAMES = "Comet Maple Otter Pixel Rocket Willow Falcon Pebble Nova Sprout Juniper Lynx".split(" ");
const REASONS = ["Helped a new pupil find their way", "Kept going with a hard task", "Led the group's warm-up", "Bench points"];

export type LedgerCounts = {
  entries: number;
  reversals: number;
  negatives: number;
  inHalfTerm: number;
  optedOut: number;
  hidden: number;
  nicknames: number;
  milestones: number;
};

export async function seedLedger(
  db: Db,
  random: Random,
  ctx: {
    tag: string;
    schoolId: string;
    programmeId: string;
    coordinatorId: string;
    timezone: string;
    today: IsoDate;
    now: Date;
    /** The day the programme began: entries are spread from here to `now`. */
    from: IsoDate;
    calendar: SchoolCalendar;
    /** Everyone on the programme's boards (mentors and mentees on roll); the reader is one of them. */
    participantIds: string[];
    readerStudentId: string;
    entries: number;
  },
): Promise<{ readerUserId: string; counts: LedgerCounts }> {
  const { tag, schoolId, programmeId, timezone, today, now, calendar } = ctx;

  // Who awards: the coordinator (and every correction) and three teachers.
  const teachers = await Promise.all(
    [1, 2, 3].map((n) =>
      createStaffUser(db, {
        schoolId,
        roles: ["TEACHER"],
        email: `teacher${n}-${tag}-${schoolId}@bench.example`,
        name: `Bench Teacher ${n}`,
      }),
    ),
  );
  const awarders = [ctx.coordinatorId, ...teachers.map((t) => t.id)];
  const categories = await db.pointCategory.findMany({
    where: { schoolId, archivedAt: null },
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, defaultAmount: true },
  });
  const positive = categories.filter((c) => c.defaultAmount > 0);
  const negative = categories.find((c) => c.name === NEGATIVE);
  if (positive.length === 0 || !negative) throw new Error(`The bench school needs positive categories and "${NEGATIVE}".`);

  // Some pupils are given far more than others, so totals spread out (and some tie).
  const weights = ctx.participantIds.map(() => 0.1 + random.next() ** 2 * 3);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const pickPupil = () => {
    const target = random.next() * cumulative.at(-1)!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return ctx.participantIds[lo]!;
  };

  // When: a school day between 08:30 and 16:00, over the whole span or, for a fifth, this half-term.
  const halfTerm = academicCalendar(today).periods.find((p) => p.kind === "HALF_TERM" && p.startsOn <= today && today <= p.endsOn);
  const schoolDayFrom = (start: IsoDate): IsoDate => {
    const span = daysBetween(start, today);
    for (;;) {
      const day = addDaysIso(start, random.int(0, span));
      if (isSchoolDay(day, calendar)) return day;
    }
  };
  const when = (): Date => {
    const day = schoolDayFrom(halfTerm && random.chance(0.2) ? halfTerm.startsOn : ctx.from);
    const start = instantAt(day, "08:30", timezone).getTime();
    return new Date(Math.min(start + Math.floor(random.next() * 7.5 * 60) * 60_000, now.getTime() - 60_000));
  };

  type Entry = Prisma.PointEntryCreateManyInput & { id: string; createdAt: Date };
  const rows: Entry[] = [];
  let reversals = 0;
  let negatives = 0;
  while (rows.length < ctx.entries) {
    const isNegative = random.chance(0.05);
    const category = isNegative ? negative : random.pick(positive);
    const isDefault = random.chance(0.85);
    const amount = isDefault ? category.defaultAmount : isNegative ? -random.int(2, 3) : random.int(1, 5);
    const createdAt = when();
    const entry = {
      id: `${tag}le${rows.length}`,
      schoolId,
      programmeId,
      studentId: pickPupil(),
      amount,
      categoryId: category.id,
      reason: isNegative || !isDefault ? random.pick(REASONS) : "",
      awardedById: random.pick(awarders),
      reversesId: null as string | null,
      createdAt,
    };
    rows.push(entry);
    if (isNegative) negatives += 1;
    if (random.chance(0.02) && rows.length < ctx.entries) {
      const gap = Math.min(7 * DAY_MS, now.getTime() - createdAt.getTime() - 1000);
      rows.push({
        ...entry,
        id: `${tag}le${rows.length}`,
        amount: -amount,
        reason: "Correction: given by mistake",
        awardedById: ctx.coordinatorId,
        reversesId: entry.id,
        createdAt: new Date(createdAt.getTime() + 1000 + Math.floor(random.next() * gap)),
      });
      reversals += 1;
    }
  }
  // Originals before their corrections, as the table fills in real life.
  rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await insertMany(db, rows, "PointEntry");

  // The climbs above zero these entries make, as appendPointEntries records them; some shared.
  const byPupil = new Map<string, { id: string; amount: number; createdAt: Date }[]>();
  for (const r of rows) {
    const list = byPupil.get(r.studentId) ?? [];
    list.push({ id: r.id, amount: r.amount, createdAt: r.createdAt });
    byPupil.set(r.studentId, list);
  }
  const milestones: Prisma.PointMilestoneCreateManyInput[] = [];
  for (const [studentId, ledger] of byPupil) {
    const at = new Map(ledger.map((e) => [e.id, e.createdAt]));
    for (const entryId of aboveZeroMoments(ledger)) {
      const answer = random.next();
      milestones.push({
        id: `${tag}ms${milestones.length}`,
        schoolId,
        studentId,
        entryId,
        reachedAt: at.get(entryId)!,
        isShared: answer < 0.4 ? true : answer < 0.6 ? false : null,
        answeredAt: answer < 0.6 ? at.get(entryId)! : null,
      });
    }
  }
  await insertMany(db, milestones, "PointMilestone");

  // Board profiles: 3% opted out, 1% hidden by staff, 10% with an approved nickname (2% proposed besides).
  const others = ctx.participantIds.filter((id) => id !== ctx.readerStudentId);
  const shuffled = random.sample(others, others.length);
  const share = (p: number) => Math.round(ctx.participantIds.length * p);
  const optedOut = new Set(shuffled.slice(0, share(0.03)));
  const hidden = new Set(shuffled.slice(share(0.03), share(0.04)));
  const named = random.sample(ctx.participantIds, share(0.12));
  const approved = new Set(named.slice(0, share(0.1)));
  const proposed = new Set(named.slice(share(0.1)));
  const profiled = [...new Set([...optedOut, ...hidden, ...named])].sort();
  await insertMany(
    db,
    profiled.map((studentId, i) => ({
      id: `${tag}bp${i}`,
      schoolId,
      studentId,
      isOptedOut: optedOut.has(studentId),
      hiddenAt: hidden.has(studentId) ? now : null,
      hiddenById: hidden.has(studentId) ? ctx.coordinatorId : null,
      hiddenReason: hidden.has(studentId) ? "Asked by their family" : "",
      nickname: approved.has(studentId) || proposed.has(studentId) ? `${random.pick(NICKNAMES)} ${random.int(1, 99)}` : null,
      nicknameStatus: approved.has(studentId) ? ("APPROVED" as const) : proposed.has(studentId) ? ("PROPOSED" as const) : null,
      nicknameDecidedById: approved.has(studentId) ? ctx.coordinatorId : null,
    })),
    "PupilBoardProfile",
  );
  // Nicknames where approved, initials otherwise: the name rule with the most to do.
  await db.pointSettings.create({ data: { schoolId, boardNameStyle: "NICKNAME" } });

  // The reader: a mentee who can sign in (no password: the bench loads the actor as a session would).
  const reader = await db.user.create({
    data: { email: `mentee-${tag}-${schoolId}@bench.example`, name: "Bench Mentee", passwordHash: "!" },
    select: { id: true },
  });
  await db.student.update({ where: { schoolId_id: { schoolId, id: ctx.readerStudentId } }, data: { userId: reader.id } });

  const gte = halfTerm ? instantAt(halfTerm.startsOn, "00:00", timezone).getTime() : now.getTime();
  return {
    readerUserId: reader.id,
    counts: {
      entries: rows.length,
      reversals,
      negatives,
      inHalfTerm: rows.filter((r) => r.createdAt.getTime() >= gte).length,
      optedOut: optedOut.size,
      hidden: hidden.size,
      nicknames: approved.size,
      milestones: milestones.length,
    },
  };
}
