import "server-only";
import type { StaffRole } from "@/server/actor";
import { LIVE_MEMBERSHIP, PUPIL_ACCESS_SELECT, pupilMaySignIn } from "@/server/account-access";
import { defineCommand, type CommandContext } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { unusablePasswordHash } from "@/server/password";
import { recordSecurityEventIn, type SecurityEventKind } from "@/server/security-events";
import { makeSetPasswordLink, revokeLinks, setPasswordPath } from "@/server/account-links";
import { resetTwoFactorIn } from "@/server/two-factor";
import type { Prisma } from "@/generated/prisma/client";
import { emailingLink } from "./link-delivery";
import { ROLE_FIELDS, addStaffMemberSchema, staffMemberSchema, updateStaffMemberSchema } from "./schemas";
import { lockSchool } from "@/server/locks";

// Staff accounts (issue 11, ADR 025), ADMIN only. Disabling is per school (a Membership): trust staff
// keep their other schools. A user's name and email are global, so they change here only when this
// school is the user's only one. The school's row is locked first by every change to who is an
// enabled admin, so "the last admin" cannot be removed by two changes at once.

export const ALREADY_STAFF_MESSAGE = "They are already on this school's staff.";
export const PUPIL_EMAIL_MESSAGE = "That email address belongs to a pupil's account. Use their staff email address.";
export const OWN_ADMIN_MESSAGE = "You cannot remove your own admin role. Ask another admin to do it.";
export const LAST_ADMIN_MESSAGE = "The school needs at least one admin who can sign in. Make someone else an admin first.";
export const SELF_DISABLE_MESSAGE = "You cannot disable your own account. Ask another admin to do it.";
export const SHARED_ACCOUNT_MESSAGE =
  "They also use PeerPath at another school, so their name and email cannot be changed here. Ask PeerPath support to change them.";
export const SHARED_LINK_MESSAGE =
  "They also use PeerPath at another school, so they keep the password they have. If they have forgotten it, they can ask PeerPath support.";
export const NOTHING_CHANGED_MESSAGE = "Nothing changed: these are already their details.";
export const ALREADY_DISABLED_MESSAGE = "Their account here is already disabled.";
export const ALREADY_ENABLED_MESSAGE = "Their account here is already enabled.";
export const DISABLED_NO_LINK_MESSAGE = "Their account here is disabled. Enable it first, then send a link.";
export const ADDED_REPLAY_MESSAGE =
  "They were added a moment ago. A set-password link is shown only once: if it did not reach them, open their page and send a new one.";
export const LINK_REPLAY_MESSAGE =
  "A link was made a moment ago and is shown only once. If it did not reach them, send a new one: the old one then stops working.";
const LINK_LABEL = "Set-password link";

const rolesOf = (input: Record<(typeof ROLE_FIELDS)[number]["field"], boolean>): StaffRole[] =>
  ROLE_FIELDS.filter((f) => input[f.field]).map((f) => f.role);

const event = (ctx: CommandContext, kind: SecurityEventKind, detail: Prisma.InputJsonObject) =>
  recordSecurityEventIn(ctx.tx, { kind, userId: ctx.actor.userId, schoolId: ctx.actor.schoolId, detail });

/** The staff membership of `userId` at the actor's school, locked; another school's is "not found". */
async function membershipOf(ctx: CommandContext, userId: string) {
  await ctx.tx.$queryRaw`SELECT 1 FROM "Membership" WHERE "schoolId" = ${ctx.actor.schoolId} AND "userId" = ${userId} FOR UPDATE`;
  const membership = await ctx.tx.membership.findFirst({
    where: { schoolId: ctx.actor.schoolId, userId, NOT: { roles: { isEmpty: true } } },
    select: { id: true, roles: true, disabledAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!membership) throw new NotFoundError("member of staff");
  return membership;
}

/**
 * An account someone also uses at another school (or as a pupil): one school's admin may not change its
 * name, email or password, or they could sign in as that person at the other school.
 */
async function isSharedAccount(ctx: CommandContext, userId: string): Promise<boolean> {
  const elsewhere = await ctx.tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { _count: { select: { memberships: { where: { schoolId: { not: ctx.actor.schoolId } } }, students: true } } },
  });
  return elsewhere._count.memberships > 0 || elsewhere._count.students > 0;
}

