// Who may read what, written by hand. Every exported function of src/features/*/*queries.ts must
// have a row (found on disk, as the action matrix finds actions). A denied read answers with Next's
// 404, the same answer as a missing record; an allowed read must return what that reader should see,
// checked cell by cell — and another school's coordinator never sees school `a`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/actor";
import { getSafeguardingSettingsForAdmin, getSignInSettingsForAdmin, listStaffForAdmin } from "@/features/admin/queries";
import { getStaffMemberForAdmin } from "@/features/staff/queries";
import { getCalendarForAdmin } from "@/features/calendar/queries";
import { getPairingScheduleForStaff } from "@/features/meetings/queries";
import { getCoordinatorTodo } from "@/features/todo/queries";
import { getMyCalendarLink } from "@/features/feed/queries";
import { listNoticeboardLinks } from "@/features/noticeboards/queries";
import { listAlumniForStaff } from "@/features/alumni/queries";
import { getSchoolDayForAdmin } from "@/features/day-slots/queries";
import { listKeepApart, listPupilsForKeepApart } from "@/features/keep-apart/queries";
import { getGroupSuggestions, getSuggestions, loadMatchingInput } from "@/features/matching/queries";
import { getPupilForCoordinator } from "@/features/profiles/staff-queries";
import { getMentorChoices, getMyProfile } from "@/features/profiles/queries";
import { getPairingForStaff, getPairingToLog, listMyPairings, listPairingsForCoordinator } from "@/features/pairings/queries";
import {
  getMyBoardSettings,
  getMyOpenMilestone,
  getMentorAwarding,
  getMyPoints,
  getPointSettingsForCoordinator,
  listHiddenPupils,
  listNicknameRequests,
  listPointCategories,
  listRecentPoints,
} from "@/features/points/queries";
import { getWeeklyPointsSummary, listPointHistoryForStaff } from "@/features/points/history-queries";
import { listSecurityEventsForAdmin, listSecurityEventsForExport } from "@/features/security-log/queries";
import { getBoard, getBoardChoices } from "@/features/points/board-queries";
import {
  chooseProgrammeForStaff,
  getCoordinatorFigures,
  getProgrammeForCoordinator,
  listProgrammesForActor,
  listProgrammesForCoordinator,
} from "@/features/programmes/queries";
import { listActivitiesForStaff } from "@/features/activities/queries";
import {
  getMentorRecord,
  getSessionForReader,
  listMySessionsAsMentee,
  listMySessionsAsMentor,
  listSupervisedThisWeek,
} from "@/features/sessions/queries";
import { countMyUnreadNotifications, listMyNotifications } from "@/features/notifications/queries";
import { getCheckInForm, listCheckInsForPairing, listMyDueCheckIns } from "@/features/check-ins/queries";
import { listParticipants, listStudentsForAdmin } from "@/features/students/queries";
import { getRolloverPreview } from "@/features/rollover/queries";
import { getSetUpCodeSheet, listPupilsForAccounts } from "@/features/pupil-accounts/queries";
import { db } from "@/server/db";
import { addKeepApartRow, createCheckInResponse, createNotificationRow, createSessionRow } from "@/server/factories";
import { checkInPeriodOn } from "@/lib/check-ins";
import { addDaysIso, fromDbDate } from "@/lib/dates";
import { expectNotFound, isNextNotFound } from "@/test-support/expectations";
import { buildWorld } from "@/test-support/school";
import { OWN_MATRIX_FEATURES } from "@/test-support/own-matrices";
import { listImportDrafts } from "@/features/imports/queries";
import { getPupilImportPreview } from "@/features/pupil-import/queries";
import { suggestMapping } from "@/lib/csv-import";
import { PUPIL_FIELDS } from "@/lib/pupil-import/fields";
import { simsCsv, upnFor } from "@/test-support/mis-file";

type World = Awaited<ReturnType<typeof buildWorld>>;
const COLUMNS = ["ADMIN", "COORDINATOR", "TEACHER", "DSL", "MENTOR", "MENTEE", "otherSchoolCoordinator"] as const;
type Column = (typeof COLUMNS)[number];
type Cells = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
const Y = true;
const N = false;
const FEATURES_DIR = path.dirname(fileURLToPath(import.meta.url));

const text = (value: unknown) => JSON.stringify(value);
/** School `a`'s records appear in the answer (by id), or they do not. */
const mentions = (value: unknown, id: string) => text(value).includes(id);

type Read = {
  name: string;
  read: (actor: Actor, w: World) => Promise<unknown>;
  /** Which columns may read: the others get a 404. */
  access: Cells;
  /** What an allowed reader gets, by column. */
  check: (result: unknown, w: World, column: Column) => void;
};

