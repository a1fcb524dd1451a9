// Who may run each server action, written out by hand (never derived from the commands' `allow`
// lists), so a change to a command's roles fails here until someone decides it on purpose.
// Every `export const xAction` in src/features/*/actions.ts must have a row, and every row an action.
// An allowed cell must really succeed (or answer with the rule message written in its row); a denied
// cell must answer "no permission" or "not found" and write nothing.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/actor";
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "@/server/command";
import {
  academicCalendar,
  addMentee,
  addMentor,
  createNotificationRow,
  createPairingRow,
  createPointEntry,
  createProgramme,
  createSessionRow,
  createStaffUser,
  createStudent,
  setPairingSlotRow,
} from "@/server/factories";
import { nextMeetings } from "@/features/meetings/next";
import { checkInPeriodOn } from "@/lib/check-ins";
import { addDaysIso, fromDbDate, toDbDate } from "@/lib/dates";
import { actorFor, FACTORY_PASSWORD } from "@/test-support/actors";
import { runCommand, type RunnableCommand } from "@/test-support/commands";
import { SIGNED_OUT_MESSAGE } from "@/test-support/expectations";
import { buildWorld, uniqueEmail } from "@/test-support/school";
import { db } from "@/server/db";
import { NO_LINK_MESSAGE } from "@/features/feed/commands";
import { STALE_ROLLOVER } from "@/features/rollover/commands";
import { OWN_MATRIX_FEATURES } from "@/test-support/own-matrices";
import { createHash } from "node:crypto";
import { simsCsv, upnFor } from "@/test-support/mis-file";
import { uploadImportFile } from "@/features/imports/commands";
import { getPupilImportPreview } from "@/features/pupil-import/queries";

const FEATURES_DIR = path.dirname(fileURLToPath(import.meta.url));

const COLUMNS = ["signedOut", "ADMIN", "COORDINATOR", "TEACHER", "DSL", "MENTOR", "MENTEE", "otherSchoolCoordinator"] as const;
type Column = (typeof COLUMNS)[number];
/** Allowed and succeeds; denied; or allowed but answers with this rule (a business rule, never a permission answer). */
type Cell = "allowed" | "denied" | { rule: string };
const Y: Cell = "allowed";
const N: Cell = "denied";
type Row = [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];
const NO_PAIRINGS: Cell = { rule: "You can make a calendar link once you supervise a pairing that is on trial or active." };
const NO_LINK: Cell = { rule: NO_LINK_MESSAGE };
const STALE_ROLLOVER_CELL: Cell = { rule: STALE_ROLLOVER };