async function otherEnabledAdmins(ctx: CommandContext, membershipId: string): Promise<number> {
  return ctx.tx.membership.count({
    where: { schoolId: ctx.actor.schoolId, id: { not: membershipId }, ...LIVE_MEMBERSHIP, roles: { has: "ADMIN" } },
  });
}

/** Makes a link for the user (their old one stops), records it, and answers with it for link-delivery.ts. */
async function newLink(ctx: CommandContext, user: { id: string; name: string }) {
  const token = await makeSetPasswordLink(ctx.tx, { schoolId: ctx.actor.schoolId, userId: user.id, createdById: ctx.actor.userId });
  await ctx.audit({ action: "account.link_made", recordType: "User", recordId: user.id });
  await event(ctx, "account.link_made", { targetUserId: user.id, name: user.name });
  return { href: setPasswordPath(ctx.actor.schoolId, token), label: LINK_LABEL };
}

/**
 * Adds a member of staff. Someone with a PeerPath account already (a trust colleague) gets a membership
 * here and signs in with their own password; a new person gets an account whose password nobody knows
 * until they set it with the link. Idempotent by the form's key, and by the membership's natural key.
 */
const addStaffMemberCommand = defineCommand(
  {
    name: "addStaffMember",
    schema: addStaffMemberSchema,
    allow: ["ADMIN"],
    isIdempotent: true,
    alreadyExists: "Someone with that email address was added at the same moment. Reload the page to see them.",
  },
  async (input, ctx) => {
    const { tx, actor, audit } = ctx;
    const roles = rolesOf(input);
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: {
        id: true,
        name: true,
        memberships: { where: { schoolId: actor.schoolId }, select: { id: true } },
        students: { select: { id: true } },
      },
    });
    if (existing && existing.memberships.length > 0)
      throw new RuleError(
        ALREADY_STAFF_MESSAGE,
        { email: [ALREADY_STAFF_MESSAGE] },
        { href: `/admin/staff/${existing.id}`, label: `Open ${existing.name}` },
      );
    if (existing && existing.students.length > 0) throw new RuleError(PUPIL_EMAIL_MESSAGE, { email: [PUPIL_EMAIL_MESSAGE] });
    if (existing) {
      const membership = await tx.membership.create({
        data: { schoolId: actor.schoolId, userId: existing.id, roles },
        select: { id: true },
      });
      await audit({
        action: "staff.added",
        recordType: "Membership",
        recordId: membership.id,
        changes: { userId: existing.id, roles, existingAccount: true },
      });
      await event(ctx, "staff.added", { targetUserId: existing.id, name: existing.name, roles });
      return {
        message: `${existing.name} already has a PeerPath account from another school, so they can sign in here now with the password they use there.`,
        recordId: existing.id,
      };
    }
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        // Nobody knows this password: the account opens only once its owner sets one with the link.
        passwordHash: await unusablePasswordHash(),
        mustChangePassword: false,
        memberships: { create: { schoolId: actor.schoolId, roles } },
      },
      select: { id: true, name: true, memberships: { select: { id: true } } },
    });
    await audit({
      action: "staff.added",
      recordType: "Membership",
      recordId: user.memberships[0]!.id,
      changes: { userId: user.id, name: input.name, email: input.email, roles, existingAccount: false },
    });
    await event(ctx, "staff.added", { targetUserId: user.id, name: user.name, roles });
    return {
      message: `${user.name} is added.`,
      recordId: user.id,
      link: await newLink(ctx, user),
      replay: { message: ADDED_REPLAY_MESSAGE },
    };
  },
);

