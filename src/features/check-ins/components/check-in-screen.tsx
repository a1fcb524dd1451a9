import Link from "next/link";
import type { MemberRole } from "@/generated/prisma/enums";
import type { Actor } from "@/server/actor";
import { Card, PageHeader } from "@/components/ui/card";
import { TellSomeone } from "@/components/tell-someone";
import { formatPupilDate } from "@/lib/dates";
import { CHECK_INS } from "@/lib/questionnaires";
import { getCheckInForm } from "../queries";
import { CHECK_IN_SENT_HEADING, checkInHomeFor } from "../paths";
import { CheckInForm, FocusAfterSend } from "./check-in-form";

/** The check-in page for a mentee (/student/check-in/…) or a mentor (/mentor/check-in/…). */
export async function CheckInScreen({ actor, pairingId, role }: { actor: Actor; pairingId: string; role: MemberRole }) {
  const form = await getCheckInForm(actor, pairingId, role);
  const questionnaire = CHECK_INS[role];
  const about =
    role === "MENTEE"
      ? `About mentoring with ${form.mentors.join(" and ")}`
      : `About mentoring ${form.groupName ?? form.mentees.join(", ")}`;
  const otherPupil = role === "MENTEE" ? "your mentor" : form.mentees.length > 1 ? "your mentees" : "your mentee";
  return (
    <>
      <p className="mb-2">
        <Link href={checkInHomeFor(role)} className="inline-flex min-h-11 items-center font-semibold text-accent underline">
          Back to your page
        </Link>
      </p>
      <PageHeader title={questionnaire.title} description={about} />
      <div className="max-w-xl space-y-5">
        {form.due ? (
          <>
            <p>
              {questionnaire.questions.length} questions, one at a time. Only school staff who run mentoring will read your answers:{" "}
              {otherPupil} will not see them.
            </p>
            <CheckInForm pairingId={form.pairingId} role={role} periodStart={form.due.periodStart} />
          </>
        ) : (
          <Card
            title={form.isSentThisPeriod ? "You have sent your check-in" : "There is no check-in to do now"}
            headingId={CHECK_IN_SENT_HEADING}
          >
            <FocusAfterSend targetId={CHECK_IN_SENT_HEADING} />
            <p>
              {!form.isLive
                ? "There is no check-in while mentoring is paused or has ended."
                : form.isSentThisPeriod
                  ? "Thank you! Your coordinator can read it."
                  : "Your check-in will be ready after a few weeks of mentoring."}
              {form.nextOpensOn ? ` The next one opens on ${formatPupilDate(form.nextOpensOn, form.today)}.` : ""}
            </p>
          </Card>
        )}
        <TellSomeone />
      </div>
    </>
  );
}