/** One pupil file uploaded by school a's admin, made once. */
const importDrafts = new Map<string, Promise<string>>();
function importDraftOf(w: World): Promise<string> {
  const key = w.a.school.id;
  if (!importDrafts.has(key)) {
    const text = simsCsv([
      { upn: upnFor(800001), adno: "800001", surname: "Reader", forename: "Rae", dob: "2012-09-14", sex: "F", year: 9, reg: "9R" },
    ]);
    importDrafts.set(
      key,
      db.importDraft
        .create({
          data: {
            schoolId: key,
            kind: "PUPILS",
            fileName: "read.csv",
            fileSha256: "0".repeat(64),
            encoding: "utf-8",
            text,
            mapping: suggestMapping(text.split("\r\n")[0]!.split(","), PUPIL_FIELDS),
            createdById: w.a.staff.admin.id,
            expiresAt: new Date(Date.now() + 60 * 60 * 1000),
          },
        })
        .then((d) => d.id),
    );
  }
  return importDrafts.get(key)!;
}

const noSendDetails = (result: unknown) => expect(text(result)).not.toMatch(/SECRET-SEND-NOTE|sendNotes/);

// Each pupil's check-in sentence (beforeAll): a reader may see their own, never the other pupil's.
const MENTEE_CHECK_IN_NOTE = "SECRET-MENTEE-CHECK-IN";
const MENTOR_CHECK_IN_NOTE = "SECRET-MENTOR-CHECK-IN";
/** A tutor group only school a has (one pupil, set up below). */
const PUPIL_ACCOUNTS_GROUP = "READ-ACCESS-7Z";
const pupilRole = (a: Actor) => (a.roles.includes("MENTOR") ? "MENTOR" : "MENTEE");

