import "server-only";
import { db } from "@/server/db";
import { hashSecretToken, isSecretToken } from "@/server/secret-token";
import { loadBoardFacts } from "@/features/points/board-facts";
import { boardFromFacts } from "@/features/points/board-view-model";
import { noticeboardFromBoard, type Noticeboard } from "./noticeboard-view";

const SCHOOL_ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * What a classroom screen shows for its address (ADR 024), or null (a 404): the token must be live in
 * the school the address names, and the programme running. No sign-in: the token is the only key, and
 * the answer is the pupil board (the one pupil-board rule: opted-out and hidden pupils absent, the
 * school's measure and name style, shared climbs only), cut to the screen.
 */
export async function noticeboardFor(schoolId: string, token: string, now: Date = new Date()): Promise<Noticeboard | null> {
  if (!SCHOOL_ID.test(schoolId) || !isSecretToken(token)) return null;
  const link = await db.noticeboardLink.findFirst({
    where: { schoolId, tokenHash: hashSecretToken(token), revokedAt: null, programme: { status: "ACTIVE" } },
    select: { programmeId: true, yearGroup: true, period: true, school: { select: { timezone: true } } },
  });
  if (!link) return null;
  const facts = await loadBoardFacts(db, { schoolId, timezone: link.school.timezone }, link.programmeId, link.period, now);
  if (!facts || facts.programme.status !== "ACTIVE") return null;
  const board =
    link.yearGroup > 0
      ? boardFromFacts(facts, { scope: "YEAR", yearGroup: link.yearGroup }, "pupil")
      : boardFromFacts(facts, { scope: "PROGRAMME" }, "pupil");
  return noticeboardFromBoard(board, link.yearGroup);
}