// "public" rows run before anyone is signed in; they are only checked to exist.
// prettier-ignore
//                                                  out ADMIN COORD TEACH DSL MENTOR MENTEE otherCoord
const MATRIX: Record<string, "public" | Row> = {
  "auth/signInAction": "public",
  "auth/signOutAction": "public",
  "auth/signOutEverywhereAction": "public",
  // Issue 12: single sign-on and the second step of a password sign-in run before there is an actor.
  "auth/ssoSignInAction": "public",
  "auth/confirmTwoFactorAction": "public",
  "auth/enterTwoFactorCodeAction": "public",
  "auth/switchSchoolAction":                        [N, Y,    Y,    Y,    Y,  N,     N,     N],
  "auth/changePasswordAction":                      [N, Y,    Y,    Y,    Y,  Y,     Y,     Y],
  // Adding or creating is in the actor's own school, so another school's coordinator adds to theirs.
  "activities/addActivityAction":                   [N, Y,    Y,    N,    N,  N,     N,     Y],
  "activities/renameActivityAction":                [N, Y,    Y,    N,    N,  N,     N,     N],
  "activities/retireActivityAction":                [N, Y,    Y,    N,    N,  N,     N,     N],
  "activities/restoreActivityAction":               [N, Y,    Y,    N,    N,  N,     N,     N],
  "activities/moveActivityAction":                  [N, Y,    Y,    N,    N,  N,     N,     N],
  "calendar/addCalendarPeriodAction":               [N, Y,    N,    N,    N,  N,     N,     N],
  "calendar/addAcademicYearAction":                 [N, Y,    N,    N,    N,  N,     N,     N],
  "calendar/removeCalendarPeriodAction":            [N, Y,    N,    N,    N,  N,     N,     N],
  "calendar/saveSchoolWeekAction":                  [N, Y,    N,    N,    N,  N,     N,     N],
  "admin/updateSafeguardingSettingsAction":         [N, Y,    N,    N,    N,  N,     N,     N],
  "admin/updateSignInSettingsAction":               [N, Y,    N,    N,    N,  N,     N,     N],
  // Another school's admin would be "not found"; its coordinator has no right at all.
  "admin/setSafeguardingRolesAction":               [N, Y,    N,    N,    N,  N,     N,     N],
  // Mentors and staff who supervise a pairing (here the teacher and the DSL); other staff are told why not.
  "feed/makeCalendarLinkAction":                    [N, NO_PAIRINGS, NO_PAIRINGS, Y, Y, Y, N, NO_PAIRINGS],
  // Anyone with a live link may turn it off (here all but the coordinator, who has none).
  "feed/turnOffCalendarLinkAction":                 [N, Y,    NO_LINK, Y,  Y,  Y,     N,     NO_LINK],
  "day-slots/addDaySlotAction":                     [N, Y,    N,    N,    N,  N,     N,     N],
  "day-slots/updateDaySlotAction":                  [N, Y,    N,    N,    N,  N,     N,     N],
  "day-slots/setYearGroupTimesAction":              [N, Y,    N,    N,    N,  N,     N,     N],
  "day-slots/removeYearGroupTimesAction":           [N, Y,    N,    N,    N,  N,     N,     N],
  "day-slots/retireDaySlotAction":                  [N, Y,    N,    N,    N,  N,     N,     N],
  "day-slots/restoreDaySlotAction":                 [N, Y,    N,    N,    N,  N,     N,     N],
  "keep-apart/addKeepApartAction":                  [N, N,    Y,    N,    Y,  N,     N,     N],
  "keep-apart/removeKeepApartAction":               [N, N,    Y,    N,    Y,  N,     N,     N],
  "matching/acceptSuggestionsAction":               [N, N,    Y,    N,    N,  N,     N,     N],
  "meetings/setPairingSlotAction":                  [N, N,    Y,    N,    N,  N,     N,     N],
  "meetings/moveOccurrenceAction":                  [N, N,    Y,    N,    N,  N,     N,     N],
  "meetings/cancelOccurrenceAction":                [N, N,    Y,    N,    N,  N,     N,     N],
  "meetings/undoOccurrenceChangeAction":            [N, N,    Y,    N,    N,  N,     N,     N],
  // Everyone's own notifications; another school's coordinator is sent school a's (not found).
  "notifications/markNotificationReadAction":       [N, Y,    Y,    Y,    Y,  Y,     Y,     N],
  "notifications/markAllNotificationsReadAction":   [N, Y,    Y,    Y,    Y,  Y,     Y,     N],
  "matching/saveMatchWeightsAction":                [N, N,    Y,    N,    N,  N,     N,     N],
  "programmes/createProgrammeAction":               [N, N,    Y,    N,    N,  N,     N,     Y],
  "programmes/updateProgrammeAction":               [N, N,    Y,    N,    N,  N,     N,     N],
  "programmes/changeProgrammeStatusAction":         [N, N,    Y,    N,    N,  N,     N,     N],
  "programmes/addProgrammeSkipAction":              [N, N,    Y,    N,    N,  N,     N,     N],
  "programmes/removeProgrammeSkipAction":           [N, N,    Y,    N,    N,  N,     N,     N],
  "profiles/updateMyProfileAction":                 [N, N,    N,    N,    N,  Y,     Y,     N],
  "profiles/setMentorPreferencesAction":            [N, N,    N,    N,    N,  N,     Y,     N],
  "profiles/updateMatchingDetailsAction":           [N, N,    Y,    N,    N,  N,     N,     N],
  "profiles/updateMentorProfileAction":             [N, N,    Y,    N,    N,  N,     N,     N],
  "profiles/updateMenteeProfileAction":             [N, N,    Y,    N,    N,  N,     N,     N],
  "pairings/createPairingAction":                   [N, N,    Y,    N,    N,  N,     N,     N],
  "pairings/changePairingStatusAction":             [N, N,    Y,    N,    N,  N,     N,     N],
  // A mentee's own pairing only: every other column sends the mentee column's, and none is a mentee.
  "pairings/pauseMyPlaceAction":                    [N, N,    N,    N,    N,  N,     Y,     N],
  "pairings/pausePairingAction":                    [N, N,    Y,    N,    N,  N,     N,     N],
  "pairings/resumePauseAction":                     [N, N,    Y,    N,    N,  N,     N,     N],
  // Mentors may give points to their own mentees when the school allows it (school a does, here).
  "points/awardPointsAction":                       [N, N,    Y,    Y,    N,  Y,     N,     N],
  "points/awardSessionPointsAction":                [N, N,    Y,    Y,    N,  N,     N,     N],
  "points/reversePointsAction":                     [N, N,    Y,    N,    N,  N,     N,     N],
  "points/addPointCategoryAction":                  [N, N,    Y,    N,    N,  N,     N,     Y],
  "points/updatePointCategoryAction":               [N, N,    Y,    N,    N,  N,     N,     N],
  "points/retirePointCategoryAction":               [N, N,    Y,    N,    N,  N,     N,     N],
  "points/restorePointCategoryAction":              [N, N,    Y,    N,    N,  N,     N,     N],
  // Settings are the actor's own school's: another school's coordinator saves theirs (from the defaults, version 0).
  "points/savePointSettingsAction":                 [N, N,    Y,    N,    N,  N,     N,     Y],
  "points/decideNicknameAction":                    [N, N,    Y,    N,    N,  N,     N,     N],
  "points/setPupilHiddenAction":                    [N, N,    Y,    N,    N,  N,     N,     N],
  // A pupil's own board profile and milestone only.
  "points/setBoardOptOutAction":                    [N, N,    N,    N,    N,  Y,     Y,     N],
  "points/proposeNicknameAction":                   [N, N,    N,    N,    N,  Y,     Y,     N],
  "points/answerMilestoneAction":                   [N, N,    N,    N,    N,  Y,     Y,     N],
  // The coordinator's own school's programmes and screens: another school's coordinator sends school a's (not found).
  "staff/addStaffMemberAction":                     [N, Y,    N,    N,    N,  N,     N,     N],
  "staff/updateStaffMemberAction":                  [N, Y,    N,    N,    N,  N,     N,     N],
  "staff/disableStaffMemberAction":                 [N, Y,    N,    N,    N,  N,     N,     N],
  "staff/enableStaffMemberAction":                  [N, Y,    N,    N,    N,  N,     N,     N],
  "staff/sendSetPasswordLinkAction":                [N, Y,    N,    N,    N,  N,     N,     N],
  "staff/resetStaffTwoFactorAction":                [N, Y,    N,    N,    N,  N,     N,     N],
  "staff/setPasswordWithLinkAction": "public",
  "noticeboards/makeNoticeboardLinkAction":         [N, N,    Y,    N,    N,  N,     N,     N],
  "noticeboards/replaceNoticeboardLinkAction":      [N, N,    Y,    N,    N,  N,     N,     N],
  "noticeboards/turnOffNoticeboardLinkAction":      [N, N,    Y,    N,    N,  N,     N,     N],
  "reviews/recordReviewAction":                     [N, N,    Y,    N,    N,  N,     N,     N],
  "todo/dismissTodoAction":                         [N, N,    Y,    N,    N,  N,     N,     N],
  "sessions/logSessionAction":                      [N, N,    Y,    Y,    N,  Y,     N,     N],
  "sessions/editSessionAction":                     [N, N,    Y,    Y,    N,  Y,     N,     N],
  "check-ins/submitCheckInAction":                  [N, N,    N,    N,    N,  Y,     Y,     N],
  // Issue 11: pupil accounts, by admins and coordinators (not teachers: a reset lets one act as the pupil).
  "pupil-accounts/createPupilAccountsAction":       [N, Y,    Y,    N,    N,  N,     N,     N],
  "pupil-accounts/renewSetUpCodesAction":           [N, Y,    Y,    N,    N,  N,     N,     N],
  "pupil-accounts/resetPupilPasswordAction":        [N, Y,    Y,    N,    N,  N,     N,     N],
  "pupil-accounts/setUpWithCodeAction": "public",
  // The MIS import (issue 11): the admin's own drafts only; another school's coordinator has no right at all.
  "imports/uploadImportFileAction":                 [N, Y,    N,    N,    N,  N,     N,     N],
  "imports/saveImportMappingAction":                [N, Y,    N,    N,    N,  N,     N,     N],
  "imports/discardImportAction":                    [N, Y,    N,    N,    N,  N,     N,     N],
  "pupil-import/commitPupilImportAction":           [N, Y,    N,    N,    N,  N,     N,     N],
  // Issue 11: the admin or the DSL records an alumnus's safeguarding check; the coordinator invites and ends.
  "alumni/recordVolunteerCheckAction":              [N, Y,    N,    N,    Y,  N,     N,     N],
  "alumni/inviteAlumniMentorAction":                [N, N,    Y,    N,    N,  N,     N,     N],
  "alumni/endAlumniMentorAction":                   [N, N,    Y,    N,    N,  N,     N,     N],
  // The new school year (issue 11): admins only. Run here with a basis no preview gave, so it is refused
  // as stale and the shared world keeps its pupils; commands.test.ts runs it for real.
  "rollover/runRolloverAction":                     [N, STALE_ROLLOVER_CELL, N, N, N, N,   N,     N],
  "calendar/confirmAcademicYearAction":             [N, Y,    N,    N,    N,  N,     N,     N],
};

/**
 * The alumni mentor (issue 11, ADR 025) as a ninth column, written apart so the table above keeps its
 * shape: denied every action but these, which run on their own supervised pairing and must succeed.
 */
const ALUMNI_ALLOWED = [
  "auth/changePasswordAction",
  "notifications/markNotificationReadAction",
  "notifications/markAllNotificationsReadAction",
  "sessions/logSessionAction",
  "sessions/editSessionAction",
  "check-ins/submitCheckInAction",
] as const;

