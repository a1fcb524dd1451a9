import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { requireRoleForRead } from "@/server/security-events";
import { env } from "@/env";
import type { SsoProviderKind } from "@/lib/sso";
import { ssoButtons } from "@/server/sso-providers";

/**
 * The school's staff, by name; `q` narrows by name or email. "Disabled" is this school's membership
 * (issue 11): a trust colleague disabled here may still work at another school.
 */
export async function listStaffForAdmin(actor: Actor, options: { q?: string } = {}) {
  await requireRoleForRead(actor, "ADMIN");
  const q = options.q?.trim();
  const memberships = await db.membership.findMany({
    where: {
      schoolId: actor.schoolId,
      NOT: { roles: { isEmpty: true } },
      ...(q
        ? {
            user: {
              OR: [{ name: { contains: q, mode: "insensitive" as const } }, { email: { contains: q, mode: "insensitive" as const } }],
            },
          }
        : {}),
    },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: { roles: true, disabledAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return memberships.map((m) => ({ ...m.user, roles: m.roles, isDisabled: m.disabledAt !== null }));
}

/** The school's safeguarding settings and every member of staff with their safeguarding flags. */
export async function getSafeguardingSettingsForAdmin(actor: Actor) {
  await requireRoleForRead(actor, "ADMIN");
  const school = await db.school.findUniqueOrThrow({
    where: { id: actor.schoolId },
    select: { dangerInstruction: true, concernEscalateMinutes: true },
  });
  return { ...school, staff: await listStaffForAdmin(actor) };
}

/** The school's sign-in settings (issue 12), and which single sign-on this PeerPath offers. */
export async function getSignInSettingsForAdmin(actor: Actor) {
  await requireRoleForRead(actor, "ADMIN");
  const school = await db.school.findUniqueOrThrow({
    where: { id: actor.schoolId },
    select: { requireTwoFactor: true, ssoBindings: { select: { provider: true, value: true }, orderBy: { value: "asc" } } },
  });
  const of = (provider: SsoProviderKind) => school.ssoBindings.filter((b) => b.provider === provider).map((b) => b.value);
  return {
    requireTwoFactor: school.requireTwoFactor,
    googleDomains: of("GOOGLE"),
    microsoftTenants: of("MICROSOFT"),
    oidcDomains: of("OIDC"),
    offered: ssoButtons(env).map((b) => b.kind),
    oidcName: env.AUTH_OIDC_NAME ?? null,
  };
}
