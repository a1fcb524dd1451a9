import "server-only";
import { db } from "@/server/db";
import { notify } from "@/server/notifications";
import { writeAudit } from "@/server/audit";
import { isDueForEscalation } from "@/lib/concerns";
import { staffWhoReadRoute } from "./people";

/**
 * Tells the head about every urgent concern no safeguarding lead has opened within the school's
 * setting (issue 9, ADR 021): once per concern (a conditional update), in the app and by email (the
 * outbox sends it). From then on the head reads it, audited. `now` moves the clock in tests.
 */
export async function escalateUrgentConcerns(now: Date = new Date()): Promise<{ escalated: number }> {
  // The shortest setting any school may choose (5 minutes) bounds what is read; each school's own is checked below.
  const candidates = await db.concern.findMany({
    where: {
      isUrgent: true,
      firstOpenedAt: null,
      escalatedAt: null,
      route: "SAFEGUARDING",
      createdAt: { lte: new Date(now.getTime() - 5 * 60_000) },
    },
    select: {
      id: true,
      schoolId: true,
      isUrgent: true,
      firstOpenedAt: true,
      escalatedAt: true,
      createdAt: true,
      route: true,
      aboutStaffId: true,
      school: { select: { concernEscalateMinutes: true } },
    },
    take: 500,
  });
  let escalated = 0;
  for (const concern of candidates) {
    if (!isDueForEscalation(concern, concern.school.concernEscalateMinutes, now)) continue;
    const done = await db.$transaction(async (tx) => {
      // Never the person a concern names. With no head to tell, it stays unescalated, so the next run
      // tells a head flagged meanwhile.
      const heads = (await staffWhoReadRoute(tx, concern.schoolId, "HEAD")).filter((id) => id !== concern.aboutStaffId);
      if (heads.length === 0) return false;
      const marked = await tx.concern.updateMany({
        where: { schoolId: concern.schoolId, id: concern.id, escalatedAt: null, firstOpenedAt: null },
        data: { escalatedAt: now },
      });
      if (marked.count !== 1) return false;
      for (const userId of heads)
        await notify(tx, {
          schoolId: concern.schoolId,
          userId,
          kind: "concern.escalated",
          message: "An urgent concern has not been opened by a safeguarding lead in time. Please open it now.",
          link: `/safeguarding/concerns/${concern.id}`,
          dedupeKey: `concern-escalated:${concern.id}`,
        });
      await writeAudit(
        tx,
        { userId: null, schoolId: concern.schoolId },
        { action: "concern.escalated", recordType: "Concern", recordId: concern.id, changes: { heads: heads.length } },
      );
      return true;
    });
    if (done) escalated += 1;
  }
  return { escalated };
}
