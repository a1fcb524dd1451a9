import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadActor } from "@/server/actor";
import { createStudent } from "@/server/factories";
import { openCodesFor } from "@/server/setup-codes";
import { attemptSignIn, MAX_FAILURES } from "@/server/sign-in";
import { formatSetUpCode } from "@/lib/account-codes";
import { actorFor, signedInClaims, FACTORY_PASSWORD } from "@/test-support/actors";
import { submit } from "@/test-support/commands";
import { expectNotFound } from "@/test-support/expectations";
import { readPdf } from "@/test-support/pdf-text";
import { buildWorld, uniqueEmail } from "@/test-support/school";
import type { Actor } from "@/server/actor";
import { createPupilAccounts, renewSetUpCodes, resetPupilPassword, setUpWithCode } from "./commands";
import { setUpCodeSheetDownload } from "./download";
import { getSetUpCodeSheet, listPupilsForAccounts } from "./queries";

type World = Awaited<ReturnType<typeof buildWorld>>;
const noSleep = async () => {};
const ip = () => `test-ip-${randomUUID()}`;
const NEW_PASSWORD = "a long new password 42";

describe("pupil accounts and set-up codes", () => {
  let w: World;
  let coordinator: Actor;
  beforeAll(async () => {
    w = await buildWorld();
    coordinator = w.actors.COORDINATOR;
  });

  /** A pupil on roll without an account, in a tutor group of the test's own, with a school email unless told. */
  const pupil = async (tutorGroup: string, options: { email?: string | null; firstName?: string } = {}) => {
    const student = await createStudent(db, {
      schoolId: w.a.school.id,
      yearGroup: 8,
      tutorGroup,
      firstName: options.firstName ?? "Pupil",
      today: w.a.today,
    });
    const schoolEmail = options.email === undefined ? uniqueEmail("pupil") : options.email;
    await db.student.update({ where: { schoolId_id: { schoolId: w.a.school.id, id: student.id } }, data: { schoolEmail } });
    return { ...student, schoolEmail };
  };
  const group = () => `T${randomUUID().slice(0, 6)}`;
  const codeOf = async (studentId: string) => {
    const { userId } = await db.student.findFirstOrThrow({ where: { id: studentId }, select: { userId: true } });
    return (await openCodesFor(db, w.a.school.id, [userId!])).get(userId!)?.code ?? null;
  };

  it("makes accounts from the school email, refusing a pupil without one with the reason, and skipping one who has an account", async () => {
    const tutorGroup = group();
    const [amy, ben, cara] = [
      await pupil(tutorGroup, { firstName: "Amy" }),
      await pupil(tutorGroup, { firstName: "Ben", email: null }),
      await pupil(tutorGroup, { firstName: "Cara" }),
    ];
    const result = await submit(createPupilAccounts, coordinator, { studentIds: [amy.id, ben.id] });
    expect(result.ok, result.message).toBe(true);
    expect(result.message).toMatch(/^1 account made, each with a set-up code to use before \d{1,2} [A-Z][a-z]{2} \d{4}\./);
    expect(result.message).toContain(
      `No school email in the MIS, so no account: Ben ${ben.legalLastName}. Add it in the MIS and import again.`,
    );
    // No link in the answer: a prefetched link would fetch (and audit) the sheet unasked.
    expect(result.link).toBeUndefined();

    const user = await db.user.findFirstOrThrow({ where: { students: { some: { id: amy.id } } } });
    expect(user.email).toBe(amy.schoolEmail!.toLowerCase());
    expect(user.passwordSetAt).toBeNull();
    // Nobody knows its password: the factory password and the empty one both fail.
    expect((await attemptSignIn(db, { email: user.email, password: FACTORY_PASSWORD, ip: ip() }, { sleep: noSleep })).status).toBe(
      "invalid",
    );
    expect(await db.student.findFirstOrThrow({ where: { id: ben.id }, select: { userId: true } })).toEqual({ userId: null });

    // Again, with Cara: Amy is skipped and said so; only Cara's account is new.
    const again = await submit(createPupilAccounts, coordinator, { studentIds: [amy.id, cara.id] });
    expect(again.message).toContain(`Already had an account, so skipped: Amy ${amy.legalLastName}.`);
    expect(await db.accountToken.count({ where: { schoolId: w.a.school.id, user: { students: { some: { id: amy.id } } } } })).toBe(1);

    // Only Ben: nothing is made, and the answer says why.
    const none = await submit(createPupilAccounts, coordinator, { studentIds: [ben.id] });
    expect(none).toMatchObject({ ok: false });
    expect(none.message).toMatch(/^No accounts were made\. No school email in the MIS/);

    // The page says the same, row by row.
    const page = await listPupilsForAccounts(coordinator, { tutorGroup });
    expect(page.selection!.pupils.map((p) => [p.id, p.status])).toEqual(
      expect.arrayContaining([
        [amy.id, "CODE_WAITING"],
        [ben.id, "NO_EMAIL"],
        [cara.id, "CODE_WAITING"],
      ]),
    );
    expect(page.tutorGroups.find((g) => g.name === tutorGroup)).toMatchObject({ pupils: 3, NO_EMAIL: 1, CODE_WAITING: 2 });
    expect(await db.securityEvent.count({ where: { kind: "pupil.codes_made", userId: coordinator.userId } })).toBe(2);
  });

  it("stores no code in plain text: every CODE row holds only a sealed value", async () => {
    const tutorGroup = group();
    const pupils = [await pupil(tutorGroup), await pupil(tutorGroup), await pupil(tutorGroup)];
    expect((await submit(createPupilAccounts, coordinator, { studentIds: pupils.map((p) => p.id) })).ok).toBe(true);
    const codes = await Promise.all(pupils.map((p) => codeOf(p.id)));
    expect(codes.every((c) => c && /^[0-9A-HJKMNP-TV-Z]{10}$/.test(c))).toBe(true);
    const rows = await db.accountToken.findMany({ where: { schoolId: w.a.school.id } });
    const stored = JSON.stringify(rows);
    for (const code of codes) {
      expect(stored).not.toContain(code!);
      expect(stored).not.toContain(formatSetUpCode(code!));
    }
    expect(rows.filter((r) => r.kind === "CODE" && r.sealedCode !== null).every((r) => r.sealedCode!.startsWith("v1."))).toBe(true);
  });

  it("lets a code set a password once, then the pupil signs in with it; the code is wiped", async () => {
    const tutorGroup = group();
    const amy = await pupil(tutorGroup);
    await submit(createPupilAccounts, coordinator, { studentIds: [amy.id] });
    const code = (await codeOf(amy.id))!;
    const email = amy.schoolEmail!.toUpperCase();
    // Typed loosely: lower case, a space, O for 0 and L for 1 are forgiven.
    const typed = formatSetUpCode(code).toLowerCase().replace(/0/g, "o").replace(/1/g, "l").replace("-", " ");
    expect(await setUpWithCode({ email, code: typed, newPassword: NEW_PASSWORD, ip: ip() }, { sleep: noSleep })).toBe("ok");
    const token = await db.accountToken.findFirstOrThrow({
      where: { schoolId: w.a.school.id, user: { email: amy.schoolEmail!.toLowerCase() } },
    });
    expect(token).toMatchObject({ sealedCode: null, revokedAt: null });
    expect(token.usedAt).not.toBeNull();
    const signIn = await attemptSignIn(db, { email: amy.schoolEmail!, password: NEW_PASSWORD, ip: ip() }, { sleep: noSleep });
    expect(signIn.status).toBe("ok");
    // Used: the same code again does nothing.
    expect(await setUpWithCode({ email, code, newPassword: "another password 123", ip: ip() }, { sleep: noSleep })).toBe("invalid");
    expect((await attemptSignIn(db, { email: amy.schoolEmail!, password: NEW_PASSWORD, ip: ip() }, { sleep: noSleep })).status).toBe("ok");
    expect(await db.securityEvent.count({ where: { kind: "account.password_set", email: amy.schoolEmail!.toLowerCase() } })).toBe(1);
    expect(await db.securityEvent.count({ where: { kind: "account.set_up_failed", email: amy.schoolEmail!.toLowerCase() } })).toBe(1);
    expect((await listPupilsForAccounts(coordinator, { tutorGroup })).selection!.pupils[0]!.status).toBe("PASSWORD_SET");
  });

  it("lets only one of two redemptions of one code at the same moment through", async () => {
    const amy = await pupil(group());
    await submit(createPupilAccounts, coordinator, { studentIds: [amy.id] });
    const code = (await codeOf(amy.id))!;
    const outcomes = await Promise.all(
      ["first password 12345", "second password 12345"].map((newPassword) =>
        setUpWithCode({ email: amy.schoolEmail!, code, newPassword, ip: ip() }, { sleep: noSleep }),
      ),
    );
    expect(outcomes.sort()).toEqual(["invalid", "ok"]);
  });

  it("refuses a code that is out of date, and wipes it", async () => {
    const amy = await pupil(group());
    await submit(createPupilAccounts, coordinator, { studentIds: [amy.id] });
    const code = (await codeOf(amy.id))!;
    const later = new Date(Date.now() + 15 * 24 * 60 * 60 * 1000);
    expect(
      await setUpWithCode({ email: amy.schoolEmail!, code, newPassword: NEW_PASSWORD, ip: ip() }, { now: later, sleep: noSleep }),
    ).toBe("invalid");
    const token = await db.accountToken.findFirstOrThrow({
      where: { schoolId: w.a.school.id, user: { email: amy.schoolEmail!.toLowerCase() } },
    });
    expect(token.sealedCode).toBeNull();
  });

  it("locks an email after five wrong codes, like five wrong passwords, even for the right code", async () => {
    const amy = await pupil(group());
    await submit(createPupilAccounts, coordinator, { studentIds: [amy.id] });
    const code = (await codeOf(amy.id))!;
    const address = ip();
    for (let i = 0; i < MAX_FAILURES; i += 1)
      expect(
        await setUpWithCode({ email: amy.schoolEmail!, code: "ABCDEFGHJK", newPassword: NEW_PASSWORD, ip: address }, { sleep: noSleep }),
      ).toBe("invalid");
    expect(await setUpWithCode({ email: amy.schoolEmail!, code, newPassword: NEW_PASSWORD, ip: address }, { sleep: noSleep })).toBe(
      "locked",
    );
    expect((await attemptSignIn(db, { email: amy.schoolEmail!, password: "whatever", ip: address }, { sleep: noSleep })).status).toBe(
      "locked",
    );
    expect(await db.securityEvent.count({ where: { kind: "account.set_up_failed", email: amy.schoolEmail!.toLowerCase() } })).toBe(
      MAX_FAILURES,
    );
    expect(await db.securityEvent.count({ where: { kind: "auth.sign_in_locked", email: amy.schoolEmail!.toLowerCase() } })).toBe(1);
    // The code itself is still unused.
    expect(await codeOf(amy.id)).toBe(code);
  });

  it("answers an unknown email the same as a wrong code", async () => {
    expect(
      await setUpWithCode({ email: uniqueEmail("nobody"), code: "ABCDE-FGHJK", newPassword: NEW_PASSWORD, ip: ip() }, { sleep: noSleep }),
    ).toBe("invalid");
  });

  it("renews codes for a tutor group's pupils still waiting: the old codes stop working; a pupil with a password is left alone", async () => {
    const tutorGroup = group();
    const [amy, ben] = [await pupil(tutorGroup), await pupil(tutorGroup)];
    await submit(createPupilAccounts, coordinator, { studentIds: [amy.id, ben.id] });
    const [oldAmy, oldBen] = [(await codeOf(amy.id))!, (await codeOf(ben.id))!];
    expect(await setUpWithCode({ email: ben.schoolEmail!, code: oldBen, newPassword: NEW_PASSWORD, ip: ip() }, { sleep: noSleep })).toBe(
      "ok",
    );
    const result = await submit(renewSetUpCodes, w.actors.ADMIN, { tutorGroup });
    expect(result.ok, result.message).toBe(true);
    expect(result.message).toMatch(
      /^New set-up codes for 1 pupil, to use before .+\. Their old codes no longer work\. Already chose a password/,
    );
    const newAmy = (await codeOf(amy.id))!;
    expect(newAmy).not.toBe(oldAmy);
    expect(await setUpWithCode({ email: amy.schoolEmail!, code: oldAmy, newPassword: NEW_PASSWORD, ip: ip() }, { sleep: noSleep })).toBe(
      "invalid",
    );
    expect(
      await db.accountToken.count({
        where: { schoolId: w.a.school.id, user: { email: amy.schoolEmail!.toLowerCase() }, sealedCode: { not: null } },
      }),
    ).toBe(1);
    // Another school's tutor group name is "not found" to a coordinator of school b.
    expect((await submit(renewSetUpCodes, w.actors.otherSchoolCoordinator, { tutorGroup })).ok).toBe(false);
  });

  it("resets a password: the old one fails at once, every session ends, and a fresh code works", async () => {
    const amy = await pupil(group());
    await submit(createPupilAccounts, coordinator, { studentIds: [amy.id] });
    await setUpWithCode(
      { email: amy.schoolEmail!, code: (await codeOf(amy.id))!, newPassword: NEW_PASSWORD, ip: ip() },
      { sleep: noSleep },
    );
    const userId = (await db.student.findFirstOrThrow({ where: { id: amy.id } })).userId!;
    const claims = await signedInClaims(userId);
    expect(await loadActor(db, claims)).not.toBeNull();

    const result = await submit(resetPupilPassword, coordinator, { studentId: amy.id });
    expect(result.ok, result.message).toBe(true);
    expect(result.message).toContain("Their old password no longer works and they are signed out everywhere.");
    expect((await attemptSignIn(db, { email: amy.schoolEmail!, password: NEW_PASSWORD, ip: ip() }, { sleep: noSleep })).status).toBe(
      "invalid",
    );
    expect(await loadActor(db, claims)).toBeNull();
    expect(await db.userSession.count({ where: { userId } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordSetAt).toBeNull();
    const fresh = (await codeOf(amy.id))!;
    expect(
      await setUpWithCode({ email: amy.schoolEmail!, code: fresh, newPassword: "my next password 99", ip: ip() }, { sleep: noSleep }),
    ).toBe("ok");
    expect(await db.auditLog.count({ where: { schoolId: w.a.school.id, action: "pupil_account.password_reset", recordId: amy.id } })).toBe(
      1,
    );
  });

  it("never resets a staff account from the pupil list, nor a pupil of another school", async () => {
    const amy = await pupil(group());
    await submit(createPupilAccounts, coordinator, { studentIds: [amy.id] });
    const userId = (await db.student.findFirstOrThrow({ where: { id: amy.id } })).userId!;
    expect((await submit(resetPupilPassword, w.actors.otherSchoolCoordinator, { studentId: amy.id })).ok).toBe(false);
    await db.membership.create({ data: { userId, schoolId: w.b.school.id, roles: ["TEACHER"] } });
    expect(await submit(resetPupilPassword, coordinator, { studentId: amy.id })).toMatchObject({
      ok: false,
      message: "This account is also a staff account, so it cannot be reset here. Ask your PeerPath admin.",
    });
  });

  it("prints the live codes of one tutor group only, as a PDF that is never cached, each download audited", async () => {
    const [tutorGroup, otherGroup] = [group(), group()];
    const [amy, ben, used, noAccount] = [
      await pupil(tutorGroup, { firstName: "Amy" }),
      await pupil(tutorGroup, { firstName: "Ben" }),
      await pupil(tutorGroup, { firstName: "Usha" }),
      await pupil(tutorGroup, { firstName: "Noor" }),
    ];
    const other = await pupil(otherGroup, { firstName: "Olly" });
    await submit(createPupilAccounts, coordinator, { studentIds: [amy.id, ben.id, used.id] });
    await submit(createPupilAccounts, coordinator, { studentIds: [other.id] });
    await setUpWithCode(
      { email: used.schoolEmail!, code: (await codeOf(used.id))!, newPassword: NEW_PASSWORD, ip: ip() },
      { sleep: noSleep },
    );

    const response = await setUpCodeSheetDownload(
      coordinator,
      new Request(`http://peerpath.test/staff/pupil-accounts/codes.pdf?tutorGroup=${tutorGroup}`),
    );
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="set-up-codes-${tutorGroup}.pdf"`);
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.title).toBe(`Set-up codes: ${tutorGroup}`);
    for (const [p, first] of [
      [amy, "Amy"],
      [ben, "Ben"],
    ] as const) {
      expect(pdf.text).toContain(`${first} ${p.legalLastName} Sign in with your school email: ${p.schoolEmail!.toLowerCase()}`);
      expect(pdf.text).toContain(`Your set-up code: ${formatSetUpCode((await codeOf(p.id))!)}`);
    }
    expect(pdf.text).toContain("Go to http://peerpath.test/set-up");
    expect(pdf.text).toMatch(/Use it before [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}\./);
    for (const absent of [used, noAccount, other]) expect(pdf.text).not.toContain(absent.legalLastName);
    expect(pdf.text).not.toContain(formatSetUpCode((await codeOf(other.id))!));
    expect(
      await db.auditLog.count({
        where: { schoolId: w.a.school.id, action: "pupil_accounts.codes_printed", actorUserId: coordinator.userId },
      }),
    ).toBe(1);

    // Another school's coordinator, and a teacher, get the not-found page; so does a tutor group the school does not have.
    await expectNotFound(() => getSetUpCodeSheet(w.actors.otherSchoolCoordinator, tutorGroup));
    await expectNotFound(() => getSetUpCodeSheet(w.actors.TEACHER, tutorGroup));
    await expectNotFound(() => listPupilsForAccounts(w.actors.otherSchoolCoordinator, { tutorGroup }));
    const teacher = await actorFor(w.a.staff.teacher);
    await expectNotFound(() =>
      setUpCodeSheetDownload(teacher, new Request(`http://peerpath.test/staff/pupil-accounts/codes.pdf?tutorGroup=${tutorGroup}`)),
    );
  });
});