type World = Awaited<ReturnType<typeof buildWorld>>;
type Extra = {
  /** Pupils only this table uses, so each row's allowed cells have records of their own. */
  pairForCreate: { mentorId: string; menteeId: string };
  pairForAccept: { mentorId: string; menteeId: string };
  keepApartToRemove: Record<Column, string>;
  keepApartToAdd: Record<Column, [string, string]>;
  academicYear: { id: string; startsOn: string };
  /** A rollover's draft year far ahead, for the admin to confirm. */
  draftYearId: string;
  periodToRemove: Record<Column, string>;
  /** Per column: a draft programme at version 1 (to edit or start), a skipped week to remove, activities of its own. */
  programmeToEdit: Record<Column, { id: string; name: string; startsOn: string }>;
  programmeToClose: Record<Column, string>;
  skipToRemove: Record<Column, string>;
  activityToChange: Record<Column, { rename: string; retire: string; restore: string; move: string }>;
  /** The school's lunch slot, and three planned Wednesdays of the mentor's pairing: to move, to cancel, and one already moved. */
  lunchSlotId: string;
  meetings: { toMove: string; toCancel: string; moved: string };
  /** A session logged by each column that may edit its own (the teacher on the mentor's behalf). */
  sessionsToEdit: Record<"MENTOR" | "COORDINATOR" | "TEACHER", { id: string; heldOn: string }>;
  /** A live pairing made today with no slot, so its one to-do reason is "no slot". */
  todoPairingId: string;
  /** Slots of their own, so changing them leaves the school's Break and Lunch as other rows expect. */
  daySlots: { toChange: string; toRetire: string; retired: string; yearTimeToRemove: string };
  /** Per column, an unread notification of that column's own (another school's coordinator: school a's coordinator's). */
  notificationToRead: Record<Column, string>;
  /** Per column, the newest of two older unread notifications "Mark all as read" was shown (never the one above). */
  newestShown: Record<Column, string>;
  /** The mentee column's own live pairing (in a second programme, so she still waits in the first). */
  menteeCheckInPairingId: string;
  /** A teacher of school a whose safeguarding flags the admin sets. */
  staffToFlag: string;
  /** Another live pairing of hers (a third programme), for her to pause. */
  menteePausePairingId: string;
  /** A live pairing of their own for the coordinator to pause, and a paused one to resume. */
  pairingToPause: string;
  pauseToResume: string;
  /** Categories of school a's own to edit, retire and restore; a pupil with a nickname waiting; each pupil column's milestone. */
  points: { toUpdate: string; toRetire: string; toRestore: string; nicknamePupil: string; milestones: Record<"MENTOR" | "MENTEE", string> };
  /** Two live noticeboard links of school a: one to replace, one to turn off. */
  noticeboardLinks: { toReplace: string; toTurnOff: string };
  /** Per column, pupils of school a: one with a school email and no account, one with an account waiting for a code, one to reset. */
  pupilAccounts: Record<Column, { toCreate: string; toRenew: string; toReset: string }>;
  /** The admin's import drafts: one to map, one to discard, and one previewed (with its fingerprint) to import. */
  imports: { toMap: string; toDiscard: string; toCommit: string; basis: string };
  /** Teachers of school a for the admin to edit, disable, enable (disabled already) and send a link to. */
  staffAccounts: { toUpdate: string; toDisable: string; toEnable: string; toLink: string; toResetTwoFactor: string };
  /** Per column: an alumnus who mentored (to record a check for), one with a check (to invite), one invited (to end). */
  alumni: Record<Column, { toCheck: string; toInvite: string; toEnd: string }>;
};

/** Extra pupils and keep-apart pairs, so no allowed cell depends on another row or column. */
async function prepare(w: World, actors: Record<Column, Actor | null>): Promise<Extra> {
  const { school, programme, today, staff } = w.a;
  const pupil = (yearGroup: number) => createStudent(db, { schoolId: school.id, yearGroup, today });
  const freePair = async () => {
    const [mentor, mentee] = await Promise.all([pupil(11), pupil(8)]);
    await Promise.all([
      addMentor(db, { schoolId: school.id, programmeId: programme.id, studentId: mentor.id }),
      addMentee(db, { schoolId: school.id, programmeId: programme.id, studentId: mentee.id }),
    ]);
    return { mentorId: mentor.id, menteeId: mentee.id };
  };
  const [pairForCreate, pairForAccept, pairForTodo, pairForPause, pairForResume] = await Promise.all([
    freePair(),
    freePair(),
    freePair(),
    freePair(),
    freePair(),
  ]);
  const pairOf = (pair: { mentorId: string; menteeId: string }, status: "ACTIVE" | "PAUSED") =>
    createPairingRow(db, {
      schoolId: school.id,
      programmeId: programme.id,
      createdById: staff.coordinator.id,
      mentorIds: [pair.mentorId],
      menteeIds: [pair.menteeId],
      status,
    });
  const pairingToPause = (await pairOf(pairForPause, "ACTIVE")).id;
  const pausedPairing = await pairOf(pairForResume, "PAUSED");
  const pauseToResume = (
    await db.pause.create({
      data: {
        schoolId: school.id,
        pairingId: pausedPairing.id,
        source: "COORDINATOR",
        reason: "Matrix",
        resumeTo: "ACTIVE",
        pausedById: staff.coordinator.id,
      },
    })
  ).id;
  const todoPairingId = (
    await createPairingRow(db, {
      schoolId: school.id,
      programmeId: programme.id,
      createdById: staff.coordinator.id,
      mentorIds: [pairForTodo.mentorId],
      menteeIds: [pairForTodo.menteeId],
      status: "ACTIVE",
      startsOn: today,
    })
  ).id;
  const keepApartToRemove = {} as Record<Column, string>;
  const keepApartToAdd = {} as Record<Column, [string, string]>;
  for (const column of COLUMNS) {
    const [a, b, c, d] = await Promise.all([pupil(9), pupil(9), pupil(9), pupil(9)]);
    const [x, y] = [a.id, b.id].sort() as [string, string];
    keepApartToRemove[column] = (
      await db.keepApart.create({
        data: { schoolId: school.id, studentAId: x, studentBId: y, reason: "Matrix", createdById: staff.coordinator.id },
      })
    ).id;
    keepApartToAdd[column] = [c.id, d.id];
  }
  // A school year with one INSET day per column to remove (the world's schools have no calendar).
  const year = academicCalendar(today);
  const academicYear = await db.academicYear.create({
    data: {
      schoolId: school.id,
      name: year.name,
      startYear: year.startYear,
      startsOn: toDbDate(year.startsOn),
      endsOn: toDbDate(year.endsOn),
      confirmedAt: new Date(),
    },
  });
  const periodToRemove = {} as Record<Column, string>;
  for (const [i, column] of COLUMNS.entries()) {
    const day = toDbDate(addDaysIso(year.startsOn, 7 + i));
    periodToRemove[column] = (
      await db.calendarPeriod.create({
        data: { schoolId: school.id, academicYearId: academicYear.id, kind: "INSET", name: `Matrix ${column}`, startsOn: day, endsOn: day },
      })
    ).id;
  }
  // Programmes, skipped weeks and activities of each column's own, so no allowed cell depends on another.
  const programmeToEdit = {} as Extra["programmeToEdit"];
  const programmeToClose = {} as Record<Column, string>;
  const skipToRemove = {} as Record<Column, string>;
  const activityToChange = {} as Extra["activityToChange"];
  const skipsProgramme = await createProgramme(db, { schoolId: school.id, startsOn: year.startsOn });
  for (const [i, column] of COLUMNS.entries()) {
    const programme = await createProgramme(db, {
      schoolId: school.id,
      startsOn: year.startsOn,
      status: "DRAFT",
      name: `Matrix ${column}`,
    });
    programmeToEdit[column] = { id: programme.id, name: programme.name, startsOn: year.startsOn };
    programmeToClose[column] = (await createProgramme(db, { schoolId: school.id, startsOn: year.startsOn, status: "DRAFT" })).id;
    skipToRemove[column] = (
      await db.programmeSkip.create({
        data: {
          schoolId: school.id,
          programmeId: skipsProgramme.id,
          startsOn: toDbDate(addDaysIso(year.startsOn, 7 * i)),
          endsOn: toDbDate(addDaysIso(year.startsOn, 7 * i + 4)),
          reason: `Matrix ${column}`,
          createdById: staff.coordinator.id,
        },
      })
    ).id;
    const activity = (name: string, archivedAt: Date | null = null) =>
      db.schoolActivity.create({
        data: { schoolId: school.id, name: `${name} ${column}`, sortOrder: 100 + i, archivedAt },
        select: { id: true },
      });
    activityToChange[column] = {
      rename: (await activity("Rename")).id,
      retire: (await activity("Retire")).id,
      restore: (await activity("Restore", new Date())).id,
      move: (await activity("Move")).id,
    };
  }
  // The mentor's pairing meets on Wednesday lunchtimes; meetings a week or more ahead are changed.
  // The teacher supervises it, so they may log (and edit what they logged) on the mentor's behalf.
  await setPairingSlotRow(db, {
    schoolId: school.id,
    pairingId: w.a.pairing.id,
    weekday: 3,
    slotKey: "LUNCH",
    supervisorId: staff.teacher.id,
  });
  const authors = { MENTOR: w.a.pupils.mentor.userId!, COORDINATOR: staff.coordinator.id, TEACHER: staff.teacher.id };
  const sessionsToEdit = {} as Extra["sessionsToEdit"];
  for (const [i, [column, userId]] of Object.entries(authors).entries()) {
    // Days well before the ones the log row uses (today minus the column's index).
    const heldOn = addDaysIso(today, -20 - i);
    const row = await createSessionRow(db, {
      schoolId: school.id,
      pairingId: w.a.pairing.id,
      loggedById: userId,
      heldOn,
      pupils: [{ studentId: w.a.pupils.mentee.id }],
    });
    sessionsToEdit[column as keyof typeof authors] = { id: row.id, heldOn };
  }
  const lunchSlotId = (await db.pairing.findFirstOrThrow({ where: { id: w.a.pairing.id } })).slotId!;
  const { meetings } = await nextMeetings(school.id, [{ id: w.a.pairing.id, status: "ACTIVE" }]);
  const first = meetings.get(w.a.pairing.id)!.plannedOn;
  const planned = { toMove: addDaysIso(first, 7), toCancel: addDaysIso(first, 14), moved: addDaysIso(first, 21) };
  await db.occurrenceException.create({
    data: {
      schoolId: school.id,
      pairingId: w.a.pairing.id,
      originalOn: toDbDate(planned.moved),
      change: "CANCELLED",
      reason: "Matrix",
      createdById: staff.coordinator.id,
    },
  });
  // The teacher and the DSL supervise a pairing each; the admin, teacher, DSL and mentor have a live
  // calendar link (the admin's from when they supervised one), so either feed row runs first.
  await db.pairing.update({
    where: { schoolId_id: { schoolId: school.id, id: w.a.pairing.id } },
    data: { supervisorId: staff.teacher.id },
  });
  await db.pairing.update({
    where: { schoolId_id: { schoolId: school.id, id: w.a.otherPairing.id } },
    data: { supervisorId: staff.dsl.id },
  });
  await db.calendarFeed.createMany({
    data: [staff.admin.id, staff.teacher.id, staff.dsl.id, w.a.pupils.mentor.userId!].map((userId, i) => ({
      schoolId: school.id,
      userId,
      tokenHash: `matrix-${i}-${school.id}`,
    })),
  });
  const slot = (key: string, archivedAt: Date | null = null) =>
    db.schoolSlot.create({
      data: { schoolId: school.id, key, name: `Matrix ${key}`, startTime: "15:20", endTime: "16:00", sortOrder: 9, archivedAt },
    });
  const [toChange, toRetire, retired] = await Promise.all([slot("CHANGE"), slot("RETIRE"), slot("RETIRED", new Date())]);
  const yearTimeToRemove = await db.schoolSlotYearTime.create({
    data: { schoolId: school.id, slotId: toChange.id, yearGroup: 12, startTime: "15:30", endTime: "16:10" },
  });
  const notificationToRead = {} as Record<Column, string>;
  const newestShown = {} as Record<Column, string>;
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  for (const column of COLUMNS) {
    const owner = column === "otherSchoolCoordinator" ? actors.COORDINATOR : actors[column];
    if (!owner) continue;
    const notice = (createdAt?: Date) =>
      createNotificationRow(db, {
        schoolId: owner.schoolId,
        userId: owner.userId,
        message: `Matrix ${column}`,
        link: "/notifications",
        createdAt,
      });
    await notice(hourAgo);
    newestShown[column] = (await notice(hourAgo)).id;
    notificationToRead[column] = (await notice()).id;
  }
  return {
    todoPairingId,
    sessionsToEdit,
    lunchSlotId,
    meetings: planned,
    pairForCreate,
    pairForAccept,
    keepApartToRemove,
    keepApartToAdd,
    academicYear: { id: academicYear.id, startsOn: year.startsOn },
    draftYearId: (
      await db.academicYear.create({
        data: { schoolId: school.id, name: "2095–96", startYear: 2095, startsOn: toDbDate("2095-09-01"), endsOn: toDbDate("2096-08-31") },
      })
    ).id,
    periodToRemove,
    programmeToEdit,
    programmeToClose,
    skipToRemove,
    activityToChange,
    daySlots: { toChange: toChange.id, toRetire: toRetire.id, retired: retired.id, yearTimeToRemove: yearTimeToRemove.id },
    notificationToRead,
    newestShown,
    menteeCheckInPairingId: "",
    staffToFlag: (await createStaffUser(db, { schoolId: school.id, roles: ["TEACHER"], email: uniqueEmail("flag") })).id,
    menteePausePairingId: "",
    pairingToPause,
    pauseToResume,
    points: await preparePoints(w, actors),
    noticeboardLinks: await prepareNoticeboardLinks(w),
    pupilAccounts: await preparePupilAccounts(w),
    imports: await prepareImports(actors.ADMIN!),
    staffAccounts: await prepareStaffAccounts(w),
    alumni: await prepareAlumni(w),
  };
}

