import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import type { StaffRole } from "@/server/actor";
import { recordSecurityEventIn } from "@/server/security-events";
import { safeguardingRolesSchema, safeguardingSettingsSchema, signInSettingsSchema } from "./schemas";
import { lockSchool } from "@/server/locks";

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

const BINDING_FIELDS = [
  { field: "googleDomains", provider: "GOOGLE" },
  { field: "microsoftTenants", provider: "MICROSOFT" },
  { field: "oidcDomains", provider: "OIDC" },
] as const;

/**
 * The school's sign-in settings (issue 12, ADR 026): whether staff who see pupils' details need a second
 * factor, and which Google domains, Entra tenants and OpenID Connect email domains are the school's.
 * The school's row is locked, so two admins saving at once apply one after the other.
 */
export const updateSignInSettings = defineCommand(
  { name: "updateSignInSettings", schema: signInSettingsSchema, allow: ["ADMIN"] },
  async (input, { tx, actor, audit }) => {
    if (!(await lockSchool(tx, actor.schoolId))) throw new NotFoundError("school");
    const school = await tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { requireTwoFactor: true } });
    const existing = await tx.ssoBinding.findMany({
      where: { schoolId: actor.schoolId },
      select: { id: true, provider: true, value: true },
    });
    const wanted = BINDING_FIELDS.flatMap(({ field, provider }) => input[field].map((value) => ({ provider, value })));
    const removed = existing.filter((b) => !wanted.some((w) => w.provider === b.provider && w.value === b.value));
    const added = wanted.filter((w) => !existing.some((b) => b.provider === w.provider && b.value === w.value));
    if (removed.length === 0 && added.length === 0 && school.requireTwoFactor === input.requireTwoFactor)
      throw new RuleError("Nothing changed: these are already the school's sign-in settings.");
    if (removed.length > 0) await tx.ssoBinding.deleteMany({ where: { schoolId: actor.schoolId, id: { in: removed.map((b) => b.id) } } });
    if (added.length > 0)
      await tx.ssoBinding.createMany({ data: added.map((b) => ({ ...b, schoolId: actor.schoolId, createdById: actor.userId })) });
    if (school.requireTwoFactor !== input.requireTwoFactor)
      await tx.school.update({ where: { id: actor.schoolId }, data: { requireTwoFactor: input.requireTwoFactor } });
    const changes = {
      requireTwoFactor: { before: school.requireTwoFactor, after: input.requireTwoFactor },
      added: added.map((b) => `${b.provider} ${b.value}`),
      removed: removed.map((b) => `${b.provider} ${b.value}`),
    };
    await audit({ action: "school.sign_in_settings_changed", recordType: "School", recordId: actor.schoolId, changes });
    await recordSecurityEventIn(tx, {
      kind: "school.sign_in_settings_changed",
      userId: actor.userId,
      schoolId: actor.schoolId,
      detail: changes,
    });
    const turnedOn = !school.requireTwoFactor && input.requireTwoFactor;
    return {
      message: turnedOn
        ? "Saved. Admins, coordinators, safeguarding leads and the headteacher set up two-factor the next time they sign in with a password."
        : "Saved.",
    };
  },
);
