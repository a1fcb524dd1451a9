import "server-only";
import { db } from "@/server/db";
import { hasRole, type Actor } from "@/server/actor";
import { requireRoleForRead } from "@/server/security-events";
import { fromDbDate } from "@/lib/dates";
import { pupilFullName } from "@/lib/ranking";
import { pupilNameSearch } from "@/features/students/policy";

/**
 * Former pupils who mentored, newest leavers first, 50 at a time with a name search: their latest
 * volunteer check (its reference only for the admin and the safeguarding lead, who record it) and
 * whether they are invited back. The coordinator invites; the admin and the DSL record checks.
 */
export async function listAlumniForStaff(actor: Actor, options: { q?: unknown } = {}) {
  await requireRoleForRead(actor, "ADMIN", "COORDINATOR", "DSL");
  const readsReference = hasRole(actor, "ADMIN", "DSL");
  const rows = await db.student.findMany({
    where: {
      schoolId: actor.schoolId,
      status: "ALUMNI",
      memberships: { some: { role: "MENTOR" } },
      ...pupilNameSearch(options.q),
    },
    orderBy: [{ leftOn: { sort: "desc", nulls: "last" } }, { legalLastName: "asc" }],
    take: 50,
    select: {
      id: true,
      legalFirstName: true,
      legalLastName: true,
      preferredName: true,
      leftOn: true,
      alumniMentorFrom: true,
      personalEmail: true,
      volunteerChecks: {
        orderBy: { checkedOn: "desc" },
        take: 1,
        select: { kind: true, checkedOn: true, reference: true },
      },
    },
  });
  return rows.map((r) => {
    const check = r.volunteerChecks[0];
    return {
      id: r.id,
      name: pupilFullName(r),
      leftOn: r.leftOn ? fromDbDate(r.leftOn) : null,
      isInvited: r.alumniMentorFrom !== null,
      invitedOn: r.alumniMentorFrom,
      personalEmail: r.personalEmail,
      check: check
        ? { kind: check.kind, checkedOn: fromDbDate(check.checkedOn), reference: readsReference ? check.reference : null }
        : null,
    };
  });
}
