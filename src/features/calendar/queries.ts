import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { fromDbDate } from "@/lib/dates";
import { requireRoleForRead } from "@/server/security-events";

/** The school's week and calendar as the admin edits them: years, and each year's dates in order. */
export async function getCalendarForAdmin(actor: Actor) {
  await requireRoleForRead(actor, "ADMIN");
  const [school, years] = await Promise.all([
    db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { timezone: true, weekAStarts: true } }),
    db.academicYear.findMany({
      where: { schoolId: actor.schoolId },
      orderBy: { startsOn: "desc" },
      select: {
        id: true,
        name: true,
        startsOn: true,
        endsOn: true,
        confirmedAt: true,
        periods: {
          orderBy: [{ startsOn: "asc" }, { kind: "asc" }],
          select: { id: true, kind: true, name: true, startsOn: true, endsOn: true },
        },
      },
    }),
  ]);
  return {
    timezone: school.timezone,
    weekAMonday: school.weekAStarts.map(fromDbDate).sort().at(-1) ?? null,
    years: years.map((y) => ({
      id: y.id,
      name: y.name,
      startsOn: fromDbDate(y.startsOn),
      endsOn: fromDbDate(y.endsOn),
      // A rollover's draft (issue 11): plans nothing until the admin checks its dates and confirms it.
      isDraft: y.confirmedAt === null,
      periods: y.periods.map((p) => ({ ...p, startsOn: fromDbDate(p.startsOn), endsOn: fromDbDate(p.endsOn) })),
    })),
  };
}