export const updateStaffMember = defineCommand(
  {
    name: "updateStaffMember",
    schema: updateStaffMemberSchema,
    allow: ["ADMIN"],
    alreadyExists: "Another PeerPath account already uses that email address.",
  },
  async (input, ctx) => {
    const { tx, actor, audit } = ctx;
    await lockSchool(ctx.tx, ctx.actor.schoolId);
    const membership = await membershipOf(ctx, input.userId);
    const user = membership.user;
    const roles = rolesOf(input);
    const rolesChanged = roles.length !== membership.roles.length || roles.some((r) => !membership.roles.includes(r));
    const nameChanged = input.name !== user.name;
    const emailChanged = input.email !== user.email;
    if (!rolesChanged && !nameChanged && !emailChanged) throw new RuleError(NOTHING_CHANGED_MESSAGE);
    const losesAdmin = membership.roles.includes("ADMIN") && !roles.includes("ADMIN");
    if (losesAdmin && membership.disabledAt === null && (await otherEnabledAdmins(ctx, membership.id)) === 0)
      throw new RuleError(LAST_ADMIN_MESSAGE, { roles: [LAST_ADMIN_MESSAGE] });
    if (losesAdmin && user.id === actor.userId) throw new RuleError(OWN_ADMIN_MESSAGE, { roles: [OWN_ADMIN_MESSAGE] });
    if (nameChanged || emailChanged) {
      if (await isSharedAccount(ctx, user.id))
        throw new RuleError(SHARED_ACCOUNT_MESSAGE, {
          ...(nameChanged ? { name: [SHARED_ACCOUNT_MESSAGE] } : {}),
          ...(emailChanged ? { email: [SHARED_ACCOUNT_MESSAGE] } : {}),
        });
      await tx.user.update({ where: { id: user.id }, data: { name: input.name, email: input.email } });
    }
    if (rolesChanged) await tx.membership.updateMany({ where: { schoolId: actor.schoolId, id: membership.id }, data: { roles } });
    await audit({
      action: "staff.updated",
      recordType: "Membership",
      recordId: membership.id,
      changes: {
        userId: user.id,
        ...(nameChanged ? { name: { before: user.name, after: input.name } } : {}),
        ...(emailChanged ? { email: { before: user.email, after: input.email } } : {}),
        ...(rolesChanged ? { roles: { before: membership.roles, after: roles } } : {}),
      },
    });
    if (rolesChanged)
      await event(ctx, "staff.roles_changed", { targetUserId: user.id, name: input.name, before: membership.roles, after: roles });
    return { message: `Saved ${input.name}'s details.`, recordId: user.id };
  },
);

/**
 * Closes this school to them at once (every request reloads memberships). When they have no other
 * school and no pupil record that lets them sign in, every session ends too; their unused link stops.
 */
export const disableStaffMember = defineCommand(
  { name: "disableStaffMember", schema: staffMemberSchema, allow: ["ADMIN"] },
  async (input, ctx) => {
    const { tx, actor, audit } = ctx;
    await lockSchool(ctx.tx, ctx.actor.schoolId);
    const membership = await membershipOf(ctx, input.userId);
    if (membership.user.id === actor.userId) throw new RuleError(SELF_DISABLE_MESSAGE);
    if (membership.disabledAt) throw new RuleError(ALREADY_DISABLED_MESSAGE);
    if (membership.roles.includes("ADMIN") && (await otherEnabledAdmins(ctx, membership.id)) === 0) throw new RuleError(LAST_ADMIN_MESSAGE);
    const now = new Date();
    await tx.membership.updateMany({
      where: { schoolId: actor.schoolId, id: membership.id },
      data: { disabledAt: now, disabledById: actor.userId },
    });
    await revokeLinks(tx, { schoolId: actor.schoolId, userId: membership.user.id }, now);
    const stillOpen = await tx.user.findUniqueOrThrow({
      where: { id: membership.user.id },
      select: {
        _count: { select: { memberships: { where: { ...LIVE_MEMBERSHIP, NOT: { roles: { isEmpty: true } } } } } },
        students: { select: PUPIL_ACCESS_SELECT },
      },
    });
    const isSignedOut = stillOpen._count.memberships === 0 && !stillOpen.students.some((pupil) => pupilMaySignIn(pupil));
    if (isSignedOut) {
      await tx.user.update({ where: { id: membership.user.id }, data: { sessionVersion: { increment: 1 } } });
      await tx.userSession.deleteMany({ where: { userId: membership.user.id } });
    }
    await audit({
      action: "staff.disabled",
      recordType: "Membership",
      recordId: membership.id,
      changes: { userId: membership.user.id, signedOut: isSignedOut },
    });
    await event(ctx, "account.disabled", { targetUserId: membership.user.id, name: membership.user.name, signedOut: isSignedOut });
    return {
      message: isSignedOut
        ? `${membership.user.name}'s account is disabled and they are signed out everywhere.`
        : `${membership.user.name}'s account is disabled at this school. They can still use PeerPath at their other school.`,
      recordId: membership.user.id,
    };
  },
);

