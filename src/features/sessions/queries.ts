import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { fromDbDate } from "@/lib/dates";
import { pupilFirstName } from "@/lib/ranking";

/** Sessions in the pairings this pupil mentors, newest first. */
export async function listMySessionsAsMentor(actor: Actor, take = 20) {
  if (!actor.studentId) return [];
  const rows = await db.mentoringSession.findMany({
    where: { schoolId: actor.schoolId, pairing: { members: { some: { studentId: actor.studentId, role: "MENTOR" } } } },
    orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
    take,
    select: {
      id: true,
      heldOn: true,
      durationMinutes: true,
      activity: true,
      attendances: { select: { attendance: true, student: { select: { legalFirstName: true, preferredName: true } } } },
    },
  });
  return rows.map((s) => ({
    id: s.id,
    heldOn: fromDbDate(s.heldOn),
    durationMinutes: s.durationMinutes,
    activity: s.activity,
    attendances: s.attendances.map((a) => ({ firstName: pupilFirstName(a.student), attendance: a.attendance })),
  }));
}
