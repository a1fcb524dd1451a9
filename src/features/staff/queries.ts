import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";

/** One member of the admin's school's staff, for their page; anyone else (another school's) is a 404. */
export async function getStaffMemberForAdmin(actor: Actor, userId: string) {
  await requireRoleForRead(actor, "ADMIN");
  const membership = /^[A-Za-z0-9_-]{1,40}$/.test(userId)
    ? await db.membership.findFirst({
        where: { schoolId: actor.schoolId, userId, NOT: { roles: { isEmpty: true } } },
        select: {
          roles: true,
          disabledAt: true,
          user: {
            select: {
              id: true,
              name: true,
              email: true,
              passwordSetAt: true,
              totpConfirmedAt: true,
              _count: { select: { memberships: { where: { schoolId: { not: actor.schoolId } } }, students: true } },
            },
          },
        },
      })
    : null;
  if (!membership) return notFoundFor(actor, "member of staff", userId);
  const link = await db.accountToken.findFirst({
    where: { schoolId: actor.schoolId, userId, kind: "LINK", usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { expiresAt: true },
  });
  const { user } = membership;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: membership.roles,
    isDisabled: membership.disabledAt !== null,
    disabledAt: membership.disabledAt,
    isSelf: user.id === actor.userId,
    /** A user with another school or a pupil record: name and email are not this school's to change. */
    isShared: user._count.memberships > 0 || user._count.students > 0,
    passwordSetAt: user.passwordSetAt,
    /** Two-factor (issue 12): when they set it up. */
    twoFactorSetUpAt: user.totpConfirmedAt,
    liveLinkExpiresAt: link?.expiresAt ?? null,
  };
}