async function preparePupilAccounts(w: World): Promise<Extra["pupilAccounts"]> {
  const { school, today } = w.a;
  const out = {} as Extra["pupilAccounts"];
  for (const column of COLUMNS) {
    const toCreate = await createStudent(db, { schoolId: school.id, yearGroup: 9, tutorGroup: "9M", today });
    await db.student.update({
      where: { schoolId_id: { schoolId: school.id, id: toCreate.id } },
      data: { schoolEmail: uniqueEmail(`matrix-${column}`) },
    });
    const withAccount = () =>
      createStudent(db, { schoolId: school.id, yearGroup: 9, tutorGroup: "9M", today, account: { email: uniqueEmail("matrix-pupil") } });
    out[column] = { toCreate: toCreate.id, toRenew: (await withAccount()).id, toReset: (await withAccount()).id };
  }
  return out;
}

/** A pupil file of one new pupil (not the whole roll, so the world's pupils stay), uploaded by the admin. */
function matrixPupilFile(n: number) {
  const text = simsCsv([
    { upn: upnFor(n), adno: `M${n}`, surname: `Matrix${n}`, forename: "Ada", dob: "2012-09-14", sex: "F", year: 9, reg: "9M" },
  ]);
  return {
    kind: "PUPILS",
    fileName: "matrix.csv",
    fileText: text,
    sha256: createHash("sha256").update(text).digest("hex"),
    encoding: "utf-8",
  };
}

async function prepareImports(admin: Actor): Promise<Extra["imports"]> {
  const upload = async (n: number) => (await uploadImportFile.run(admin, matrixPupilFile(n))).recordId!;
  const [toMap, toDiscard, toCommit] = [await upload(900001), await upload(900002), await upload(900003)];
  const preview = await getPupilImportPreview(admin, toCommit);
  return { toMap, toDiscard, toCommit, basis: preview.preview!.fingerprint };
}

/** A former mentor of school a: left, with their old pairing ended, and optionally checked and invited back. */
async function formerMentor(w: World, options: { checked: boolean; invited: boolean; email?: string }) {
  const { school, programme, staff, today } = w.a;
  const alumnus = await createStudent(db, {
    schoolId: school.id,
    yearGroup: 11,
    status: "ALUMNI",
    today,
    ...(options.email ? { account: { email: options.email } } : {}),
  });
  const mentee = await createStudent(db, { schoolId: school.id, yearGroup: 8, today });
  await createPairingRow(db, {
    schoolId: school.id,
    programmeId: programme.id,
    createdById: staff.coordinator.id,
    mentorIds: [alumnus.id],
    menteeIds: [mentee.id],
    status: "ENDED",
    closureReason: "PUPIL_LEFT",
  });
  if (options.checked)
    await db.volunteerCheck.create({
      data: {
        schoolId: school.id,
        studentId: alumnus.id,
        kind: "ENHANCED_DBS",
        checkedOn: toDbDate(addDaysIso(today, -30)),
        reference: "001234567890",
        recordedById: staff.admin.id,
      },
    });
  if (options.invited)
    await db.student.update({ where: { schoolId_id: { schoolId: school.id, id: alumnus.id } }, data: { alumniMentorFrom: new Date() } });
  return alumnus;
}