// prettier-ignore
//                                                                                    ADMIN COORD TEACH DSL MENTOR MENTEE otherCoord
const READS: Read[] = [
  { name: "listParticipants", read: (a, w) => listParticipants(a, w.a.programme.id), access:                  [N,   Y,    Y,    Y,  N,     N,     Y],
    check: (r, w, c) => {
      const p = r as Awaited<ReturnType<typeof listParticipants>>;
      if (c === "otherSchoolCoordinator") return expect(p).toEqual({ mentors: [], mentees: [] });
      expect(p.mentors.map((m) => m.studentId)).toContain(w.a.pupils.mentor.id);
      expect(p.mentees.map((m) => m.studentId)).toContain(w.a.pupils.mentee.id);
      noSendDetails(p);
    } },
  { name: "listStudentsForAdmin", read: (a) => listStudentsForAdmin(a, {}), access:                            [Y,   N,    N,    N,  N,     N,     N],
    check: (r, w) => {
      const p = r as Awaited<ReturnType<typeof listStudentsForAdmin>>;
      expect(p.total).toBe(6);
      expect(mentions(p, w.b.pupils.mentee.id)).toBe(false);
    } },
  { name: "getCalendarForAdmin", read: (a) => getCalendarForAdmin(a), access:                                  [Y,   N,    N,    N,  N,     N,     N],
    check: (r) => expect(r).toMatchObject({ timezone: "Europe/London", years: [] }) },
  // Read with the ids of school a's own slots, to compare.
  { name: "getSchoolDayForAdmin", read: async (a, w) => ({ day: await getSchoolDayForAdmin(a), own: await db.schoolSlot.findMany({ where: { schoolId: w.a.school.id } }) }),
    access:                                                                                                      [Y,   N,    N,    N,  N,     N,     N],
    check: (r) => {
      const { day, own } = r as { day: Awaited<ReturnType<typeof getSchoolDayForAdmin>>; own: { id: string }[] };
      expect(day.map((s) => s.key)).toEqual(["BREAK", "LUNCH"]);
      expect(day.map((s) => s.id).sort()).toEqual(own.map((s) => s.id).sort());
    } },
  { name: "getSafeguardingSettingsForAdmin", read: (a) => getSafeguardingSettingsForAdmin(a), access:          [Y,   N,    N,    N,  N,     N,     N],
    check: (r, w) => {
      const settings = r as Awaited<ReturnType<typeof getSafeguardingSettingsForAdmin>>;
      expect(settings.concernEscalateMinutes).toBe(30);
      expect(settings.staff.map((s) => s.id)).toContain(w.a.staff.dsl.id);
    } },
  // Issue 12: the school's own sign-in settings (school a's recorded Google domain, not another school's).
  { name: "getSignInSettingsForAdmin", read: async (a, w) => {
      await db.ssoBinding.createMany({ data: [{ schoolId: w.a.school.id, provider: "GOOGLE", value: "read-a.sch.uk", createdById: w.a.staff.admin.id }], skipDuplicates: true });
      await db.ssoBinding.createMany({ data: [{ schoolId: w.b.school.id, provider: "GOOGLE", value: "read-b.sch.uk", createdById: w.b.staff.admin.id }], skipDuplicates: true });
      return getSignInSettingsForAdmin(a);
    }, access:                                                                                                    [Y,   N,    N,    N,  N,     N,     N],
    check: (r) => {
      const settings = r as Awaited<ReturnType<typeof getSignInSettingsForAdmin>>;
      expect(settings.googleDomains).toContain("read-a.sch.uk");
      expect(settings.googleDomains).not.toContain("read-b.sch.uk");
    } },
  // The admin's own import drafts (issue 11); the preview of one of them.
  { name: "listImportDrafts", read: async (a, w) => ({ own: await importDraftOf(w), drafts: await listImportDrafts(a, "PUPILS") }), access: [Y, N, N, N, N, N, N],
    check: (r) => {
      const { drafts, own } = r as { drafts: { id: string }[]; own: string };
      expect(drafts.map((d) => d.id)).toEqual([own]);
    } },
  { name: "getPupilImportPreview", read: async (a, w) => getPupilImportPreview(a, await importDraftOf(w)), access: [Y, N, N, N, N, N, N],
    check: (r) => {
      const p = r as Awaited<ReturnType<typeof getPupilImportPreview>>;
      expect(p.preview).toMatchObject({ counts: { created: 1, errors: 0 } });
      expect(mentions(p, "SECRET-SEND-NOTE")).toBe(false);
    } },
  { name: "listStaffForAdmin", read: (a) => listStaffForAdmin(a), access:                                      [Y,   N,    N,    N,  N,     N,     N],
    check: (r, w) => expect((r as { id: string }[]).map((s) => s.id).sort()).toEqual(Object.values(w.a.staff).map((s) => s.id).sort()) },
  { name: "getStaffMemberForAdmin", read: (a, w) => getStaffMemberForAdmin(a, w.a.staff.teacher.id), access:   [Y,   N,    N,    N,  N,     N,     N],
    check: (r, w) => expect(r).toMatchObject({ id: w.a.staff.teacher.id, roles: ["TEACHER"], isDisabled: false, isSelf: false, isShared: false }) },
  { name: "getCoordinatorTodo", read: (a, w) => getCoordinatorTodo(a, w.a.programme.id), access:                [N,   Y,    N,    N,  N,     N,     N],
    check: (r) => expect(r).toMatchObject({ open: expect.any(Array), setAside: expect.any(Array) }) },
  { name: "getPairingScheduleForStaff", read: (a, w) => getPairingScheduleForStaff(a, w.a.pairing.id), access:  [N,   Y,    N,    N,  N,     N,     N],
    check: (r, w) => expect(r).toMatchObject({ pairingId: w.a.pairing.id, staff: expect.arrayContaining([expect.objectContaining({ userId: w.a.staff.teacher.id })]) }) },
  { name: "getPairingForStaff", read: (a, w) => getPairingForStaff(a, w.a.pairing.id), access:                  [N,   Y,    N,    N,  N,     N,     N],
    check: (r, w) => expect((r as { id: string }).id).toBe(w.a.pairing.id) },
  { name: "getCoordinatorFigures", read: (a, w) => getCoordinatorFigures(a, w.a.programme.id), access:          [N,   Y,    N,    N,  N,     N,     N],
    check: (r) => expect(r).toMatchObject({ livePairings: 2, menteesWithoutPairing: 1 }) },
  { name: "listPairingsForCoordinator", read: (a, w) => listPairingsForCoordinator(a, w.a.programme.id), access: [N,  Y,    N,    N,  N,     N,     Y],
    check: (r, w, c) => expect((r as { id: string }[]).map((p) => p.id).sort()).toEqual(c === "otherSchoolCoordinator" ? [] : [w.a.pairing.id, w.a.otherPairing.id].sort()) },
  { name: "listRecentPoints", read: (a, w) => listRecentPoints(a, w.a.programme.id), access:                    [N,   Y,    Y,    Y,  N,     N,     Y],
    check: (r, w, c) => expect((r as { id: string }[]).map((p) => p.id)).toEqual(c === "otherSchoolCoordinator" ? [] : [w.a.pointEntry.id]) },
  { name: "listKeepApart", read: (a) => listKeepApart(a), access:                                              [N,   Y,    N,    Y,  N,     N,     Y],
    check: (r, _w, c) => expect((r as unknown[]).length).toBe(c === "otherSchoolCoordinator" ? 0 : 1) },
  { name: "listPupilsForKeepApart", read: (a) => listPupilsForKeepApart(a), access:                            [N,   Y,    N,    Y,  N,     N,     Y],
    check: (r, w, c) => expect(mentions(r, w.a.pupils.mentee.id)).toBe(c !== "otherSchoolCoordinator") },
  { name: "getPupilForCoordinator", read: (a, w) => getPupilForCoordinator(a, w.a.pupils.mentee.id), access:     [N,   Y,    N,    N,  N,     N,     N],
    check: (r, w) => expect(mentions(r, w.a.pupils.mentee.id)).toBe(true) },
  { name: "loadMatchingInput", read: (a, w) => loadMatchingInput(a, w.a.programme.id), access:                  [N,   Y,    N,    N,  N,     N,     N],
    check: (r, w) => expect((r as Awaited<ReturnType<typeof loadMatchingInput>>).input.mentees.map((m) => m.id)).toEqual([w.a.pupils.spareMentee.id]) },
  { name: "getSuggestions", read: (a, w) => getSuggestions(a, w.a.programme.id), access:                        [N,   Y,    N,    N,  N,     N,     N],
    check: (r) => expect((r as Awaited<ReturnType<typeof getSuggestions>>).waitingCount).toBe(1) },
  { name: "getGroupSuggestions", read: (a, w) => getGroupSuggestions(a, w.a.programme.id), access:              [N,   Y,    N,    N,  N,     N,     N],
    check: (r) => expect((r as Awaited<ReturnType<typeof getGroupSuggestions>>).waitingCount).toBe(1) },
  { name: "chooseProgrammeForStaff", read: (a, w) => chooseProgrammeForStaff(a, w.a.programme.id), access:      [Y,   Y,    Y,    Y,  N,     N,     N],
    check: (r, w) => expect((r as { programme: { id: string } }).programme.id).toBe(w.a.programme.id) },
  { name: "listProgrammesForCoordinator", read: (a) => listProgrammesForCoordinator(a), access:                 [N,   Y,    N,    N,  N,     N,     Y],
    check: (r, w, c) => expect((r as { id: string }[]).map((p) => p.id)).toEqual([c === "otherSchoolCoordinator" ? w.b.programme.id : w.a.programme.id]) },
  { name: "getProgrammeForCoordinator", read: (a, w) => getProgrammeForCoordinator(a, w.a.programme.id), access: [N,  Y,    N,    N,  N,     N,     N],
    check: (r, w) => expect(r).toMatchObject({ id: w.a.programme.id, version: 1, skips: [], livePairings: 2, slots: [{ name: "Break" }, { name: "Lunch" }] }) },
  // The activity list is the school's: its coordinators and admins keep it, each in their own school.
  { name: "listActivitiesForStaff", read: (a) => listActivitiesForStaff(a), access:                            [Y,   Y,    N,    N,  N,     N,     Y],
    check: (r, w, c) => {
      const list = r as Awaited<ReturnType<typeof listActivitiesForStaff>>;
      const school = c === "otherSchoolCoordinator" ? w.b : w.a;
      expect(list.active.map((x) => x.id).sort()).toEqual(Object.values(school.activityIds).sort());
    } },
  // Pupil reads answer for the reader alone: staff, who are nobody's pupil, get nothing.
  { name: "listProgrammesForActor", read: (a) => listProgrammesForActor(a), access:                           [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, w, c) => expect((r as { id: string }[]).map((p) => p.id)).toEqual(c === "otherSchoolCoordinator" ? [w.b.programme.id] : [w.a.programme.id]) },
  { name: "listMyPairings", read: (a) => listMyPairings(a), access:                                           [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, w, c) => expect((r as { id: string }[]).map((p) => p.id)).toEqual(c === "MENTOR" || c === "MENTEE" ? [w.a.pairing.id] : []) },
  // The teacher supervises the mentor's pairing (set up below), so may log for it.
  { name: "getPairingToLog", read: (a, w) => getPairingToLog(a, w.a.pairing.id), access:                        [N,   Y,    Y,    N,  Y,     N,     N],
    check: (r, w) => expect((r as { id: string; mentees: { studentId: string }[] })).toMatchObject({ id: w.a.pairing.id, mentees: [{ studentId: w.a.pupils.mentee.id }] }) },
  { name: "listMySessionsAsMentor", read: (a) => listMySessionsAsMentor(a), access:                           [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, _w, c) => expect((r as unknown[]).length).toBe(c === "MENTOR" ? 1 : 0) },
  { name: "listMySessionsAsMentee", read: (a) => listMySessionsAsMentee(a), access:                           [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, _w, c) => expect((r as unknown[]).length).toBe(c === "MENTEE" ? 1 : 0) },
  { name: "getMentorRecord", read: (a) => getMentorRecord(a), access:                                         [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, _w, c) => (c === "MENTOR" ? expect(r).toMatchObject({ sessions: 1, minutes: 20, attendancePercent: 100 }) : c === "MENTEE" ? expect(r).toMatchObject({ sessions: 0 }) : expect(r).toBeNull()) },
  // The session in school a was logged by its coordinator: they, the DSL and the supervising teacher read it; nobody else.
  { name: "getSessionForReader", read: async (a, w) => getSessionForReader(a, (await db.mentoringSession.findFirstOrThrow({ where: { pairingId: w.a.pairing.id } })).id), access: [N, Y, Y, Y, N, N, N],
    check: (r, w) => expect(r).toMatchObject({ pairingId: w.a.pairing.id }) },
  { name: "listSupervisedThisWeek", read: (a) => listSupervisedThisWeek(a), access:                           [Y,   Y,    Y,    Y,  N,     N,     Y],
    check: (r, w, c) => expect((r as { id: string }[]).map((p) => p.id)).toEqual(c === "TEACHER" ? [w.a.pairing.id] : []) },
  // Staff read real totals; pupils the board the one pupil-board rule gives (never below zero).
  { name: "getBoard", read: (a, w) => getBoard(a, { programmeId: w.a.programme.id, scope: "PROGRAMME", period: "ALL_TIME" }), access: [Y, Y, Y, Y, Y, Y, N],
    check: (r, w, c) => {
      const board = r as Awaited<ReturnType<typeof getBoard>>;
      expect(board.rows.map((row) => row.studentId)).toContain(w.a.pupils.mentee.id);
      expect(board.audience).toBe(c === "MENTOR" || c === "MENTEE" ? "pupil" : "staff");
      if (board.audience === "pupil") expect(board.rows.every((row) => row.points >= 0)).toBe(true);
      noSendDetails(board);
    } },
  // Everyone reads the boards they may open; another school's coordinator gets their own school's.
  { name: "getBoardChoices", read: (a, w) => getBoardChoices(a, w.a.programme.id), access:                   [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, w, c) => {
      const choices = r as Awaited<ReturnType<typeof getBoardChoices>>;
      if (c === "otherSchoolCoordinator") return expect(mentions(choices, w.a.programme.id)).toBe(false);
      expect(choices.programme?.id).toBe(w.a.programme.id);
      // School a's pairings are 1:1, and only mixed-age groups have group boards.
      expect(choices.groups).toEqual([]);
    } },
  { name: "getMyBoardSettings", read: (a) => getMyBoardSettings(a), access:                                    [N,   N,    N,    N,  Y,     Y,     N],
    check: (r) => expect(r).toMatchObject({ isOptedOut: false, nameStyle: "FIRST_NAME_INITIAL" }) },
  // Only one's own: staff have none.
  { name: "getMyOpenMilestone", read: (a) => getMyOpenMilestone(a), access:                                    [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r) => expect(r).toBeNull() },
  // The school's security events: its admins only, never another school's.
  { name: "listSecurityEventsForAdmin", read: (a) => listSecurityEventsForAdmin(a), access:                    [Y,   N,    N,    N,  N,     N,     N],
    check: (r, w) => expect(mentions(r, w.b.school.id)).toBe(false) },
  { name: "listSecurityEventsForExport", read: (a) => listSecurityEventsForExport(a), access:                  [Y,   N,    N,    N,  N,     N,     N],
    check: (r, w) => expect(mentions(r, w.b.staff.coordinator.id)).toBe(false) },
  // The coordinator's own school's settings, categories, nickname requests and hidden pupils.
  { name: "getPointSettingsForCoordinator", read: (a) => getPointSettingsForCoordinator(a), access:            [N,   Y,    N,    N,  N,     N,     Y],
    check: (r, w, c) => {
      const p = r as Awaited<ReturnType<typeof getPointSettingsForCoordinator>>;
      expect(p.settings.board).toEqual({ measure: "EARNED", nameStyle: "FIRST_NAME_INITIAL" });
      expect(mentions(p, (c === "otherSchoolCoordinator" ? w.a : w.b).categoryIds.Effort!)).toBe(false);
    } },
  { name: "listNicknameRequests", read: (a) => listNicknameRequests(a), access:                                [N,   Y,    N,    N,  N,     N,     Y],
    check: (r) => expect(r).toEqual([]) },
  { name: "listHiddenPupils", read: (a) => listHiddenPupils(a), access:                                        [N,   Y,    N,    N,  N,     N,     Y],
    check: (r) => expect(r).toEqual([]) },
  // A pupil's whole history for staff who read points; the hidden reason for the coordinator only.
  { name: "listPointHistoryForStaff", read: (a, w) => listPointHistoryForStaff(a, w.a.pupils.mentee.id), access: [N, Y,   Y,    Y,  N,     N,     N],
    check: (r, w, c) => {
      const h = r as Awaited<ReturnType<typeof listPointHistoryForStaff>>;
      expect(h.entries.map((e) => e.id)).toContain(w.a.pointEntry.id);
      expect(h.board.hiddenReason === null).toBe(c !== "COORDINATOR");
      noSendDetails(h);
    } },
  { name: "getWeeklyPointsSummary", read: (a, w) => getWeeklyPointsSummary(a, w.a.programme.id, w.a.today), access: [N, Y, Y, Y, N, N, N],
    check: (r, w) => expect((r as Awaited<ReturnType<typeof getWeeklyPointsSummary>>).programme.id).toBe(w.a.programme.id) },
  // A mentor's own awarding, only when the school allows it (school a does not here): null for everyone.
  { name: "getMentorAwarding", read: (a) => getMentorAwarding(a), access:                                      [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r) => expect(r).toBeNull() },
  // Every reader sees what earns each category (clear criteria), and only their own school's.
  { name: "listPointCategories", read: (a) => listPointCategories(a), access:                                   [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, w, c) => {
      const names = (r as Awaited<ReturnType<typeof listPointCategories>>).map((x) => x.name);
      expect(names).toContain("Points lost");
      expect(mentions(r, (c === "otherSchoolCoordinator" ? w.a : w.b).categoryIds.Effort!)).toBe(false);
    } },
  { name: "getMyPoints", read: (a) => getMyPoints(a), access:                                                 [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, _w, c) => expect((r as { total: number }).total).toBe(c === "MENTEE" ? 3 : 0) },
  { name: "getMyProfile", read: (a) => getMyProfile(a), access:                                               [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, _w, c) => (c === "MENTOR" || c === "MENTEE" ? expect(r).toMatchObject({ interests: [] }) : expect(r).toBeNull()) },
  // Mentors and staff: the reader's own link only (none yet), and how many pairings their feed would show
  // (the teacher supervises the mentor's pairing).
  { name: "getMyCalendarLink", read: (a) => getMyCalendarLink(a), access:                                   [Y,   Y,    Y,    Y,  Y,     N,     Y],
    check: (r, _w, c) => expect(r).toMatchObject({ madeOn: null, isStaff: c !== "MENTOR", pairingCount: c === "TEACHER" || c === "MENTOR" ? 1 : 0 }) },
  // Former mentors of the school (none in this world): the admin, coordinator and DSL, each in their own school.
  { name: "listAlumniForStaff", read: (a) => listAlumniForStaff(a), access:                                    [Y,   Y,    N,    Y,  N,     N,     Y],
    check: (r) => expect(r).toEqual([]) },
  // The school's classroom screens, live or turned off, never an address or its hash: coordinators, each in their own school.
  { name: "listNoticeboardLinks", read: (a) => listNoticeboardLinks(a), access:                                [N,   Y,    N,    N,  N,     N,     Y],
    check: (r, _w, c) => {
      expect((r as Awaited<ReturnType<typeof listNoticeboardLinks>>).map((l) => [l.label, l.isLive])).toEqual(c === "otherSchoolCoordinator" ? [] : [["Read access screen", true]]);
      expect(text(r)).not.toMatch(/tokenHash|READ-ACCESS-HASH/);
    } },
  // Notifications are their user's alone: each reader sees their own (one each, the mentor two), nobody else's.
  { name: "countMyUnreadNotifications", read: (a) => countMyUnreadNotifications(a), access:                   [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, _w, c) => expect(r).toBe(c === "MENTOR" ? 2 : 1) },
  { name: "listMyNotifications", read: (a) => listMyNotifications(a), access:                                 [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, _w, c) => {
      const list = r as Awaited<ReturnType<typeof listMyNotifications>>;
      expect(list.items.map((n) => n.message)).toEqual(c === "MENTOR" ? ["For MENTOR, newer", "For MENTOR"] : [`For ${c}`]);
    } },
  // The mentee sent this period's check-in; the mentor has not, so his is still due.
  { name: "listMyDueCheckIns", read: (a) => listMyDueCheckIns(a), access:                                      [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r, w, c) => expect((r as { pairingId: string; role: string }[]).map((d) => [d.pairingId, d.role])).toEqual(c === "MENTOR" ? [[w.a.pairing.id, "MENTOR"]] : []) },
  { name: "getCheckInForm", read: (a, w) => getCheckInForm(a, w.a.pairing.id, pupilRole(a)), access:             [N,   N,    N,    N,  Y,     Y,     N],
    check: (r, w, c) => {
      expect(r).toMatchObject({ pairingId: w.a.pairing.id, role: c, isSentThisPeriod: c === "MENTEE", isLive: true });
      expect(text(r)).not.toMatch(/SECRET-(MENTEE|MENTOR)-CHECK-IN/);
    } },
  { name: "listCheckInsForPairing", read: (a, w) => listCheckInsForPairing(a, w.a.pairing.id), access:           [N,   Y,    N,    Y,  N,     N,     N],
    check: (r, w) => {
      const p = r as Awaited<ReturnType<typeof listCheckInsForPairing>>;
      const answers = p.periods.flatMap((period) => period.answers.map((a) => [period.periodStart, a.studentId, a.role, a.value, a.note]));
      const current = checkInPeriodOn(fromDbDate(w.a.pairing.startsOn), 4, w.a.today)!.periodStart;
      expect(answers).toEqual([
        [current, w.a.pupils.mentee.id, "MENTEE", 2, MENTEE_CHECK_IN_NOTE],
        [addDaysIso(current, -28), w.a.pupils.mentor.id, "MENTOR", 4, MENTOR_CHECK_IN_NOTE],
      ]);
      noSendDetails(p);
    } },
  // Issue 11, pupil accounts: the school's admins and coordinators; a tutor group only school a has is
  // "not found" to another school's coordinator. Its pupils have accounts from the factories, no codes.
  { name: "listPupilsForAccounts", read: (a) => listPupilsForAccounts(a, { tutorGroup: PUPIL_ACCOUNTS_GROUP }), access: [Y, Y, N, N, N, N, N],
    check: (r, w) => {
      const page = r as Awaited<ReturnType<typeof listPupilsForAccounts>>;
      expect(page.selection!.pupils.map((p) => p.status)).toEqual(["NO_CODE"]);
      expect(mentions(page, w.b.pupils.mentor.id)).toBe(false);
    } },
  { name: "getSetUpCodeSheet", read: (a) => getSetUpCodeSheet(a, PUPIL_ACCOUNTS_GROUP), access:                 [Y,   Y,    N,    N,  N,     N,     N],
    check: (r) => expect(r).toMatchObject({ tutorGroup: PUPIL_ACCOUNTS_GROUP, cards: [] }) },
  // The demo mentee has a mentor, so she is offered no choices (pairings/waiting.ts).
  { name: "getMentorChoices", read: (a) => getMentorChoices(a), access:                                       [Y,   Y,    Y,    Y,  Y,     Y,     Y],
    check: (r) => expect(r).toEqual([]) },
  // The new school year: admins only (the world's schools have no calendar, so nothing to roll over yet).
  { name: "getRolloverPreview", read: (a) => getRolloverPreview(a), access:                                   [Y,   N,    N,    N,  N,     N,     N],
    check: (r) => expect(r).toEqual({ kind: "NO_YEAR" }) },
];

