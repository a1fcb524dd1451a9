import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { fromDbDate } from "@/lib/dates";
import { pupilFirstName } from "@/lib/ranking";

const sessionSelect = {
  id: true,
  heldOn: true,
  durationMinutes: true,
  activity: { select: { name: true } },
  attendances: { select: { attendance: true, student: { select: { legalFirstName: true, preferredName: true } } } },
} as const;

/**
 * Sessions in the pairings this pupil mentors, newest first; `include` adds one more of theirs (the
 * session an "already logged" answer links to, which may be older than the newest ones).
 */
export async function listMySessionsAsMentor(actor: Actor, options: { take?: number; include?: unknown } = {}) {
  if (!actor.studentId) return [];
  const mine = { schoolId: actor.schoolId, pairing: { members: { some: { studentId: actor.studentId, role: "MENTOR" as const } } } };
  const rows = await db.mentoringSession.findMany({
    where: mine,
    orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
    take: options.take ?? 20,
    select: sessionSelect,
  });
  const include = typeof options.include === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(options.include) ? options.include : null;
  if (include && !rows.some((r) => r.id === include)) {
    const extra = await db.mentoringSession.findFirst({ where: { ...mine, id: include }, select: sessionSelect });
    if (extra) rows.push(extra);
  }
  return rows.map((s) => ({
    id: s.id,
    heldOn: fromDbDate(s.heldOn),
    durationMinutes: s.durationMinutes,
    activity: s.activity.name,
    attendances: s.attendances.map((a) => ({ firstName: pupilFirstName(a.student), attendance: a.attendance })),
  }));
}