async function prepareAlumni(w: World): Promise<Extra["alumni"]> {
  const alumni = {} as Extra["alumni"];
  for (const column of COLUMNS) {
    alumni[column] = {
      toCheck: (await formerMentor(w, { checked: false, invited: false })).id,
      toInvite: (await formerMentor(w, { checked: true, invited: false })).id,
      toEnd: (await formerMentor(w, { checked: true, invited: true })).id,
    };
  }
  return alumni;
}

/**
 * An alumni mentor signed in, with a new pairing of their own that a teacher supervises: a mentee, a
 * session they logged, notifications; the inputs for the actions they may run.
 */
async function prepareAlumniMentor(w: World) {
  const { school, programme, staff, today } = w.a;
  const alumnus = await formerMentor(w, { checked: true, invited: true, email: uniqueEmail("alumni-mentor") });
  const mentee = await createStudent(db, { schoolId: school.id, yearGroup: 7, today });
  const pairing = await createPairingRow(db, {
    schoolId: school.id,
    programmeId: programme.id,
    createdById: staff.coordinator.id,
    mentorIds: [alumnus.id],
    menteeIds: [mentee.id],
    startsOn: addDaysIso(today, -42),
  });
  await db.pairing.update({ where: { schoolId_id: { schoolId: school.id, id: pairing.id } }, data: { supervisorId: staff.teacher.id } });
  const actor = await actorFor(alumnus.userId!);
  const heldOn = addDaysIso(today, -14);
  const session = await createSessionRow(db, {
    schoolId: school.id,
    pairingId: pairing.id,
    loggedById: alumnus.userId!,
    heldOn,
    pupils: [{ studentId: mentee.id }],
  });
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  const notice = (createdAt?: Date) =>
    createNotificationRow(db, {
      schoolId: school.id,
      userId: alumnus.userId!,
      message: "Matrix alumni",
      link: "/notifications",
      createdAt,
    });
  const newest = await notice(hourAgo);
  const toRead = await notice();
  const inputs: Record<(typeof ALUMNI_ALLOWED)[number], Record<string, unknown>> = {
    "auth/changePasswordAction": INPUTS["auth/changePasswordAction"]!(w, "MENTOR", {} as Extra),
    "notifications/markNotificationReadAction": { notificationId: toRead.id },
    "notifications/markAllNotificationsReadAction": { newestId: newest.id },
    "sessions/logSessionAction": {
      pairingId: pairing.id,
      heldOn: addDaysIso(today, -1),
      durationMinutes: "20",
      activityId: w.a.activityIds["Check-in chat"]!,
      notes: "Matrix alumni",
      fitCheck: "YES",
      [`attendance_${mentee.id}`]: "PRESENT",
    },
    "sessions/editSessionAction": {
      sessionId: session.id,
      version: "1",
      heldOn,
      durationMinutes: "25",
      activityId: w.a.activityIds["Games"]!,
      notes: "Matrix alumni edit",
      [`attendance_${mentee.id}`]: "LATE",
    },
    "check-ins/submitCheckInAction": {
      pairingId: pairing.id,
      questionnaireKey: "mentor-check-in",
      periodStart: checkInPeriodOn(addDaysIso(today, -42), 4, today)!.periodStart,
      going: "3",
      note: "Matrix alumni",
    },
  };
  return { actor, inputs };
}

async function prepareStaffAccounts(w: World): Promise<Extra["staffAccounts"]> {
  const teacher = async (label: string) =>
    (await createStaffUser(db, { schoolId: w.a.school.id, roles: ["TEACHER"], email: uniqueEmail(`matrix-${label}`) })).id;
  const [toUpdate, toDisable, toEnable, toLink, toResetTwoFactor] = await Promise.all([
    teacher("update"),
    teacher("disable"),
    teacher("enable"),
    teacher("link"),
    teacher("two-factor"),
  ]);
  await db.membership.updateMany({ where: { schoolId: w.a.school.id, userId: toEnable }, data: { disabledAt: new Date() } });
  await db.user.update({ where: { id: toResetTwoFactor }, data: { totpSecret: "matrix-sealed", totpConfirmedAt: new Date() } });
  return { toUpdate, toDisable, toEnable, toLink, toResetTwoFactor };
}

async function prepareNoticeboardLinks(w: World): Promise<Extra["noticeboardLinks"]> {
  const { school, programme, staff } = w.a;
  const link = async (label: string) =>
    (
      await db.noticeboardLink.create({
        data: {
          schoolId: school.id,
          label,
          programmeId: programme.id,
          period: "WEEK",
          tokenHash: `matrix-${label}-${school.id}`,
          createdById: staff.coordinator.id,
        },
      })
    ).id;
  return { toReplace: await link("replace"), toTurnOff: await link("turn-off") };
}

async function preparePoints(w: World, actors: Record<Column, Actor | null>): Promise<Extra["points"]> {
  const { school, programme, staff, today } = w.a;
  const category = (name: string, archivedAt: Date | null = null) =>
    db.pointCategory.create({ data: { schoolId: school.id, name, description: "Matrix", defaultAmount: 1, archivedAt } });
  const [toUpdate, toRetire, toRestore] = await Promise.all([
    category("Matrix update"),
    category("Matrix retire"),
    category("Matrix restore", new Date()),
  ]);
  await db.pointSettings.create({ data: { schoolId: school.id, mentorsMayAward: true } });
  const nicknamePupil = await createStudent(db, { schoolId: school.id, yearGroup: 8, today });
  await db.pupilBoardProfile.create({
    data: { schoolId: school.id, studentId: nicknamePupil.id, nickname: "Sunny", nicknameStatus: "PROPOSED" },
  });
  const milestoneFor = async (studentId: string) => {
    const entry = await createPointEntry(db, {
      schoolId: school.id,
      programmeId: programme.id,
      studentId,
      awardedById: staff.teacher.id,
      amount: 1,
    });
    return (await db.pointMilestone.create({ data: { schoolId: school.id, studentId, entryId: entry.id } })).id;
  };
  return {
    toUpdate: toUpdate.id,
    toRetire: toRetire.id,
    toRestore: toRestore.id,
    nicknamePupil: nicknamePupil.id,
    milestones: { MENTOR: await milestoneFor(w.a.pupils.mentor.id), MENTEE: await milestoneFor(actors.MENTEE!.studentId!) },
  };
}

/** A live pairing for a mentee in a second programme of school `a`, six weeks old, so a check-in is due. */
async function pairInSecondProgramme(w: World, menteeId: string): Promise<string> {
  const { school, today, staff } = w.a;
  const programme = await createProgramme(db, { schoolId: school.id });
  const mentor = await createStudent(db, { schoolId: school.id, yearGroup: 11, today });
  await Promise.all([
    addMentor(db, { schoolId: school.id, programmeId: programme.id, studentId: mentor.id }),
    addMentee(db, { schoolId: school.id, programmeId: programme.id, studentId: menteeId }),
  ]);
  const pairing = await createPairingRow(db, {
    schoolId: school.id,
    programmeId: programme.id,
    createdById: staff.coordinator.id,
    mentorIds: [mentor.id],
    menteeIds: [menteeId],
    startsOn: addDaysIso(today, -42),
  });
  return pairing.id;
}

