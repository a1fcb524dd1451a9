import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { requireRoleForRead } from "@/server/security-events";
import { todayIn } from "@/lib/dates";

/**
 * The school's noticeboard links as the coordinator's page lists them (ADR 024): what each screen
 * shows and whether its link is live. Never an address, a token or its hash: those are shown once.
 */
export async function listNoticeboardLinks(actor: Actor) {
  await requireRoleForRead(actor, "COORDINATOR");
  const rows = await db.noticeboardLink.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      label: true,
      yearGroup: true,
      period: true,
      createdAt: true,
      revokedAt: true,
      tokenHash: true,
      programme: { select: { name: true, status: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    programmeName: row.programme.name,
    /** A live link shows a board only while its programme is running. */
    isProgrammeRunning: row.programme.status === "ACTIVE",
    /** 0: everyone in the programme. */
    yearGroup: row.yearGroup,
    period: row.period,
    madeOn: todayIn(actor.timezone, row.createdAt),
    isLive: row.tokenHash !== null && row.revokedAt === null,
    turnedOffOn: row.revokedAt ? todayIn(actor.timezone, row.revokedAt) : null,
  }));
}
