// Who may open which page. The table below is written by hand from the product rules, not derived
// from the app's code: a route the app adds without a row here fails the first test. The spec
// seeds two schools of its own.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool, type Account } from "./support/seed";
import { createConcernRow } from "@/server/factories";

/** Everyone is in the seeded school except the other school's coordinator. */
type Identity = "signedOut" | "admin" | "coordinator" | "teacher" | "dsl" | "mentor" | "mentee" | "otherSchoolCoordinator";
/** "signin": sent to /sign-in. 200: the page itself. 404: the not-found page. `{ to }`: sent there. */
type Outcome = "signin" | 200 | 404 | { to: string };

/** Records in the seeded schools: the mentor's pairing, another mentor's, the other school's, a pupil, a logged session, each school's programme. */
type IdName =
  | "mentorsPairing"
  | "otherMentorsPairing"
  | "otherSchoolsPairing"
  | "pupil"
  | "loggedSession"
  | "programme"
  | "otherSchoolsProgramme"
  | "concern"
  | "otherSchoolsConcern"
  | "school"
  | "otherSchool"
  | "importDraft"
  | "otherSchoolsImportDraft"
  | "staffMember"
  | "otherSchoolsStaffMember"
  | "missing";
/** The second dynamic segment of a route, where it has one: a planned meeting's day. */
type SecondIdName = "plannedMeeting" | "notPlanned" | "pupilInConcern" | "pupilNotInConcern" | "noticeboardToken" | "wrongNoticeboardToken";

type Row = { route: string; id?: IdName; id2?: SecondIdName; note: string; expect: Record<Identity, Outcome> };

const identities: Identity[] = ["signedOut", "admin", "coordinator", "teacher", "dsl", "mentor", "mentee", "otherSchoolCoordinator"];

/** The one identity whose first not-found page is checked with axe (it is the same page for all). */
const NOT_FOUND_AXE_IDENTITY: Identity = "teacher";

