import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { unusablePasswordHash } from "@/server/password";
import { makeSetPasswordLink, revokeLinks, setPasswordPath } from "@/server/account-links";
import { endLivePauses } from "@/features/pairings/pause";
import { emailingLink } from "@/features/staff/link-delivery";
import { fromDbDate, todayIn, toDbDate } from "@/lib/dates";
import { pupilFullName } from "@/lib/ranking";
import { endAlumniMentorSchema, inviteAlumniMentorSchema, recordVolunteerCheckSchema } from "./schemas";

// Alumni mentors (issue 11, ADR 025): a former pupil who mentored may come back as an adult volunteer
// once the school records the safeguarding check an adult volunteer needs (an enhanced DBS check: its
// date and reference). The record is append-only; the DSL or the admin records it, the coordinator
// invites. An alumni mentor signs in with the email they use now and sees only pairings they mentor
// that a member of staff supervises (src/features/pairings/policy.ts).

export const NO_CHECK_MESSAGE = "Record their safeguarding check before inviting them back.";

export const recordVolunteerCheck = defineCommand(
  { name: "recordVolunteerCheck", schema: recordVolunteerCheckSchema, allow: ["ADMIN", "DSL"], isIdempotent: true },
  async (input, { tx, actor, audit }) => {
    const pupil = await tx.student.findFirst({
      where: { schoolId: actor.schoolId, id: input.studentId, status: "ALUMNI" },
      select: { id: true },
    });
    if (!pupil) throw new NotFoundError("alumnus");
    if (input.checkedOn > todayIn(actor.timezone))
      throw new RuleError("The check's date cannot be in the future.", { checkedOn: ["Enter the date on the certificate."] });
    const row = await tx.volunteerCheck.create({
      data: {
        schoolId: actor.schoolId,
        studentId: pupil.id,
        kind: input.kind,
        checkedOn: toDbDate(input.checkedOn),
        reference: input.reference,
        recordedById: actor.userId,
      },
      select: { id: true },
    });
    await audit({
      action: "volunteer_check.recorded",
      recordType: "Student",
      recordId: pupil.id,
      changes: { kind: input.kind, checkedOn: input.checkedOn, reference: input.reference },
    });
    return { message: "Check recorded.", recordId: row.id };
  },
);

const inviteAlumniMentorCommand = defineCommand(
  { name: "inviteAlumniMentor", schema: inviteAlumniMentorSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Student" WHERE "schoolId" = ${actor.schoolId} AND "id" = ${input.studentId} AND "status" = 'ALUMNI' FOR UPDATE`;
    if (!locked) throw new NotFoundError("alumnus");
    const pupil = await tx.student.findFirstOrThrow({
      where: { schoolId: actor.schoolId, id: locked.id },
      select: {
        id: true,
        userId: true,
        legalFirstName: true,
        legalLastName: true,
        preferredName: true,
        alumniMentorFrom: true,
        volunteerChecks: { select: { checkedOn: true }, orderBy: { checkedOn: "desc" }, take: 1 },
        memberships: { where: { role: "MENTOR" }, select: { pairingId: true }, take: 1 },
      },
    });
    if (pupil.memberships.length === 0) throw new RuleError("Only former pupils who mentored can be invited back as mentors.");
    if (pupil.volunteerChecks.length === 0) throw new RuleError(NO_CHECK_MESSAGE);
    if (pupil.alumniMentorFrom) throw new RuleError("They are already an alumni mentor.");
    const owner = await tx.user.findUnique({ where: { email: input.personalEmail }, select: { id: true } });
    if (owner && owner.id !== pupil.userId)
      throw new RuleError("Another account uses this email address.", { personalEmail: ["Another account uses this email address."] });
    const name = pupilFullName(pupil);
    let userId = pupil.userId;
    if (userId) {
      // Their old school address goes: they sign in with the one they use now.
      await tx.user.update({ where: { id: userId }, data: { email: input.personalEmail, disabledAt: null } });
    } else {
      userId = (
        await tx.user.create({
          data: { email: input.personalEmail, name, passwordHash: await unusablePasswordHash() },
          select: { id: true },
        })
      ).id;
    }
    await tx.student.update({
      where: { schoolId_id: { schoolId: actor.schoolId, id: pupil.id } },
      data: { alumniMentorFrom: new Date(), personalEmail: input.personalEmail, userId },
    });
    await audit({
      action: "alumni_mentor.invited",
      recordType: "Student",
      recordId: pupil.id,
      changes: { personalEmail: input.personalEmail, checkedOn: fromDbDate(pupil.volunteerChecks[0]!.checkedOn) },
    });
    // They choose a password with a set-password link, as new staff do (emailed, or shown once).
    const token = await makeSetPasswordLink(tx, { schoolId: actor.schoolId, userId, createdById: actor.userId });
    await audit({ action: "account.link_made", recordType: "User", recordId: userId });
    return {
      message: `${name} is invited back as an alumni mentor.`,
      recordId: userId,
      link: { href: setPasswordPath(actor.schoolId, token), label: "Set-password link" },
    };
  },
);

