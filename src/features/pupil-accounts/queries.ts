import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { textContaining } from "@/server/read";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { openCodesFor } from "@/server/setup-codes";
import { formatSetUpCode } from "@/lib/account-codes";
import { todayIn, type IsoDate } from "@/lib/dates";
import { pupilFullName } from "./names";
import { searchTerm } from "@/lib/schema-helpers";
import { yearGroupOn } from "@/lib/year-group";

// Pupil accounts (issue 11): the school's admins and coordinators only; pupils on roll. A tutor group
// the school does not have (another school's, say) is "not found".

export type AccountStatus = "NO_EMAIL" | "NO_ACCOUNT" | "CODE_WAITING" | "CODE_OUT_OF_DATE" | "NO_CODE" | "PASSWORD_SET";

const ON_ROLL = { status: "ON_ROLL" } as const;
const MAX_SEARCH_ROWS = 200;

function searchWhere(term: string): Prisma.StudentWhereInput {
  return {
    OR: [
      { legalFirstName: textContaining(term) },
      { legalLastName: textContaining(term) },
      { preferredName: textContaining(term) },
      { schoolEmail: textContaining(term) },
    ],
  };
}

/** Each pupil's latest unused code: live (with its expiry) or out of date. */
async function codesOf(schoolId: string, userIds: string[], now: Date) {
  const tokens = await db.accountToken.findMany({
    where: { schoolId, userId: { in: userIds }, kind: "CODE", usedAt: null, revokedAt: null },
    select: { userId: true, expiresAt: true },
  });
  return new Map(tokens.map((t) => [t.userId, { expiresAt: t.expiresAt, isLive: t.expiresAt > now }]));
}

type PupilFacts = { userId: string | null; schoolEmail: string | null; user: { passwordSetAt: Date | null } | null };

function statusOf(p: PupilFacts, codes: Map<string, { expiresAt: Date; isLive: boolean }>): AccountStatus {
  if (!p.userId) return p.schoolEmail?.trim() ? "NO_ACCOUNT" : "NO_EMAIL";
  if (p.user?.passwordSetAt) return "PASSWORD_SET";
  const code = codes.get(p.userId);
  if (!code) return "NO_CODE";
  return code.isLive ? "CODE_WAITING" : "CODE_OUT_OF_DATE";
}

/**
 * The page: every tutor group with its counts, and the pupils of the chosen tutor group or of a search
 * (name or school email), each with their account's state.
 */
export async function listPupilsForAccounts(actor: Actor, options: { tutorGroup?: unknown; q?: unknown } = {}) {
  await requireRoleForRead(actor, "ADMIN", "COORDINATOR");
  const now = new Date();
  const today = todayIn(actor.timezone, now);
  const schoolId = actor.schoolId;
  const tutorGroup = typeof options.tutorGroup === "string" ? options.tutorGroup.trim().slice(0, 40) : "";
  const term = searchTerm(options.q);
  const facts = { userId: true, schoolEmail: true, tutorGroup: true, user: { select: { passwordSetAt: true } } } as const;
  const everyone = await db.student.findMany({ where: { schoolId, ...ON_ROLL }, select: facts });
  const codes = await codesOf(
    schoolId,
    everyone.flatMap((p) => (p.userId ? [p.userId] : [])),
    now,
  );
  const groups = new Map<string, Record<AccountStatus, number> & { pupils: number }>();
  for (const pupil of everyone) {
    const counts = groups.get(pupil.tutorGroup) ?? {
      pupils: 0,
      NO_EMAIL: 0,
      NO_ACCOUNT: 0,
      CODE_WAITING: 0,
      CODE_OUT_OF_DATE: 0,
      NO_CODE: 0,
      PASSWORD_SET: 0,
    };
    counts.pupils += 1;
    counts[statusOf(pupil, codes)] += 1;
    groups.set(pupil.tutorGroup, counts);
  }
  if (tutorGroup && !groups.has(tutorGroup)) return notFoundFor(actor, "TutorGroup", tutorGroup);

  const chosen = tutorGroup ? { tutorGroup } : term ? searchWhere(term) : null;
  const rows = chosen
    ? await db.student.findMany({
        where: { schoolId, ...ON_ROLL, ...chosen },
        orderBy: [{ legalLastName: "asc" }, { legalFirstName: "asc" }, { id: "asc" }],
        take: MAX_SEARCH_ROWS,
        select: { id: true, legalFirstName: true, legalLastName: true, preferredName: true, cohortYear: true, ...facts },
      })
    : [];
  return {
    tutorGroups: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b, "en-GB", { numeric: true }))
      .map(([name, counts]) => ({ name, ...counts })),
    selection: chosen
      ? {
          tutorGroup: tutorGroup || null,
          q: tutorGroup ? "" : term,
          isCut: rows.length === MAX_SEARCH_ROWS,
          pupils: rows.map((p) => {
            const status = statusOf(p, codes);
            const code = p.userId ? codes.get(p.userId) : undefined;
            return {
              id: p.id,
              name: pupilFullName(p),
              tutorGroup: p.tutorGroup,
              yearGroup: yearGroupOn(p.cohortYear, today),
              schoolEmail: p.schoolEmail,
              status,
              codeExpiresOn: code ? (todayIn(actor.timezone, code.expiresAt) as IsoDate) : null,
            };
          }),
        }
      : null,
  };
}

export type PupilAccountsPage = Awaited<ReturnType<typeof listPupilsForAccounts>>;

/**
 * The printable sheet of one tutor group: a card for every pupil with a live code (name, sign-in
 * email, the code, when it runs out). Pupils who have set a password or have no code are not on it.
 */
export async function getSetUpCodeSheet(actor: Actor, tutorGroup: unknown) {
  await requireRoleForRead(actor, "ADMIN", "COORDINATOR");
  const group = typeof tutorGroup === "string" ? tutorGroup.trim().slice(0, 40) : "";
  const pupils = group
    ? await db.student.findMany({
        where: { schoolId: actor.schoolId, ...ON_ROLL, tutorGroup: group },
        orderBy: [{ legalLastName: "asc" }, { legalFirstName: "asc" }, { id: "asc" }],
        select: { legalFirstName: true, legalLastName: true, preferredName: true, userId: true, user: { select: { email: true } } },
      })
    : [];
  if (pupils.length === 0) return notFoundFor(actor, "TutorGroup", group || null);
  const codes = await openCodesFor(
    db,
    actor.schoolId,
    pupils.flatMap((p) => (p.userId ? [p.userId] : [])),
  );
  return {
    schoolName: actor.schoolName,
    tutorGroup: group,
    cards: pupils.flatMap((p) => {
      const code = p.userId ? codes.get(p.userId) : undefined;
      if (!code || !p.user) return [];
      return [
        {
          name: pupilFullName(p),
          email: p.user.email,
          code: formatSetUpCode(code.code),
          expiresOn: todayIn(actor.timezone, code.expiresAt) as IsoDate,
        },
      ];
    }),
  };
}

export type SetUpCodeSheet = Awaited<ReturnType<typeof getSetUpCodeSheet>>;
