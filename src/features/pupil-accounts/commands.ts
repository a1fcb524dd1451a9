import "server-only";
import { defineCommand, type CommandContext } from "@/server/command";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";
import { setOwnPasswordInTx, unusablePasswordHash } from "@/server/password";
import { recordSecurityEvent, recordSecurityEventIn } from "@/server/security-events";
import { makeCodes, redeemCode } from "@/server/setup-codes";
import { recordLockOnce, throttledCheck } from "@/server/sign-in";
import { writeAudit } from "@/server/audit";
import { formatStaffDate, todayIn } from "@/lib/dates";
import { pupilFullName } from "./names";
import { createPupilAccountsSchema, renewSetUpCodesSchema, resetPupilPasswordSchema } from "./schemas";

// Pupil accounts (issue 11, ADR 025): admins and coordinators make them from the MIS school email,
// print set-up codes, renew codes and reset passwords. Not teachers: a reset lets the resetter choose
// the pupil's next password, so act as the pupil.

const ALLOW = ["ADMIN", "COORDINATOR"] as const;
const PUPIL = { id: true, legalFirstName: true, legalLastName: true, preferredName: true, tutorGroup: true } as const;

/** A password nobody knows: the hash of 32 random bytes, so a new or reset account opens only with its code. */

const names = (pupils: { legalFirstName: string; legalLastName: string; preferredName: string | null }[]) =>
  pupils.map(pupilFullName).join(", ");

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The pupils' rows, locked, in the actor's school; any id that is not one of them is "not found". */
async function lockPupils(ctx: CommandContext, studentIds: string[]) {
  const ids = [...new Set(studentIds)].sort();
  await ctx.tx
    .$queryRaw`SELECT 1 FROM "Student" WHERE "schoolId" = ${ctx.actor.schoolId} AND "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
  const pupils = await ctx.tx.student.findMany({
    where: { schoolId: ctx.actor.schoolId, id: { in: ids } },
    orderBy: [{ legalLastName: "asc" }, { legalFirstName: "asc" }],
    select: { ...PUPIL, status: true, schoolEmail: true, userId: true, user: { select: { passwordSetAt: true } } },
  });
  if (pupils.length !== ids.length) throw new NotFoundError("pupil");
  return pupils;
}

async function codesMade(ctx: CommandContext, count: number, detail: Record<string, string | number | boolean> = {}) {
  await recordSecurityEventIn(ctx.tx, {
    kind: "pupil.codes_made",
    userId: ctx.actor.userId,
    schoolId: ctx.actor.schoolId,
    detail: { count, ...detail },
  });
}

export const createPupilAccounts = defineCommand(
  {
    name: "createPupilAccounts",
    schema: createPupilAccountsSchema,
    allow: ALLOW,
    transaction: { timeoutMs: 60_000, statementTimeout: "30s" },
  },
  async (input, ctx) => {
    const { tx, actor } = ctx;
    const pupils = await lockPupils(ctx, input.studentIds);
    const left = pupils.filter((p) => p.status !== "ON_ROLL");
    const hasAccount = pupils.filter((p) => p.status === "ON_ROLL" && p.userId !== null);
    const noEmail = pupils.filter((p) => p.status === "ON_ROLL" && p.userId === null && !p.schoolEmail?.trim());
    const candidates = pupils.filter((p) => p.status === "ON_ROLL" && p.userId === null && p.schoolEmail?.trim());
    const emails = candidates.map((p) => p.schoolEmail!.trim().toLowerCase());
    const taken = new Set((await tx.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((u) => u.email));
    const seen = new Set<string>();
    const emailTaken = candidates.filter((p) => {
      const email = p.schoolEmail!.trim().toLowerCase();
      const isTaken = taken.has(email) || seen.has(email);
      seen.add(email);
      return isTaken;
    });
    const toCreate = candidates.filter((p) => !emailTaken.includes(p));

    const notes: string[] = [];
    if (noEmail.length) notes.push(`No school email in the MIS, so no account: ${names(noEmail)}. Add it in the MIS and import again.`);
    if (emailTaken.length) notes.push(`Their school email is already used by another account: ${names(emailTaken)}.`);
    if (left.length) notes.push(`No longer on roll: ${names(left)}.`);
    if (hasAccount.length) notes.push(`Already had an account, so skipped: ${names(hasAccount)}.`);
    if (toCreate.length === 0) throw new RuleError(["No accounts were made.", ...notes].join(" "));

    const passwordHash = await unusablePasswordHash();
    const users = await tx.user.createManyAndReturn({
      data: toCreate.map((p) => ({ email: p.schoolEmail!.trim().toLowerCase(), name: pupilFullName(p), passwordHash })),
      select: { id: true, email: true },
    });
    const userOf = new Map(users.map((u) => [u.email, u.id]));
    for (const pupil of toCreate) {
      const linked = await tx.student.updateMany({
        where: { schoolId: actor.schoolId, id: pupil.id, userId: null },
        data: { userId: userOf.get(pupil.schoolEmail!.trim().toLowerCase())! },
      });
      if (linked.count !== 1) throw new Error(`createPupilAccounts: pupil ${pupil.id} changed under its lock`);
    }
    const codes = await makeCodes(tx, { schoolId: actor.schoolId, userIds: users.map((u) => u.id), createdById: actor.userId });
    await ctx.auditMany(
      toCreate.map((p) => ({
        action: "pupil_account.created",
        recordType: "Student",
        recordId: p.id,
        changes: { userId: userOf.get(p.schoolEmail!.trim().toLowerCase()), email: p.schoolEmail!.trim().toLowerCase() },
      })),
    );
    await codesMade(ctx, codes.length);
    const before = formatStaffDate(todayIn(actor.timezone, codes[0]!.expiresAt));
    return {
      message: [
        `${plural(toCreate.length, "account", "accounts")} made, each with a set-up code to use before ${before}. Print the codes from the list of tutor groups.`,
        ...notes,
      ].join(" "),
    };
  },
);

export const renewSetUpCodes = defineCommand(
  { name: "renewSetUpCodes", schema: renewSetUpCodesSchema, allow: ALLOW, transaction: { timeoutMs: 60_000, statementTimeout: "30s" } },
  async (input, ctx) => {
    const { tx, actor } = ctx;
    let pupils;
    if (input.tutorGroup) {
      const ids = (
        await tx.student.findMany({
          where: { schoolId: actor.schoolId, tutorGroup: input.tutorGroup, status: "ON_ROLL" },
          select: { id: true },
        })
      ).map((p) => p.id);
      if (ids.length === 0) throw new NotFoundError("tutor group");
      pupils = await lockPupils(ctx, ids);
    } else pupils = await lockPupils(ctx, input.studentIds);
    const waiting = pupils.filter((p) => p.status === "ON_ROLL" && p.userId !== null && p.user?.passwordSetAt == null);
    const passwordSet = pupils.filter((p) => p.status === "ON_ROLL" && p.user?.passwordSetAt != null);
    const noAccount = pupils.filter((p) => p.status === "ON_ROLL" && p.userId === null);
    const notes: string[] = [];
    if (passwordSet.length) notes.push(`Already chose a password (reset it instead if they need a new one): ${names(passwordSet)}.`);
    if (!input.tutorGroup && noAccount.length) notes.push(`No account yet, so no code: ${names(noAccount)}.`);
    if (waiting.length === 0) throw new RuleError(["No codes to renew: nobody chosen is waiting to set a password.", ...notes].join(" "));

    const codes = await makeCodes(tx, { schoolId: actor.schoolId, userIds: waiting.map((p) => p.userId!), createdById: actor.userId });
    await ctx.auditMany(waiting.map((p) => ({ action: "pupil_account.code_renewed", recordType: "Student", recordId: p.id })));
    await codesMade(ctx, codes.length);
    const before = formatStaffDate(todayIn(actor.timezone, codes[0]!.expiresAt));
    return {
      message: [
        `New set-up codes for ${plural(waiting.length, "pupil", "pupils")}, to use before ${before}. Their old codes no longer work.`,
        ...notes,
      ].join(" "),
    };
  },
);

export const resetPupilPassword = defineCommand(
  { name: "resetPupilPassword", schema: resetPupilPasswordSchema, allow: ALLOW },
  async (input, ctx) => {
    const { tx, actor } = ctx;
    const [pupil] = await lockPupils(ctx, [input.studentId]);
    if (!pupil || pupil.status !== "ON_ROLL") throw new NotFoundError("pupil");
    if (!pupil.userId) throw new RuleError(`${pupilFullName(pupil)} has no account yet, so there is no password to reset.`);
    // A pupil's account only: a staff account is reset by its school's admin, never from a pupil list.
    const memberships = await tx.membership.count({ where: { userId: pupil.userId } });
    if (memberships > 0) throw new RuleError("This account is also a staff account, so it cannot be reset here. Ask your PeerPath admin.");
    await tx.user.update({
      where: { id: pupil.userId },
      data: {
        passwordHash: await unusablePasswordHash(),
        passwordSetAt: null,
        mustChangePassword: false,
        sessionVersion: { increment: 1 },
      },
    });
    await tx.userSession.deleteMany({ where: { userId: pupil.userId } });
    const [code] = await makeCodes(tx, { schoolId: actor.schoolId, userIds: [pupil.userId], createdById: actor.userId });
    await ctx.audit({
      action: "pupil_account.password_reset",
      recordType: "Student",
      recordId: pupil.id,
      changes: { userId: pupil.userId },
    });
    await codesMade(ctx, 1, { reset: true });
    return {
      message: `Password reset for ${pupilFullName(pupil)}. Their old password no longer works and they are signed out everywhere. Print their new code from the list of tutor groups (use before ${formatStaffDate(todayIn(actor.timezone, code!.expiresAt))}).`,
    };
  },
);

export const SET_UP_FAILED_MESSAGE = "That code did not work. Check it, or ask your form tutor for a new one.";

export type SetUpOutcome = "ok" | "invalid" | "locked" | "busy";

/**
 * /set-up (public): a pupil's school email, the code from their card and a new password. Checked under
 * sign-in's locks (five wrong codes pause the email as five wrong passwords do); the code is spent and
 * the password set in one transaction, which ends every session of the account.
 */
export async function setUpWithCode(
  input: { email: string; code: string; newPassword: string; ip: string },
  options: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SetUpOutcome> {
  const email = input.email.trim().toLowerCase();
  const result = await throttledCheck(
    db,
    { email, ip: input.ip },
    () =>
      db.$transaction(
        async (tx) => {
          const redeemed = await redeemCode(tx, { email, code: input.code, now: options.now });
          if (!redeemed) return null;
          await setOwnPasswordInTx(tx, redeemed.userId, input.newPassword);
          await writeAudit(tx, redeemed, {
            action: "account.password_set",
            recordType: "User",
            recordId: redeemed.userId,
            changes: { how: "CODE" },
          });
          await recordSecurityEventIn(tx, { kind: "account.password_set", ...redeemed, email, ip: input.ip, detail: { how: "CODE" } });
          return redeemed;
        },
        { maxWait: 8_000, timeout: 20_000 },
      ),
    options,
  );
  if (result.status === "ok" || result.status === "busy") return result.status;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, students: { select: { schoolId: true }, take: 1 } } });
  const who = { userId: user?.id ?? null, schoolId: user?.students[0]?.schoolId ?? null, email, ip: input.ip };
  if (result.status === "locked") {
    await recordLockOnce(db, who, result.until);
    return "locked";
  }
  await recordSecurityEvent({ kind: "account.set_up_failed", ...who, detail: { delayMs: result.delayMs } });
  return "invalid";
}