/** Invites back; the set-password link is emailed once the invitation is saved, or shown once. */
export const inviteAlumniMentor = emailingLink(inviteAlumniMentorCommand);

export const endAlumniMentor = defineCommand(
  { name: "endAlumniMentor", schema: endAlumniMentorSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    const pupil = await tx.student.findFirst({
      where: { schoolId: actor.schoolId, id: input.studentId, status: "ALUMNI", alumniMentorFrom: { not: null } },
      select: { id: true, userId: true },
    });
    if (!pupil) throw new NotFoundError("alumni mentor");
    const ended = await tx.student.updateMany({
      where: { schoolId: actor.schoolId, id: pupil.id, alumniMentorFrom: { not: null } },
      data: { alumniMentorFrom: null },
    });
    if (ended.count !== 1) throw new RuleError("Someone else changed this at the same moment. Please look again.");
    if (pupil.userId) {
      // Signed out at once, everywhere, and an unused set-password link stops working.
      await tx.user.update({ where: { id: pupil.userId }, data: { sessionVersion: { increment: 1 } } });
      await tx.userSession.deleteMany({ where: { userId: pupil.userId } });
      await revokeLinks(tx, { schoolId: actor.schoolId, userId: pupil.userId });
    }
    // Their pairings end ("mentor left"), so no mentee waits for a mentor who can no longer sign in.
    const pairings = await tx.pairing.findMany({
      where: { schoolId: actor.schoolId, status: { not: "ENDED" }, members: { some: { studentId: pupil.id, role: "MENTOR" } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    for (const { id } of pairings) {
      await tx.$queryRaw`SELECT "id" FROM "Pairing" WHERE "schoolId" = ${actor.schoolId} AND "id" = ${id} FOR UPDATE`;
      const closed = await tx.pairing.updateMany({
        where: { schoolId: actor.schoolId, id, status: { not: "ENDED" } },
        data: { status: "ENDED", closureReason: "MENTOR_LEFT", endsOn: toDbDate(todayIn(actor.timezone)) },
      });
      if (closed.count === 1)
        await endLivePauses(tx, { schoolId: actor.schoolId, pairingId: id, endedById: actor.userId, placesToo: true });
    }
    await audit({
      action: "alumni_mentor.ended",
      recordType: "Student",
      recordId: pupil.id,
      changes: { pairingsEnded: pairings.map((p) => p.id) },
    });
    const ending =
      pairings.length === 0 ? "" : ` Their ${pairings.length === 1 ? "pairing has" : `${pairings.length} pairings have`} ended.`;
    return { message: `They are no longer an alumni mentor, and are signed out.${ending}`, recordId: pupil.id };
  },
);