// prettier-ignore
const table: Row[] = [
  { route: "/", note: "each role lands on its home",
    expect: { signedOut: "signin", admin: { to: "/admin" }, coordinator: { to: "/coordinator" }, teacher: { to: "/staff" }, dsl: { to: "/safeguarding" }, mentor: { to: "/mentor" }, mentee: { to: "/student" }, otherSchoolCoordinator: { to: "/coordinator" } } },
  { route: "/sign-in", note: "signed-in users are sent home",
    expect: { signedOut: 200, admin: { to: "/admin" }, coordinator: { to: "/coordinator" }, teacher: { to: "/staff" }, dsl: { to: "/safeguarding" }, mentor: { to: "/mentor" }, mentee: { to: "/student" }, otherSchoolCoordinator: { to: "/coordinator" } } },
  { route: "/account/password", note: "anyone signed in",
    expect: { signedOut: "signin", admin: 200, coordinator: 200, teacher: 200, dsl: 200, mentor: 200, mentee: 200, otherSchoolCoordinator: 200 } },
  { route: "/account/calendar", note: "mentors and staff: a calendar link for the pairings they mentor or supervise",
    expect: { signedOut: "signin", admin: 200, coordinator: 200, teacher: 200, dsl: 200, mentor: 200, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/notifications", note: "anyone signed in: each their own",
    expect: { signedOut: "signin", admin: 200, coordinator: 200, teacher: 200, dsl: 200, mentor: 200, mentee: 200, otherSchoolCoordinator: 200 } },
  { route: "/admin", note: "admins only",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/admin/pupils/import", note: "the MIS pupil import: admins only",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/admin/pupils/import/[draftId]", id: "importDraft", note: "a file the admin uploaded: that admin only",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/admin/pupils/import/[draftId]", id: "otherSchoolsImportDraft", note: "a file another school's admin uploaded: nobody here",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/admin/calendar", note: "admins only",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/admin/school-day", note: "admins only",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator", note: "coordinators, each in their own school",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/coordinator/pairings/[pairingId]", id: "mentorsPairing", note: "a pairing in the school: its coordinator only",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/pairings/[pairingId]", id: "otherSchoolsPairing", note: "a pairing in the other school: that school's coordinator only",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/coordinator/pairings/[pairingId]", id: "missing", note: "an id that does not exist",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/pairings/[pairingId]/meetings/[date]", id: "mentorsPairing", id2: "plannedMeeting", note: "moving or cancelling one meeting: the school's coordinator only",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/pairings/[pairingId]/meetings/[date]", id: "mentorsPairing", id2: "notPlanned", note: "a day with no meeting planned",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/matching", note: "coordinators, each for their own school's programme",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/coordinator/pupils/[studentId]", id: "pupil", note: "a pupil's staff page: the school's coordinator only",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/pupils/[studentId]", id: "missing", note: "an id that does not exist",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/matching/groups", note: "coordinators, each for their own school's programme",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/coordinator/programmes", note: "coordinators, each for their own school's programmes",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/coordinator/programmes/[programmeId]", id: "programme", note: "a programme's settings: its school's coordinator only",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/programmes/[programmeId]", id: "otherSchoolsProgramme", note: "the other school's programme: that school's coordinator only",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/coordinator/programmes/[programmeId]", id: "missing", note: "an id that does not exist",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/activities", note: "the school's activity list: coordinators and admins, each in their own school",
    expect: { signedOut: "signin", admin: 200, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/staff", note: "teachers, safeguarding leads and coordinators",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 200, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/staff/keep-apart", note: "coordinators and safeguarding leads (the reasons are staff-only)",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/safeguarding/pupils/[studentId]", id: "pupil", note: "a pupil's safeguarding file: the school's safeguarding leads only",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/safeguarding/pupils/[studentId]", id: "missing", note: "an id that does not exist",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/sessions/[sessionId]", id: "loggedSession", note: "a session logged by the coordinator: its author and the DSL (and a supervising teacher, of whom it has none)",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/sessions/[sessionId]", id: "missing", note: "an id that does not exist",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/staff/supervising", note: "staff: the pairings they supervise (none here: an empty list)",
    expect: { signedOut: "signin", admin: 200, coordinator: 200, teacher: 200, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/staff/log/[pairingId]", id: "mentorsPairing", note: "logging for a mentor: the coordinator, or the pairing's supervising teacher (none here)",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/mentor", note: "mentors only",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 200, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/mentor/log/[pairingId]", id: "mentorsPairing", note: "the mentor's own pairing: only that mentor",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 200, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/mentor/log/[pairingId]", id: "otherMentorsPairing", note: "another mentor's pairing: nobody here",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/mentor/check-in/[pairingId]", id: "mentorsPairing", note: "the mentor's own check-in for their pairing: only that mentor",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 200, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/mentor/check-in/[pairingId]", id: "otherMentorsPairing", note: "another mentor's pairing: nobody here",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/student/check-in/[pairingId]", id: "mentorsPairing", note: "the mentee's own check-in: only that mentee, never her mentor",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 200, otherSchoolCoordinator: 404 } },
  { route: "/student/check-in/[pairingId]", id: "otherMentorsPairing", note: "a pairing the mentee is not in: nobody here",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/concerns/new", note: "anyone signed in raises a concern (staff and pupils alike)",
    expect: { signedOut: "signin", admin: 200, coordinator: 200, teacher: 200, dsl: 200, mentor: 200, mentee: 200, otherSchoolCoordinator: 200 } },
  { route: "/concerns", note: "anyone signed in: the receipts of the concerns they raised, each their own",
    expect: { signedOut: "signin", admin: 200, coordinator: 200, teacher: 200, dsl: 200, mentor: 200, mentee: 200, otherSchoolCoordinator: 200 } },
  { route: "/safeguarding", note: "safeguarding leads (and the head, chair of governors): concerns",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/safeguarding/concerns/[concernId]", id: "concern", note: "a concern: the school's safeguarding leads only (never its reporter, the teacher)",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/safeguarding/concerns/[concernId]", id: "otherSchoolsConcern", note: "the other school's concern: nobody here",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/safeguarding/concerns/[concernId]/pupils/[studentId]", id: "concern", id2: "pupilInConcern", note: "the mentoring record of a pupil in a concern: its safeguarding leads only",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/safeguarding/concerns/[concernId]/pupils/[studentId]", id: "concern", id2: "pupilNotInConcern", note: "a pupil the concern does not name: nobody",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/admin/new-year", note: "the new school year's preview and run: admins only",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/admin/security", note: "the school's security events: its admins only",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/staff/alumni", note: "former mentors and their checks: the admin, the coordinator and the DSL, each in their own school",
    expect: { signedOut: "signin", admin: 200, coordinator: 200, teacher: 404, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/admin/safeguarding", note: "admins only: who receives concerns, and the danger words",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/noticeboards", note: "classroom screens' links: coordinators, each in their own school",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/noticeboard/[schoolId]/[token]", id: "school", id2: "noticeboardToken", note: "a live noticeboard link: anyone with it, signed out too",
    expect: { signedOut: 200, admin: 200, coordinator: 200, teacher: 200, dsl: 200, mentor: 200, mentee: 200, otherSchoolCoordinator: 200 } },
  { route: "/noticeboard/[schoolId]/[token]", id: "otherSchool", id2: "noticeboardToken", note: "the same token under another school's id: nobody",
    expect: { signedOut: 404, admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/noticeboard/[schoolId]/[token]", id: "school", id2: "wrongNoticeboardToken", note: "a token that is not live: nobody",
    expect: { signedOut: 404, admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/admin/staff", note: "the school's staff accounts: its admins only",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/admin/staff/[userId]", id: "staffMember", note: "a member of the school's staff: its admins only",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/admin/staff/[userId]", id: "otherSchoolsStaffMember", note: "the other school's member of staff: nobody here",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/set-password/[schoolId]/[token]", id: "school", id2: "wrongNoticeboardToken", note: "a set-password link that is not live: the same calm page for anyone, signed out too",
    expect: { signedOut: 200, admin: 200, coordinator: 200, teacher: 200, dsl: 200, mentor: 200, mentee: 200, otherSchoolCoordinator: 200 } },
  { route: "/student", note: "pupils (mentors are pupils too)",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 200, mentee: 200, otherSchoolCoordinator: 404 } },
  { route: "/student/boards", note: "pupils: the boards they may see, and their own place on them",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 200, mentee: 200, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/points", note: "the school's points settings: coordinators, each in their own school",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/staff/points/pupils/[studentId]", id: "pupil", note: "a pupil's points history: staff who read points in that school",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 200, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/staff/points/pupils/[studentId]", id: "missing", note: "an id that does not exist",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  // Issue 11: pupils' accounts and codes (admins and coordinators, each their own school's: another
  // school's tutor group is a 404, tests/e2e/pupil-accounts.spec.ts); /set-up for anyone, signed out too.
  { route: "/staff/pupil-accounts", note: "pupil accounts: the school's admins and coordinators, never teachers",
    expect: { signedOut: "signin", admin: 200, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/set-up", note: "a pupil sets a password with a code: anyone, signed out too",
    expect: { signedOut: 200, admin: 200, coordinator: 200, teacher: 200, dsl: 200, mentor: 200, mentee: 200, otherSchoolCoordinator: 200 } },
  // Issue 12: the school's sign-in settings; the second step of a password sign-in is only for a session
  // waiting on it (tests/e2e/two-factor.spec.ts): everyone else is sent on.
  { route: "/admin/sign-in", note: "two-factor and single sign-on settings: admins only",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/sign-in/two-factor", note: "only a sign-in waiting for its code: signed-in users are sent home",
    expect: { signedOut: "signin", admin: { to: "/admin" }, coordinator: { to: "/coordinator" }, teacher: { to: "/staff" }, dsl: { to: "/safeguarding" }, mentor: { to: "/mentor" }, mentee: { to: "/student" }, otherSchoolCoordinator: { to: "/coordinator" } } },
];

/**
 * The app's page routes, from the file system: src/app/**\/page.tsx, without route groups "(x)" and
 * parallel-route slots "@x", and skipping private folders "_x", which are not routes.
 */
function discoverRoutes(): string[] {
  const appDir = path.resolve(__dirname, "..", "..", "src", "app");
  const files = fs.readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((f) => /(^|[\\/])page\.(tsx|ts|jsx|js|mdx)$/.test(f));
  const routes = files
    .map((file) =>
      path
        .dirname(file)
        .split(/[\\/]/)
        .filter((s) => s !== "." && s !== ""),
    )
    .filter((segments) => !segments.some((s) => s.startsWith("_")))
    .map((segments) => `/${segments.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@")).join("/")}`);
  return [...new Set(routes)].sort();
}

const ids: Record<IdName, string> = {
  mentorsPairing: "",
  otherMentorsPairing: "",
  otherSchoolsPairing: "",
  pupil: "",
  programme: "",
  otherSchoolsProgramme: "",
  loggedSession: "",
  concern: "",
  otherSchoolsConcern: "",
  school: "",
  otherSchool: "",
  importDraft: "",
  otherSchoolsImportDraft: "",
  staffMember: "",
  otherSchoolsStaffMember: "",
  missing: "does-not-exist-0000",
};
const secondIds: Record<SecondIdName, string> = {
  plannedMeeting: "",
  notPlanned: "1999-01-01",
  pupilInConcern: "",
  pupilNotInConcern: "",
  // A live link's token (made below, only its hash stored), and a well-formed one that is nobody's.
  noticeboardToken: randomBytes(32).toString("base64url"),
  wrongNoticeboardToken: randomBytes(32).toString("base64url"),
};
const accounts = {} as Record<Exclude<Identity, "signedOut">, Account>;

test.beforeAll(async ({ db }) => {
  const school = await seedSchool(db, { label: "Access matrix" });
  const otherSchool = await seedSchool(db, { label: "Access matrix other", history: false });
  const { admin, coordinator, teacher, dsl, mentor, mentee } = school.accounts;
  Object.assign(accounts, { admin, coordinator, teacher, dsl, mentor, mentee, otherSchoolCoordinator: otherSchool.accounts.coordinator });
  ids.mentorsPairing = school.pairings.samMaya;
  ids.otherMentorsPairing = school.pairings.raviLeo;
  ids.otherSchoolsPairing = otherSchool.pairings.samMaya;
  ids.pupil = school.pupils.maya.id;
  ids.programme = school.programme.id;
  ids.otherSchoolsProgramme = otherSchool.programme.id;
  secondIds.plannedMeeting = school.meetings.samMaya;
  secondIds.pupilInConcern = school.pupils.maya.id;
  secondIds.pupilNotInConcern = school.pupils.sam.id;
  // One of Sam and Maya's past sessions, logged by the coordinator.
  ids.loggedSession = (await db.mentoringSession.findFirstOrThrow({ where: { pairingId: school.pairings.samMaya } })).id;
  // A concern the teacher raised about Maya, in each school.
  const concernIn = async (s: typeof school) =>
    (await createConcernRow(db, { schoolId: s.school.id, reporterId: s.staff.teacher, pupilIds: [s.pupils.maya.id] })).id;
  ids.concern = await concernIn(school);
  ids.otherSchoolsConcern = await concernIn(otherSchool);
  // A pupil file each school's admin uploaded (issue 11).
  const draftOf = async (s: typeof school) =>
    (
      await db.importDraft.create({
        data: {
          schoolId: s.school.id,
          kind: "PUPILS",
          fileName: "access-matrix.csv",
          fileSha256: "0".repeat(64),
          encoding: "utf-8",
          text: "UPN,Surname,Forename,Year,Reg\r\nA000000000001,Matrix,Ada,9,9M\r\n",
          mapping: { upn: 0, legalLastName: 1, legalFirstName: 2, yearGroup: 3, tutorGroup: 4 },
          createdById: s.staff.admin,
          expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
        },
      })
    ).id;
  ids.importDraft = await draftOf(school);
  ids.otherSchoolsImportDraft = await draftOf(otherSchool);
  // A live noticeboard link in the school, made by its coordinator.
  ids.school = school.school.id;
  ids.otherSchool = otherSchool.school.id;
  ids.staffMember = school.staff.teacher;
  ids.otherSchoolsStaffMember = otherSchool.staff.teacher;
  await db.noticeboardLink.create({
    data: {
      schoolId: school.school.id,
      label: "Access matrix screen",
      programmeId: school.programme.id,
      period: "ALL_TIME",
      tokenHash: createHash("sha256").update(secondIds.noticeboardToken).digest("hex"),
      createdById: school.staff.coordinator,
    },
  });
});

function urlFor(row: Row): string {
  const first = row.id ? row.route.replace(/\[[^\]]+\]/, ids[row.id]) : row.route;
  return row.id2 ? first.replace(/\[[^\]]+\]/, secondIds[row.id2]) : first;
}

test("every page route has a row in the access table, and every row a route", () => {
  const discovered = discoverRoutes();
  const inTable = [...new Set(table.map((r) => r.route))].sort();
  expect(discovered.length, "routes were found under src/app").toBeGreaterThan(0);
  const missingRows = discovered.filter((r) => !inTable.includes(r));
  const staleRows = inTable.filter((r) => !discovered.includes(r));
  expect(missingRows, `page routes with no row in the access table: ${missingRows.join(", ")}`).toEqual([]);
  expect(staleRows, `rows in the access table for routes that no longer exist: ${staleRows.join(", ")}`).toEqual([]);
});

function describeOutcome(outcome: Outcome) {
  return typeof outcome === "object" ? `redirected to ${outcome.to}` : outcome === "signin" ? "redirected to /sign-in" : String(outcome);
}

type Seen = { status: number | undefined; path: string; isNotFoundPage: boolean };

function describeSeen(seen: Seen) {
  return `HTTP ${seen.status ?? "?"} at ${seen.path}${seen.isNotFoundPage ? ", showing the not-found page" : ""}`;
}

function matches(expected: Outcome, seen: Seen, url: string): boolean {
  if (expected === "signin") return seen.path === "/sign-in" && (seen.status ?? 500) < 400 && !seen.isNotFoundPage;
  if (typeof expected === "object") return seen.path === expected.to && (seen.status ?? 500) < 400 && !seen.isNotFoundPage;
  if (expected === 200) return seen.status === 200 && seen.path === url && !seen.isNotFoundPage;
  return seen.status === 404 && seen.path === url && seen.isNotFoundPage;
}

/** Opens the cell's page and reads what came back; the caller compares it with the table. */
async function visit(page: Page, url: string, expected: Outcome, cell: string): Promise<Seen> {
  const response = await page.goto(url);
  if (typeof expected === "object" || expected === "signin") {
    const target = expected === "signin" ? "/sign-in" : expected.to;
    await page.waitForURL((u) => u.pathname === target, { timeout: 10_000 }).catch(() => {});
  }
  // Every page has an h1; wait for it, so the page has finished streaming in.
  await expect(page.locator("h1").first(), `${cell}: the page has a heading`).toBeVisible();
  return {
    status: response?.status(),
    path: new URL(page.url()).pathname,
    isNotFoundPage: (await page.getByRole("heading", { level: 1, name: "We could not find that page" }).count()) > 0,
  };
}

type Cell = { row: Row; expected: Outcome };

async function signInAsIdentity(page: Page, identity: Identity) {
  if (identity !== "signedOut") await signInAs(page, accounts[identity]);
}

/**
 * Checks the cells in order; the wrong ones are listed together at the end. axe runs on every cell
 * that renders its page (once per page and role) and, when asked, on the first not-found page.
 */
async function checkCells(page: Page, identity: Identity, cells: Cell[], options: { axeOnNotFound?: boolean } = {}) {
  const wrong: string[] = [];
  let isNotFoundAxeDue = options.axeOnNotFound === true;
  for (const { row, expected } of cells) {
    const url = urlFor(row);
    const cell = `${identity} → ${row.route}${row.id ? ` (${row.id})` : ""}`;
    await test.step(`${cell} should be ${describeOutcome(expected)}`, async () => {
      const seen = await visit(page, url, expected, cell);
      const isRight = matches(expected, seen, url);
      if (!isRight) wrong.push(`${cell} (${url}; ${row.note}): expected ${describeOutcome(expected)}, got ${describeSeen(seen)}`);
      if (isRight && expected === 200) await expectNoAxeViolations(page, `${url} as ${identity}`);
      if (isRight && expected === 404 && isNotFoundAxeDue) {
        await expectNoAxeViolations(page, `the not-found page (${url} as ${identity})`);
        isNotFoundAxeDue = false;
      }
    });
  }
  expect(
    wrong,
    `${wrong.length} of ${cells.length} cells for ${identity} differ from the access table:\n  ${wrong.join("\n  ")}\n`,
  ).toEqual([]);
}

// Two tests per identity, the pages it may open and the ones it may not, so no test is long and
// they spread over the workers. The sign-in page is the signed-out identity's page that opens.
test.describe.configure({ timeout: 180_000 });

for (const identity of identities) {
  const cells = table.map((row) => ({ row, expected: row.expect[identity] }));
  const opens = cells.filter((c) => c.expected === 200);
  const turnedAway = cells.filter((c) => c.expected !== 200);

  test(`${identity} opens the pages the table gives them, and each passes axe`, async ({ page }) => {
    await signInAsIdentity(page, identity);
    if (identity === "mentor") {
      const href = await page.getByRole("link", { name: "Log this week's session" }).getAttribute("href");
      expect(href, "the mentor's log link points at the seeded pairing").toBe(`/mentor/log/${ids.mentorsPairing}`);
    }
    await checkCells(page, identity, opens);
  });

  test(`${identity} is sent to sign in, home or the not-found page where the table says`, async ({ page }) => {
    await signInAsIdentity(page, identity);
    await checkCells(page, identity, turnedAway, { axeOnNotFound: identity === NOT_FOUND_AXE_IDENTITY });
  });
}