// Valid input for school `a` for each action and column; another school's coordinator sends the same ids.
const INPUTS: Record<string, (w: World, column: Column, x: Extra) => Record<string, unknown>> = {
  "matching/acceptSuggestionsAction": (w, _c, x) => ({
    programmeId: w.a.programme.id,
    pairs: `${x.pairForAccept.menteeId}:${x.pairForAccept.mentorId}`,
  }),
  "matching/saveMatchWeightsAction": (w) => ({
    programmeId: w.a.programme.id,
    focusFit: "5",
    rankedFirst: "10",
    rankedSecond: "6",
    rankedThird: "3",
    sharedInterests: "2",
    yearGapCloseness: "4",
    livedExperience: "5",
  }),
  "profiles/updateMyProfileAction": () => ({ interests: "football, chess", availability: ["MON_LUNCH", "WED_BREAK"], aboutMe: "Matrix" }),
  "profiles/setMentorPreferencesAction": (w) => ({ programmeId: w.a.programme.id, first: w.a.pupils.mentor.id }),
  "profiles/updateMatchingDetailsAction": (w) => ({
    studentId: w.a.pupils.spareMentee.id,
    interests: "chess",
    availability: ["MON_LUNCH"],
    livedExperience: [],
  }),
  "profiles/updateMentorProfileAction": (w) => ({
    programmeId: w.a.programme.id,
    studentId: w.a.pupils.otherMentor.id,
    capacity: "1",
    trainingComplete: "on",
    strength_WELLBEING: "3",
  }),
  "profiles/updateMenteeProfileAction": (w) => ({
    programmeId: w.a.programme.id,
    studentId: w.a.pupils.otherMentee.id,
    focusAreas: ["WELLBEING"],
  }),
  "keep-apart/addKeepApartAction": (_w, column, x) => ({
    studentAId: x.keepApartToAdd[column][0],
    studentBId: x.keepApartToAdd[column][1],
    reason: "Access matrix check",
  }),
  "keep-apart/removeKeepApartAction": (_w, column, x) => ({ keepApartId: x.keepApartToRemove[column] }),
  "calendar/addCalendarPeriodAction": (_w, _c, x) => ({
    academicYearId: x.academicYear.id,
    kind: "HOLIDAY",
    name: "Matrix bank holiday",
    startsOn: addDaysIso(x.academicYear.startsOn, 40),
    endsOn: addDaysIso(x.academicYear.startsOn, 46), // a whole week, so it holds school days whatever the year
  }),
  "calendar/removeCalendarPeriodAction": (_w, column, x) => ({ periodId: x.periodToRemove[column] }),
  // A year far ahead, so it overlaps nothing the world has.
  "calendar/addAcademicYearAction": () => ({ startYear: "2090", startsOn: "2090-09-01", endsOn: "2091-08-31" }),
  "calendar/confirmAcademicYearAction": (_w, _c, x) => ({ academicYearId: x.draftYearId }),
  "rollover/runRolloverAction": () => ({ finalYearGroup: "11", close: [], basis: "0".repeat(64) }),
  // A pairing made today with no slot: on the to-do ("No regular slot yet") with that cause alone.
  "todo/dismissTodoAction": (w, _c, x) => ({ pairingId: x.todoPairingId, programmeId: w.a.programme.id, cause: "NO_SLOT", note: "Matrix" }),
  "meetings/setPairingSlotAction": (w, _c, x) => ({
    pairingId: w.a.pairing.id,
    weekday: "3",
    slotId: x.lunchSlotId,
    place: "Library",
    minutes: "20",
    cadence: "WEEKLY",
    supervisorId: w.a.staff.teacher.id,
  }),
  "meetings/moveOccurrenceAction": (w, _c, x) => ({
    pairingId: w.a.pairing.id,
    originalOn: x.meetings.toMove,
    movedTo: addDaysIso(x.meetings.toMove, 1),
    startTime: "12:30",
    place: "Hall",
    reason: "Matrix",
  }),
  "meetings/cancelOccurrenceAction": (w, _c, x) => ({ pairingId: w.a.pairing.id, originalOn: x.meetings.toCancel, reason: "Matrix" }),
  "meetings/undoOccurrenceChangeAction": (w, _c, x) => ({ pairingId: w.a.pairing.id, originalOn: x.meetings.moved }),
  "calendar/saveSchoolWeekAction": () => ({ timezone: "Europe/London", weekAMonday: "2026-09-07" }),
  "admin/updateSafeguardingSettingsAction": () => ({ dangerInstruction: "Go to the office now.", concernEscalateMinutes: "20" }),
  "admin/setSafeguardingRolesAction": (_w, _c, x) => ({ userId: x.staffToFlag, dsl: "on" }),
  "activities/addActivityAction": (_w, column) => ({ name: `Matrix activity ${column}` }),
  "activities/renameActivityAction": (_w, column, x) => ({ activityId: x.activityToChange[column].rename, name: `Renamed ${column}` }),
  "activities/retireActivityAction": (_w, column, x) => ({ activityId: x.activityToChange[column].retire }),
  "activities/restoreActivityAction": (_w, column, x) => ({ activityId: x.activityToChange[column].restore }),
  "activities/moveActivityAction": (_w, column, x) => ({ activityId: x.activityToChange[column].move, direction: "up" }),
  "programmes/createProgrammeAction": (_w, column, x) => ({
    name: `New programme ${column}`,
    focusAreas: ["WELLBEING"],
    format: "ONE_TO_ONE",
    cadence: "WEEKLY",
    sessionMinutes: "20",
    startsOn: x.academicYear.startsOn,
  }),
  "programmes/updateProgrammeAction": (_w, column, x) => ({
    programmeId: x.programmeToEdit[column].id,
    version: "1",
    name: `${x.programmeToEdit[column].name} renamed`,
    focusAreas: ["WELLBEING"],
    format: "BOTH",
    cadence: "WEEKLY",
    sessionMinutes: "20",
    startsOn: x.programmeToEdit[column].startsOn,
    minYearGap: "1",
    maxYearGap: "4",
    groupSize: "3",
    isTrainingRequired: "on",
    todoLogGraceDays: "2",
    todoFirstSessionDays: "5",
    todoFirstWeeks: "4",
    todoFirstWeeksSessions: "2",
    todoAbsentRun: "2",
    todoCheckInLow: "2",
    todoCheckInChange: "2",
    checkInEveryWeeks: "4",
  }),
  "programmes/changeProgrammeStatusAction": (_w, column, x) => ({
    programmeId: x.programmeToClose[column],
    version: "1",
    status: "CLOSED",
  }),
  // A day inside the programme (started 60 days ago) and the school year: only the coordinator's run writes.
  "programmes/addProgrammeSkipAction": (w) => ({
    programmeId: w.a.programme.id,
    startsOn: w.a.today,
    endsOn: w.a.today,
    yearGroup: "11",
    reason: "Matrix mocks",
  }),
  "programmes/removeProgrammeSkipAction": (_w, column, x) => ({ skipId: x.skipToRemove[column] }),
  "feed/makeCalendarLinkAction": () => ({}),
  "feed/turnOffCalendarLinkAction": () => ({}),
  "day-slots/addDaySlotAction": () => ({ name: "Matrix club", startTime: "15:20", endTime: "16:30" }),
  "day-slots/updateDaySlotAction": (_w, _c, x) => ({
    slotId: x.daySlots.toChange,
    name: "Matrix changed",
    startTime: "15:25",
    endTime: "16:05",
  }),
  "day-slots/setYearGroupTimesAction": (_w, _c, x) => ({
    slotId: x.daySlots.toChange,
    yearGroup: "7",
    startTime: "15:10",
    endTime: "15:50",
  }),
  "day-slots/removeYearGroupTimesAction": (_w, _c, x) => ({ yearTimeId: x.daySlots.yearTimeToRemove }),
  "day-slots/retireDaySlotAction": (_w, _c, x) => ({ slotId: x.daySlots.toRetire }),
  "day-slots/restoreDaySlotAction": (_w, _c, x) => ({ slotId: x.daySlots.retired }),
  "notifications/markNotificationReadAction": (_w, column, x) => ({ notificationId: x.notificationToRead[column] }),
  "notifications/markAllNotificationsReadAction": (_w, column, x) => ({ newestId: x.newestShown[column] }),
  "auth/switchSchoolAction": (w) => ({ schoolId: w.a.school.id }),
  // Each column is a different person changing their own password.
  "auth/changePasswordAction": () => ({
    currentPassword: FACTORY_PASSWORD,
    newPassword: "matrix passphrase 123",
    confirmPassword: "matrix passphrase 123",
  }),
  "pairings/createPairingAction": (w, _c, x) => ({
    programmeId: w.a.programme.id,
    kind: "ONE_TO_ONE",
    mentorIds: x.pairForCreate.mentorId,
    menteeIds: x.pairForCreate.menteeId,
    startsOn: w.a.today,
  }),
  "pairings/changePairingStatusAction": (w) => ({ pairingId: w.a.otherPairing.id, status: "PAUSED" }),
  "pairings/pauseMyPlaceAction": (_w, _c, x) => ({ pairingId: x.menteePausePairingId, reason: "Matrix" }),
  "pairings/pausePairingAction": (_w, _c, x) => ({ pairingId: x.pairingToPause, reason: "Matrix" }),
  "pairings/resumePauseAction": (_w, _c, x) => ({ pauseId: x.pauseToResume }),
  "points/awardPointsAction": (w) => ({
    programmeId: w.a.programme.id,
    studentIds: w.a.pupils.mentee.id,
    amount: "1",
    categoryId: w.a.categoryIds.Effort,
    reason: "Access matrix check",
  }),
  // Once per session and category: each allowed column gives its own category.
  "points/awardSessionPointsAction": (w, column, x) => ({
    sessionId: x.sessionsToEdit.MENTOR.id,
    categoryId: column === "TEACHER" ? w.a.categoryIds.Effort : w.a.categoryIds.Attendance,
  }),
  "points/reversePointsAction": (w) => ({ entryId: w.a.pointEntry.id, reason: "Access matrix check" }),
  "points/addPointCategoryAction": (_w, column) => ({ name: `Matrix ${column}`, description: "Access matrix check", defaultAmount: "2" }),
  "points/updatePointCategoryAction": (_w, _c, x) => ({
    categoryId: x.points.toUpdate,
    version: "1",
    name: "Matrix updated",
    description: "Access matrix check",
    defaultAmount: "3",
  }),
  "points/retirePointCategoryAction": (_w, _c, x) => ({ categoryId: x.points.toRetire }),
  "points/restorePointCategoryAction": (_w, _c, x) => ({ categoryId: x.points.toRestore }),
  "points/savePointSettingsAction": (_w, column) => ({
    version: column === "otherSchoolCoordinator" ? "0" : "1",
    mentorsMayAward: "yes",
    mentorWeeklyLimit: "50",
    pupilBoardMeasure: "EARNED",
    boardNameStyle: "FIRST_NAME_INITIAL",
    attendanceCategoryId: "",
    onTimeCategoryId: "",
  }),
  "points/decideNicknameAction": (_w, _c, x) => ({ studentId: x.points.nicknamePupil, nickname: "Sunny", decision: "approve" }),
  "points/setPupilHiddenAction": (w) => ({ studentId: w.a.pupils.spareMentee.id, hidden: "yes", reason: "Access matrix check" }),
  "points/setBoardOptOutAction": () => ({ optOut: "yes" }),
  "points/proposeNicknameAction": () => ({ nickname: "Matrix" }),
  "points/answerMilestoneAction": (_w, column, x) => ({
    milestoneId: x.points.milestones[column === "MENTEE" ? "MENTEE" : "MENTOR"],
    share: "yes",
  }),
  "noticeboards/makeNoticeboardLinkAction": (w) => ({
    label: "Matrix screen",
    programmeId: w.a.programme.id,
    yearGroup: "",
    period: "WEEK",
  }),
  "noticeboards/replaceNoticeboardLinkAction": (_w, _c, x) => ({ linkId: x.noticeboardLinks.toReplace }),
  "noticeboards/turnOffNoticeboardLinkAction": (_w, _c, x) => ({ linkId: x.noticeboardLinks.toTurnOff }),
  "staff/addStaffMemberAction": (_w, column) => ({ name: `Matrix ${column}`, email: uniqueEmail(`matrix-added-${column}`), teacher: "on" }),
  "staff/updateStaffMemberAction": (_w, column, x) => ({
    userId: x.staffAccounts.toUpdate,
    name: `Matrix renamed ${column}`,
    email: uniqueEmail("matrix-renamed"),
    teacher: "on",
    coordinator: "on",
  }),
  "staff/disableStaffMemberAction": (_w, _c, x) => ({ userId: x.staffAccounts.toDisable }),
  "staff/enableStaffMemberAction": (_w, _c, x) => ({ userId: x.staffAccounts.toEnable }),
  "staff/sendSetPasswordLinkAction": (_w, _c, x) => ({ userId: x.staffAccounts.toLink }),
  "staff/resetStaffTwoFactorAction": (_w, _c, x) => ({ userId: x.staffAccounts.toResetTwoFactor }),
  "admin/updateSignInSettingsAction": (_w, column) => ({
    googleDomains: `matrix-${column.toLowerCase()}.sch.uk`,
    microsoftTenants: "",
    oidcDomains: "",
  }),
  "reviews/recordReviewAction": (w) => ({
    pairingId: w.a.pairing.id,
    heldOn: w.a.today,
    progress: "3",
    notes: "Matrix",
    decision: "CONTINUE",
  }),
  // One session per pairing per day: each column logs a day of its own.
  "sessions/logSessionAction": (w, column) => ({
    pairingId: w.a.pairing.id,
    heldOn: addDaysIso(w.a.today, -COLUMNS.indexOf(column)),
    durationMinutes: "20",
    activityId: w.a.activityIds["Check-in chat"]!,
    notes: "Matrix",
    fitCheck: "YES",
    [`attendance_${w.a.pupils.mentee.id}`]: "PRESENT",
  }),
  // Each allowed column edits the session it logged itself; the others try the mentor's.
  "sessions/editSessionAction": (w, column, x) => ({
    sessionId: x.sessionsToEdit[column as "MENTOR" | "COORDINATOR" | "TEACHER"]?.id ?? x.sessionsToEdit.MENTOR.id,
    version: "1",
    heldOn: x.sessionsToEdit[column as "MENTOR" | "COORDINATOR" | "TEACHER"]?.heldOn ?? x.sessionsToEdit.MENTOR.heldOn,
    durationMinutes: "25",
    activityId: w.a.activityIds["Games"]!,
    notes: "Matrix edit",
    [`attendance_${w.a.pupils.mentee.id}`]: "LATE",
  }),
  // The mentor column answers the mentor's check-in for their pairing; the mentee column, the mentee's
  // for her own; everyone else sends the mentee's, for the mentor's pairing.
  "pupil-accounts/createPupilAccountsAction": (_w, column, x) => ({ studentIds: [x.pupilAccounts[column].toCreate] }),
  "pupil-accounts/renewSetUpCodesAction": (_w, column, x) => ({ studentIds: x.pupilAccounts[column].toRenew }),
  "pupil-accounts/resetPupilPasswordAction": (_w, column, x) => ({ studentId: x.pupilAccounts[column].toReset }),
  "alumni/recordVolunteerCheckAction": (w, column, x) => ({
    studentId: x.alumni[column].toCheck,
    kind: "ENHANCED_DBS",
    checkedOn: addDaysIso(w.a.today, -10),
    reference: "009876543210",
  }),
  "alumni/inviteAlumniMentorAction": (_w, column, x) => ({ studentId: x.alumni[column].toInvite, personalEmail: uniqueEmail("alumnus") }),
  "alumni/endAlumniMentorAction": (_w, column, x) => ({ studentId: x.alumni[column].toEnd }),
  "check-ins/submitCheckInAction": (w, column, x) => {
    const isMentee = column === "MENTEE";
    const startsOn = isMentee ? addDaysIso(w.a.today, -42) : fromDbDate(w.a.pairing.startsOn);
    return {
      pairingId: isMentee ? x.menteeCheckInPairingId : w.a.pairing.id,
      questionnaireKey: column === "MENTOR" ? "mentor-check-in" : "mentee-check-in",
      periodStart: checkInPeriodOn(startsOn, 4, w.a.today)!.periodStart,
      going: "3",
      note: "Matrix",
    };
  },
  "imports/uploadImportFileAction": (_w, column) => matrixPupilFile(900100 + COLUMNS.indexOf(column)),
  "imports/saveImportMappingAction": (_w, _c, x) => ({
    draftId: x.imports.toMap,
    column_upn: "0",
    column_legalLastName: "2",
    column_legalFirstName: "3",
    column_yearGroup: "7",
    column_tutorGroup: "8",
  }),
  "imports/discardImportAction": (_w, _c, x) => ({ draftId: x.imports.toDiscard }),
  "pupil-import/commitPupilImportAction": (_w, _c, x) => ({ draftId: x.imports.toCommit, basis: x.imports.basis }),
};

