import "server-only";
import { defineCommand } from "@/server/command";
import { RuleError, NotFoundError } from "@/server/errors";
import { setOwnPasswordInTx, verifyPassword } from "@/server/password";
import { commonPasswordProblem } from "@/server/password-policy";
import { CHECK_FIELDS_MESSAGE } from "@/lib/field-errors";
import { EVERY_ROLE, STAFF_ROLES } from "@/server/actor";
import { changePasswordSchema, switchSchoolSchema } from "./schemas";

const EVERYONE = EVERY_ROLE;

export const changePassword = defineCommand(
  { name: "changePassword", schema: changePasswordSchema, allow: EVERYONE, allowWhilePasswordChangeRequired: true },
  async (input, { tx, actor, audit }) => {
    // Locked, so two changes at once cannot both pass the check against the same old password.
    const [user] = await tx.$queryRaw<
      { passwordHash: string }[]
    >`SELECT "passwordHash" FROM "User" WHERE "id" = ${actor.userId} FOR UPDATE`;
    if (!user) throw new NotFoundError("user");
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new RuleError("Your current password is not right.", { currentPassword: ["Your current password is not right."] });
    }
    const problem = commonPasswordProblem(input.newPassword);
    if (problem) throw new RuleError(CHECK_FIELDS_MESSAGE, { newPassword: [problem] });
    await setOwnPasswordInTx(tx, actor.userId, input.newPassword);
    await audit({ action: "user.password_changed", recordType: "User", recordId: actor.userId, changes: { password: "changed" } });
    return { message: "Your password has been changed. Please sign in with your new password." };
  },
);

export const switchSchool = defineCommand(
  { name: "switchSchool", schema: switchSchoolSchema, allow: STAFF_ROLES },
  async (input, { actor, audit }) => {
    if (!actor.schools.some((s) => s.id === input.schoolId)) throw new NotFoundError("school");
    await audit({
      action: "auth.school_switched",
      recordType: "School",
      recordId: input.schoolId,
      changes: { from: actor.schoolId, to: input.schoolId },
    });
    return { message: "School changed.", recordId: input.schoolId };
  },
);
