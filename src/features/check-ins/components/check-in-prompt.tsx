import clsx from "clsx";
import type { MemberRole } from "@/generated/prisma/enums";
import type { Actor } from "@/server/actor";
import { ButtonLink } from "@/components/ui/button";
import { listMyDueCheckIns } from "../queries";

/**
 * On a pupil's home page: "Your check-in is ready — 2 questions", one per pairing where this pupil's
 * check-in (as mentee on /student, as mentor on /mentor) is due. Nothing when none is.
 */
export async function CheckInPrompt({ actor, role, className }: { actor: Actor; role: MemberRole; className?: string }) {
  const due = (await listMyDueCheckIns(actor)).filter((c) => c.role === role);
  if (due.length === 0) return null;
  return (
    <div className={clsx("space-y-4", className)}>
      {due.map((c) => {
        const about =
          role === "MENTEE"
            ? `About mentoring with ${c.mentors.join(" and ")}.`
            : `About mentoring ${c.groupName ?? c.mentees.join(", ")}.`;
        return (
          <section
            key={c.pairingId}
            aria-labelledby={`check-in-ready-${c.pairingId}`}
            className="rounded-[var(--radius-card)] border-2 border-accent bg-accent-soft p-4 sm:p-5"
          >
            <h2 id={`check-in-ready-${c.pairingId}`} className="text-lg font-bold">
              Your check-in is ready — {c.questionCount} {c.questionCount === 1 ? "question" : "questions"}
            </h2>
            <p className="mt-1">{about} It takes about a minute. Only school staff who run mentoring will read it.</p>
            <ButtonLink href={c.href} size="lg" className="mt-3 w-full sm:w-auto">
              Start your check-in
            </ButtonLink>
          </section>
        );
      })}
    </div>
  );
}
