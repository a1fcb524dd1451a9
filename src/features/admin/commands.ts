import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import type { StaffRole } from "@/server/actor";
import { recordSecurityEventIn } from "@/server/security-events";
import { safeguardingRolesSchema, safeguardingSettingsSchema } from "./schemas";

export const updateSafeguardingSettings = defineCommand(
  { name: "updateSafeguardingSettings", schema: safeguardingSettingsSchema, allow: ["ADMIN"] },
  async (input, { tx, actor, audit }) => {
    const before = await tx.school.findUniqueOrThrow({
      where: { id: actor.schoolId },
      select: { dangerInstruction: true, concernEscalateMinutes: true },
    });
    await tx.school.update({
      where: { id: actor.schoolId },
      data: { dangerInstruction: input.dangerInstruction, concernEscalateMinutes: input.concernEscalateMinutes },
    });
    await audit({
      action: "school.safeguarding_settings_changed",
      recordType: "School",
      recordId: actor.schoolId,
      changes: { before, after: input },
    });
    return { message: "Saved. Everyone raising a concern now sees these words." };
  },
);

const FLAGS: { field: "dsl" | "head" | "chair"; role: StaffRole }[] = [
  { field: "dsl", role: "DSL" },
  { field: "head", role: "HEAD" },
  { field: "chair", role: "CHAIR_OF_GOVERNORS" },
];

export const setSafeguardingRoles = defineCommand(
  { name: "setSafeguardingRoles", schema: safeguardingRolesSchema, allow: ["ADMIN"] },
  async (input, { tx, actor, audit }) => {
    await tx.$queryRaw`SELECT 1 FROM "Membership" WHERE "schoolId" = ${actor.schoolId} AND "userId" = ${input.userId} FOR UPDATE`;
    const membership = await tx.membership.findFirst({
      where: { schoolId: actor.schoolId, userId: input.userId, NOT: { roles: { isEmpty: true } } },
      select: { id: true, roles: true },
    });
    if (!membership) throw new NotFoundError("member of staff");
    const kept = membership.roles.filter((role) => !FLAGS.some((f) => f.role === role));
    const roles = [...kept, ...FLAGS.filter((f) => input[f.field]).map((f) => f.role)];
    if (roles.length === 0) throw new RuleError("A member of staff needs at least one role. Give them another role first.");
    const unchanged = roles.length === membership.roles.length && roles.every((r) => membership.roles.includes(r));
    if (unchanged) throw new RuleError("Nothing changed: these are already their roles.");
    await tx.membership.updateMany({ where: { schoolId: actor.schoolId, id: membership.id }, data: { roles } });
    await audit({
      action: "staff.safeguarding_roles_changed",
      recordType: "Membership",
      recordId: membership.id,
      changes: { userId: input.userId, before: membership.roles, after: roles },
    });
    const { name } = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true } });
    await recordSecurityEventIn(tx, {
      kind: "staff.roles_changed",
      userId: actor.userId,
      schoolId: actor.schoolId,
      detail: { targetUserId: input.userId, name, before: membership.roles, after: roles },
    });
    return { message: "Saved." };
  },
);