/** Every `export const xAction` in src/features/<feature>/actions.ts, as "feature/xAction". */
function discoverActions(): string[] {
  const found: string[] = [];
  for (const feature of fs.readdirSync(FEATURES_DIR).sort()) {
    if (OWN_MATRIX_FEATURES.includes(feature)) continue;
    const file = path.join(FEATURES_DIR, feature, "actions.ts");
    if (!fs.existsSync(file)) continue;
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(/export\s+const\s+(\w+Action)\b/g)) found.push(`${feature}/${match[1]}`);
  }
  return found;
}

async function commandFor(key: string): Promise<RunnableCommand> {
  const [feature, action] = key.split("/") as [string, string];
  const commandName = action.replace(/Action$/, "");
  const commands = (await import(path.join(FEATURES_DIR, feature, "commands.ts"))) as Record<string, unknown>;
  const command = commands[commandName] as RunnableCommand | undefined;
  if (!command || typeof command.run !== "function")
    throw new Error(`${key}: no command "${commandName}" exported from src/features/${feature}/commands.ts`);
  return command;
}

describe("access matrix: the table matches the actions", () => {
  const discovered = discoverActions();

  it("finds the actions", () => {
    expect(discovered.length).toBeGreaterThan(5);
  });

  it("has a row for every exported action", () => {
    const missing = discovered.filter((key) => !(key in MATRIX));
    expect(missing, "add these actions to MATRIX (and INPUTS) in access-matrix.test.ts").toEqual([]);
  });

  it("leaves to a feature's own matrix only features that have one", () => {
    for (const feature of OWN_MATRIX_FEATURES)
      if (fs.existsSync(path.join(FEATURES_DIR, feature)))
        expect(fs.existsSync(path.join(FEATURES_DIR, feature, "access-matrix.test.ts")), feature).toBe(true);
  });

  it("has no row for an action that no longer exists", () => {
    const stale = Object.keys(MATRIX).filter((key) => !discovered.includes(key));
    expect(stale, "remove these rows from MATRIX").toEqual([]);
  });

  it("has valid input for every non-public row", () => {
    const withoutInput = Object.entries(MATRIX)
      .filter(([key, row]) => row !== "public" && !(key in INPUTS))
      .map(([key]) => key);
    expect(withoutInput).toEqual([]);
  });

  it("has no bare exported functions in a 'use server' actions file", () => {
    const bare: string[] = [];
    for (const feature of fs.readdirSync(FEATURES_DIR)) {
      const file = path.join(FEATURES_DIR, feature, "actions.ts");
      if (!fs.existsSync(file)) continue;
      for (const match of fs.readFileSync(file, "utf8").matchAll(/export\s+(?:default\s+)?(?:async\s+)?function\s*(\w*)/g))
        bare.push(`${feature}/${match[1] || "default"}`);
    }
    expect(bare).toEqual([]);
  });
});