/** Every exported function of src/features/<feature>/*queries.ts. */
function discoverQueries(): string[] {
  const found: string[] = [];
  for (const feature of fs.readdirSync(FEATURES_DIR).sort()) {
    const dir = path.join(FEATURES_DIR, feature);
    if (!fs.statSync(dir).isDirectory() || OWN_MATRIX_FEATURES.includes(feature)) continue;
    for (const file of fs.readdirSync(dir).filter((f) => /queries\.ts$/.test(f))) {
      const source = fs.readFileSync(path.join(dir, file), "utf8");
      for (const match of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)|export\s+const\s+(\w+)\s*=/g))
        found.push(match[1] ?? match[2]!);
    }
  }
  return found.sort();
}

describe("read access: the table matches the queries", () => {
  it("has a row for every exported query, and every row a query", () => {
    const discovered = discoverQueries();
    expect(discovered.length).toBeGreaterThan(10);
    expect(
      discovered.filter((name) => !READS.some((r) => r.name === name)),
      "add rows to READS in read-access.test.ts",
    ).toEqual([]);
    expect(
      READS.map((r) => r.name).filter((name) => !discovered.includes(name)),
      "remove these rows",
    ).toEqual([]);
  });
});

describe("read access: each query as each reader", () => {
  let world: World;
  let sessionId: string;
  beforeAll(async () => {
    world = await buildWorld();
    const { a } = world;
    await addKeepApartRow(db, {
      schoolId: a.school.id,
      studentIds: [a.pupils.spareMentor.id, a.pupils.otherMentee.id],
      reason: "SECRET reason",
      createdById: a.staff.dsl.id,
    });
    const session = await createSessionRow(db, {
      schoolId: a.school.id,
      pairingId: a.pairing.id,
      loggedById: a.staff.coordinator.id,
      heldOn: a.today,
      pupils: [{ studentId: a.pupils.mentee.id }],
    });
    sessionId = session.id;
    await db.student.update({
      where: { schoolId_id: { schoolId: a.school.id, id: a.pupils.otherMentor.id } },
      data: { tutorGroup: PUPIL_ACCOUNTS_GROUP },
    });
    await db.pairing.update({
      where: { schoolId_id: { schoolId: a.school.id, id: a.pairing.id } },
      data: { supervisorId: a.staff.teacher.id },
    });
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const column of COLUMNS) {
      const reader = world.actors[column];
      const notice = (message: string, createdAt?: Date) =>
        createNotificationRow(db, { schoolId: reader.schoolId, userId: reader.userId, message, link: "/notifications", createdAt });
      await notice(`For ${column}`, hourAgo);
      if (column === "MENTOR") await notice(`For ${column}, newer`);
    }
    await db.noticeboardLink.create({
      data: {
        schoolId: a.school.id,
        label: "Read access screen",
        programmeId: a.programme.id,
        period: "WEEK",
        tokenHash: "READ-ACCESS-HASH",
        createdById: a.staff.coordinator.id,
      },
    });
    const current = checkInPeriodOn(fromDbDate(a.pairing.startsOn), 4, a.today)!.periodStart;
    const checkIn = { schoolId: a.school.id, pairingId: a.pairing.id };
    await createCheckInResponse(db, {
      ...checkIn,
      studentId: a.pupils.mentee.id,
      role: "MENTEE",
      periodStart: current,
      value: 2,
      note: MENTEE_CHECK_IN_NOTE,
    });
    // The mentor's is from four weeks earlier, so his check-in for this period is still due.
    const earlier = addDaysIso(current, -28);
    await createCheckInResponse(db, {
      ...checkIn,
      studentId: a.pupils.mentor.id,
      role: "MENTOR",
      periodStart: earlier,
      value: 4,
      note: MENTOR_CHECK_IN_NOTE,
    });
  });

  for (const { name, read, access, check } of READS) {
    describe(name, () => {
      it.each(COLUMNS.map((column, i) => [column, access[i]!] as const))("%s → allowed: %s", async (column: Column, isAllowed) => {
        const actor = world.actors[column];
        if (!isAllowed) {
          const startedAt = new Date();
          await expectNotFound(() => read(actor, world));
          // Every 404 a policy gives is recorded as a security event (ADR 005).
          const events = await db.securityEvent.findMany({
            where: { userId: actor.userId, at: { gte: startedAt } },
            select: { kind: true },
          });
          expect(events.map((e) => e.kind)).toEqual([expect.stringMatching(/^access\.(role_refused|not_found)$/)]);
          return;
        }
        check(await read(actor, world), world, column);
      });
    });
  }

  describe("check-ins: a pupil never reads the other pupil's answers", () => {
    it.each([
      ["MENTOR", MENTEE_CHECK_IN_NOTE],
      ["MENTEE", MENTOR_CHECK_IN_NOTE],
    ] as const)("no read gives the %s the other pupil's check-in", async (column, otherNote) => {
      const actor = world.actors[column];
      for (const { name, read } of READS) {
        let result: unknown = null;
        try {
          result = await read(actor, world);
        } catch (error) {
          if (isNextNotFound(error)) continue; // nothing read
          throw error;
        }
        expect(text(result), `${name} as ${column}`).not.toContain(otherNote);
      }
    });

    it("does not open the mentee's check-in to the mentor, nor the mentor's to the mentee", async () => {
      await expectNotFound(() => getCheckInForm(world.actors.MENTOR, world.a.pairing.id, "MENTEE"));
      await expectNotFound(() => getCheckInForm(world.actors.MENTEE, world.a.pairing.id, "MENTOR"));
      await expectNotFound(() => getCheckInForm(world.actors.otherMentor, world.a.pairing.id, "MENTOR"));
      await expectNotFound(() => listCheckInsForPairing(world.actors.MENTOR, world.a.pairing.id));
      await expectNotFound(() => listCheckInsForPairing(world.actors.MENTEE, world.a.pairing.id));
    });
  });

  describe("another school's records", () => {
    it("are not found for that school's coordinator", async () => {
      const other = world.actors.otherSchoolCoordinator;
      await expectNotFound(() => getPairingForStaff(other, world.a.pairing.id));
      await expectNotFound(() => getCoordinatorFigures(other, world.a.programme.id));
      await expectNotFound(() => chooseProgrammeForStaff(other, world.a.programme.id));
      await expectNotFound(() => getProgrammeForCoordinator(other, world.a.programme.id));
      await expectNotFound(() => getPupilForCoordinator(other, world.a.pupils.mentee.id));
      await expectNotFound(() => loadMatchingInput(other, world.a.programme.id));
      await expectNotFound(() => getBoard(other, { programmeId: world.a.programme.id, scope: "PROGRAMME", period: "WEEK" }));
    });

    it("are not found for a mentor of another pairing", async () => {
      await expectNotFound(() => getPairingToLog(world.actors.otherMentor, world.a.pairing.id));
      // Asking the mentor page for another pairing's session by id adds nothing.
      expect(await listMySessionsAsMentor(world.actors.otherMentor, { include: sessionId })).toEqual([]);
      expect((await listMySessionsAsMentor(world.actors.MENTOR, { include: sessionId })).map((s) => s.id)).toEqual([sessionId]);
    });
  });
});
