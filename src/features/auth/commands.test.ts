import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "@/server/command";
import { addMembership, createSchool, createStaffUser } from "@/server/factories";
import { loadActor } from "@/server/actor";
import { verifyPassword } from "@/server/password";
import { COMMON_PASSWORD_MESSAGE } from "@/server/password-policy";
import { CHECK_FIELDS_MESSAGE } from "@/lib/field-errors";
import { createPairing } from "@/features/pairings/commands";
import { actorFor, FACTORY_PASSWORD, signedInClaims } from "@/test-support/actors";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { auditEntriesBy } from "@/test-support/snapshot";
import { buildWorld, ROLE_COLUMNS, uniqueEmail, type RoleColumn } from "@/test-support/school";
import { changePassword, switchSchool } from "./commands";

type World = Awaited<ReturnType<typeof buildWorld>>;
const NEW_PASSWORD = "a much longer new passphrase";

describe("changePassword", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  const ids = () => [world.a.school.id, world.b.school.id];
  const form = { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };

  it("is refused when signed out", async () => {
    await expectRefusedWithoutWrites(changePassword, null, form, ids(), "Please sign in again.");
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const result = await expectRefusedWithoutWrites(
      changePassword,
      world.actors.TEACHER,
      { ...form, currentPassword: "not my password" },
      ids(),
      "Your current password is not right.",
    );
    expect(result.fieldErrors?.currentPassword).toEqual(["Your current password is not right."]);
    expect(result.values).toEqual({});
  });

  it("refuses a common password, saying why next to the field, and changes nothing", async () => {
    const common = "Password2024!";
    const result = await expectRefusedWithoutWrites(
      changePassword,
      world.actors.TEACHER,
      { ...form, newPassword: common, confirmPassword: common },
      ids(),
      CHECK_FIELDS_MESSAGE,
    );
    expect(result.fieldErrors?.newPassword).toEqual([COMMON_PASSWORD_MESSAGE]);
    const user = await db.user.findUniqueOrThrow({ where: { id: world.actors.TEACHER.userId }, select: { passwordHash: true } });
    expect(await verifyPassword(user.passwordHash, FACTORY_PASSWORD)).toBe(true);
  });

  it.each<RoleColumn>([...ROLE_COLUMNS])("lets %s change their own password, ending their other sessions", async (role) => {
    const actor = world.actors[role];
    const before = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { sessionVersion: true } });
    const schoolIds = [world.a.school.id, world.b.school.id];
    const { result, changes, before: snapBefore, after: snapAfter } = await runCommand(changePassword, actor, form, schoolIds);
    expect(result.ok, result.message).toBe(true);
    expect(changes).toEqual({ auditLogs: 1 });

    const user = await db.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { passwordHash: true, sessionVersion: true, mustChangePassword: true },
    });
    expect(user.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await db.userSession.count({ where: { userId: actor.userId } })).toBe(0);
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await loadActor(db, await signedInClaims(actor.userId, before.sessionVersion))).toBeNull();
    // Only this user's row changed.
    const others = (s: typeof snapBefore) => s.users.filter((u) => u.id !== actor.userId);
    expect(others(snapAfter)).toEqual(others(snapBefore));

    const [audit] = await auditEntriesBy(actor.userId, 1);
    expect(audit).toMatchObject({ action: "user.password_changed", recordType: "User", recordId: actor.userId, schoolId: actor.schoolId });
    expect(audit!.changes).toEqual({ password: "[redacted]" });
  });

  it("is the one command allowed while a password change is required", async () => {
    const school = await createSchool(db, { withCalendar: false });
    const user = await createStaffUser(db, {
      schoolId: school.id,
      roles: ["COORDINATOR"],
      email: uniqueEmail("must-change"),
      mustChangePassword: true,
    });
    const actor = await actorFor(user);
    expect(actor.mustChangePassword).toBe(true);
    await expectRefusedWithoutWrites(switchSchool, actor, { schoolId: school.id }, [school.id], FORBIDDEN_MESSAGE);
    await expectRefusedWithoutWrites(
      createPairing,
      actor,
      { programmeId: "x", kind: "ONE_TO_ONE", mentorIds: "a", menteeIds: "b", startsOn: "2026-11-02" },
      [school.id],
      FORBIDDEN_MESSAGE,
    );
    const { result } = await runCommand(changePassword, actor, form, [school.id]);
    expect(result.ok, result.message).toBe(true);
    expect((await actorFor(user)).mustChangePassword).toBe(false);
  });
});

describe("switchSchool", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  const ids = () => [world.a.school.id, world.b.school.id];

  it.each<RoleColumn>(["MENTOR", "MENTEE", "otherMentor"])("is refused for %s (pupils have one school)", async (role) => {
    await expectRefusedWithoutWrites(switchSchool, world.actors[role], { schoolId: world.a.school.id }, ids(), FORBIDDEN_MESSAGE);
  });

  it("treats a school the staff member does not work in as not found", async () => {
    await expectRefusedWithoutWrites(
      switchSchool,
      world.actors.otherSchoolCoordinator,
      { schoolId: world.a.school.id },
      ids(),
      NOT_FOUND_MESSAGE,
    );
    await expectRefusedWithoutWrites(switchSchool, world.actors.COORDINATOR, { schoolId: world.b.school.id }, ids(), NOT_FOUND_MESSAGE);
  });

  it.each<RoleColumn>(["ADMIN", "COORDINATOR", "TEACHER", "DSL"])(
    "lets %s pick a school they work in, writing only an audit entry",
    async (role) => {
      const actor = world.actors[role];
      const { result, changes } = await runCommand(switchSchool, actor, { schoolId: world.a.school.id }, ids());
      expect(result.ok, result.message).toBe(true);
      expect(changes).toEqual({ auditLogs: 1 });
      const [audit] = await auditEntriesBy(actor.userId, 1);
      expect(audit).toMatchObject({ action: "auth.school_switched", recordType: "School", recordId: world.a.school.id });
    },
  );

  it("lets trust staff move to their other school, which then becomes their actor's school", async () => {
    await addMembership(db, { userId: world.a.staff.teacher.id, schoolId: world.b.school.id, roles: ["TEACHER", "DSL"] });
    const actor = await actorFor(world.a.staff.teacher);
    const { result, changes } = await runCommand(switchSchool, actor, { schoolId: world.b.school.id }, ids());
    expect(result.ok, result.message).toBe(true);
    expect(changes).toEqual({ auditLogs: 1 });
    const [audit] = await auditEntriesBy(actor.userId, 1);
    expect(audit!.changes).toEqual({ from: world.a.school.id, to: world.b.school.id });
    const switched = await actorFor(world.a.staff.teacher, world.b.school.id);
    expect(switched.schoolId).toBe(world.b.school.id);
    expect(switched.roles).toEqual(["TEACHER", "DSL"]);
  });
});