export const enableStaffMember = defineCommand(
  { name: "enableStaffMember", schema: staffMemberSchema, allow: ["ADMIN"] },
  async (input, ctx) => {
    const { tx, actor, audit } = ctx;
    const membership = await membershipOf(ctx, input.userId);
    if (!membership.disabledAt) throw new RuleError(ALREADY_ENABLED_MESSAGE);
    await tx.membership.updateMany({
      where: { schoolId: actor.schoolId, id: membership.id },
      data: { disabledAt: null, disabledById: null },
    });
    await audit({ action: "staff.enabled", recordType: "Membership", recordId: membership.id, changes: { userId: membership.user.id } });
    await event(ctx, "account.enabled", { targetUserId: membership.user.id, name: membership.user.name });
    return {
      message: `${membership.user.name}'s account is enabled. They sign in with their own password, or you can send them a set-password link.`,
      recordId: membership.user.id,
    };
  },
);

/** A new set-password link (the old one stops working): emailed, or shown once (link-delivery.ts). */
const sendSetPasswordLinkCommand = defineCommand(
  {
    name: "sendSetPasswordLink",
    schema: staffMemberSchema,
    allow: ["ADMIN"],
    isIdempotent: true,
    alreadyExists: "A link was made for them at the same moment. Reload the page and try again if it did not reach them.",
  },
  async (input, ctx) => {
    const membership = await membershipOf(ctx, input.userId);
    if (membership.disabledAt) throw new RuleError(DISABLED_NO_LINK_MESSAGE);
    if (await isSharedAccount(ctx, membership.user.id)) throw new RuleError(SHARED_LINK_MESSAGE);
    const link = await newLink(ctx, membership.user);
    return {
      message: `Here is a new link for ${membership.user.name}.`,
      recordId: membership.user.id,
      link,
      replay: { message: LINK_REPLAY_MESSAGE },
    };
  },
);

export const addStaffMember = emailingLink(addStaffMemberCommand);
export const sendSetPasswordLink = emailingLink(sendSetPasswordLinkCommand);
export { addStaffMemberCommand, sendSetPasswordLinkCommand };

export const SELF_TWO_FACTOR_MESSAGE =
  "You cannot reset your own two-factor. Ask another admin, or sign in with one of your recovery codes.";
export const NO_TWO_FACTOR_MESSAGE = "They have not set up two-factor, so there is nothing to reset.";
export const SHARED_TWO_FACTOR_MESSAGE =
  "They also use PeerPath at another school, so their two-factor is not this school's to reset. They can ask PeerPath support.";

/**
 * Resets a colleague's second factor (a lost phone; issue 12): their authenticator app and recovery
 * codes stop working and they are signed out; their next password sign-in sets it up again. Audited and
 * a security event. Never one's own, nor an account another school shares.
 */
export const resetStaffTwoFactor = defineCommand(
  { name: "resetStaffTwoFactor", schema: staffMemberSchema, allow: ["ADMIN"] },
  async (input, ctx) => {
    const membership = await membershipOf(ctx, input.userId);
    if (membership.user.id === ctx.actor.userId) throw new RuleError(SELF_TWO_FACTOR_MESSAGE);
    await ctx.tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${membership.user.id} FOR UPDATE`;
    const user = await ctx.tx.user.findUniqueOrThrow({
      where: { id: membership.user.id },
      select: { totpConfirmedAt: true },
    });
    if (!user.totpConfirmedAt) throw new RuleError(NO_TWO_FACTOR_MESSAGE);
    if (await isSharedAccount(ctx, membership.user.id)) throw new RuleError(SHARED_TWO_FACTOR_MESSAGE);
    await resetTwoFactorIn(ctx.tx, membership.user.id);
    await ctx.audit({
      action: "staff.two_factor_reset",
      recordType: "Membership",
      recordId: membership.id,
      changes: { userId: membership.user.id, setUpAt: user.totpConfirmedAt.toISOString() },
    });
    await event(ctx, "account.two_factor_reset", { targetUserId: membership.user.id, name: membership.user.name });
    return {
      message: `${membership.user.name}'s two-factor is reset and they are signed out. They set it up again the next time they sign in.`,
      recordId: membership.user.id,
    };
  },
);
