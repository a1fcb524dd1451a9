import "server-only";
import { db } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { redeemLink } from "@/server/account-links";
import { setOwnPasswordInTx } from "@/server/password";
import { recordSecurityEventIn } from "@/server/security-events";

export const LINK_GONE_MESSAGE = "This link has expired or been used. Ask your school's PeerPath admin for a new one.";

const TRANSACTION = { maxWait: 8_000, timeout: 20_000 } as const;

/**
 * Someone sets their password with a link (signed out): in one transaction the link is spent (once:
 * of two at once, one), the password set (every session ends), and both logs written. False when the
 * link is unknown, used, revoked or expired.
 */
export async function setPasswordWithLink(input: { schoolId: string; token: string; newPassword: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('lock_timeout', '4s', true), set_config('statement_timeout', '15s', true)`;
    const link = await redeemLink(tx, { schoolId: input.schoolId, token: input.token });
    if (!link) return false;
    await setOwnPasswordInTx(tx, link.userId, input.newPassword);
    await recordSecurityEventIn(tx, {
      kind: "account.password_set",
      userId: link.userId,
      schoolId: input.schoolId,
      detail: { how: "link" },
    });
    await writeAudit(
      tx,
      { userId: link.userId, schoolId: input.schoolId },
      {
        action: "user.password_set",
        recordType: "User",
        recordId: link.userId,
        changes: { password: "set with a link" },
      },
    );
    return true;
  }, TRANSACTION);
}
