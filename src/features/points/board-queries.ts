import "server-only";
import { CURRENT_PUPIL, participantsOf } from "@/features/students/policy";
import { isSchoolStaff, type Actor } from "@/server/actor";
import { db } from "@/server/db";
import { notFoundFor } from "@/server/security-events";
import { todayIn } from "@/lib/dates";
import { yearGroupOn } from "@/lib/year-group";
import { programmesVisibleTo } from "@/features/programmes/policy";
import { loadBoardFacts, loadBoardGroups } from "./board-facts";
import { boardFromFacts, type Board, type BoardRequest } from "./board-view-model";

/**
 * A board for whoever asks: staff any programme of their school; a pupil the programmes they are in,
 * their own year group and their own groups only. Anything else is not found.
 */
export async function getBoard(actor: Actor, request: BoardRequest, now: Date = new Date()): Promise<Board> {
  const programme = await db.programme.findFirst({
    where: { ...programmesVisibleTo(actor), id: request.programmeId },
    select: { id: true },
  });
  if (!programme) return notFoundFor(actor, "Programme", request.programmeId);
  const facts = await loadBoardFacts(db, actor, programme.id, request.period, now);
  if (!facts) return notFoundFor(actor, "Programme", request.programmeId);
  const audience = isSchoolStaff(actor) ? "staff" : "pupil";
  const reader = actor.studentId ? facts.pupils.find((p) => p.studentId === actor.studentId) : undefined;
  if (request.scope === "GROUP") {
    const group = facts.groups.find((g) => g.id === request.pairingId);
    if (!group || (audience === "pupil" && !group.memberIds.includes(actor.studentId ?? "")))
      return notFoundFor(actor, "Pairing", request.pairingId ?? "");
  }
  if (request.scope === "YEAR" && audience === "pupil" && reader?.yearGroup !== request.yearGroup) {
    return notFoundFor(actor, "Programme", request.programmeId);
  }
  const board = boardFromFacts(facts, request, audience);
  const readerOffBoard = !reader || audience === "staff" ? null : reader.isOptedOut ? "OPTED_OUT" : reader.isHidden ? "HIDDEN" : null;
  return { ...board, readerOffBoard };
}

/**
 * The boards a reader may open for a programme: staff every year group and group of it; a pupil their own
 * year group and their own groups. Null when the programme is not theirs.
 */
export async function getBoardChoices(actor: Actor, programmeId?: string) {
  const programmes = await db.programme.findMany({
    where: { ...programmesVisibleTo(actor), status: { not: "DRAFT" } },
    orderBy: [{ startsOn: "desc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
  const programme = programmes.find((p) => p.id === programmeId) ?? programmes[0];
  if (!programme) return { programmes, programme: null, yearGroups: [], groups: [] };
  const today = todayIn(actor.timezone);
  const staff = isSchoolStaff(actor);
  const [groups, cohorts] = await Promise.all([
    loadBoardGroups(db, actor.schoolId, programme.id),
    db.student.findMany({
      where: {
        schoolId: actor.schoolId,
        ...CURRENT_PUPIL,
        ...(staff ? {} : { id: actor.studentId ?? "__none__" }),
        ...participantsOf(programme.id),
      },
      distinct: ["cohortYear"],
      select: { cohortYear: true },
    }),
  ]);
  return {
    programmes,
    programme,
    yearGroups: [...new Set(cohorts.map((c) => yearGroupOn(c.cohortYear, today)))].sort((a, b) => a - b),
    groups: (staff ? groups : groups.filter((g) => g.memberIds.includes(actor.studentId ?? ""))).map((g) => ({ id: g.id, label: g.label })),
  };
}