const PERMISSION_ANSWERS = [FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE, SIGNED_OUT_MESSAGE];

describe("access matrix: each action as each actor", () => {
  let world: World;
  let extra: Extra;
  let actors: Record<Column, Actor | null>;
  beforeAll(async () => {
    world = await buildWorld();
    // The mentee column is a mentee waiting for a mentor, who may still choose one.
    const waiting = await createStudent(db, {
      schoolId: world.a.school.id,
      yearGroup: 7,
      today: world.a.today,
      account: { email: uniqueEmail("waiting") },
    });
    await addMentee(db, { schoolId: world.a.school.id, programmeId: world.a.programme.id, studentId: waiting.id });
    actors = { signedOut: null, ...world.actors, MENTEE: await actorFor(waiting.userId!) };
    extra = await prepare(world, actors);
    extra.menteeCheckInPairingId = await pairInSecondProgramme(world, waiting.id);
    extra.menteePausePairingId = await pairInSecondProgramme(world, waiting.id);
  });

  for (const [key, row] of Object.entries(MATRIX)) {
    if (row === "public") continue;
    describe(key, () => {
      it.each(COLUMNS.map((column, i) => [column, row[i]!] as const))("%s → %j", async (column, expected) => {
        const command = await commandFor(key);
        const input = INPUTS[key]!(world, column, extra);
        const startedAt = new Date();
        const { result, before, after } = await runCommand(command, actors[column], input, [world.a.school.id, world.b.school.id]);
        if (expected === "allowed") {
          expect(result.ok, `${key} as ${column} must succeed: ${result.message}`).toBe(true);
          expect(after, `${key} as ${column} must change something`).not.toEqual(before);
        } else if (expected === "denied") {
          expect(result.ok).toBe(false);
          // A signed-out visitor is asked to sign in; a signed-in actor is told "no permission" or "not found".
          const expectedMessages = column === "signedOut" ? [SIGNED_OUT_MESSAGE] : [FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE];
          expect(expectedMessages, `${key} as ${column}: ${result.message}`).toContain(result.message);
          expect(after, `${key} as ${column} must write nothing`).toEqual(before);
          // …and the refusal is recorded as a security event: who, what, when (ADR 005).
          const actor = actors[column];
          if (actor) {
            const events = await db.securityEvent.findMany({
              where: { userId: actor.userId, at: { gte: startedAt }, detail: { path: ["command"], equals: command.name } },
            });
            expect(
              events.map((e) => [e.kind, e.schoolId]),
              `${key} as ${column}: a security event`,
            ).toContainEqual([result.message === FORBIDDEN_MESSAGE ? "access.role_refused" : "access.not_found", actor.schoolId]);
          }
        } else {
          expect(PERMISSION_ANSWERS, "a rule cell names a business rule, not a permission answer").not.toContain(expected.rule);
          expect(result).toMatchObject({ ok: false, message: expected.rule });
          expect(after, `${key} as ${column} must write nothing`).toEqual(before);
        }
      });
    });
  }

  describe("an alumni mentor", () => {
    let alumni: Awaited<ReturnType<typeof prepareAlumniMentor>>;
    beforeAll(async () => {
      alumni = await prepareAlumniMentor(world);
    });
    for (const [key, row] of Object.entries(MATRIX)) {
      if (row === "public") continue;
      const allowed = (ALUMNI_ALLOWED as readonly string[]).includes(key);
      it(`${key} → ${allowed ? "allowed" : "denied"}`, async () => {
        const command = await commandFor(key);
        const input = allowed ? alumni.inputs[key as (typeof ALUMNI_ALLOWED)[number]] : INPUTS[key]!(world, "MENTOR", extra);
        const { result, before, after } = await runCommand(command, alumni.actor, input, [world.a.school.id, world.b.school.id]);
        if (allowed) {
          expect(result.ok, `${key} as an alumni mentor must succeed: ${result.message}`).toBe(true);
          expect(after).not.toEqual(before);
        } else {
          expect([FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE], `${key} as an alumni mentor: ${result.message}`).toContain(result.message);
          expect(after, `${key} as an alumni mentor must write nothing`).toEqual(before);
        }
      });
    }
  });
});
