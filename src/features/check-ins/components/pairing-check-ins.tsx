import type { Actor } from "@/server/actor";
import { Card, EmptyState } from "@/components/ui/card";
import { formatStaffDate } from "@/lib/dates";
import { listCheckInsForPairing } from "../queries";

const roleWords = { MENTOR: "mentor", MENTEE: "mentee" } as const;

/**
 * On a pairing's staff page (coordinator, DSL): both pupils' check-ins by period, newest first, each
 * pupil's answer or that none came. Pupils never see this.
 */
export async function PairingCheckIns({ actor, pairingId }: { actor: Actor; pairingId: string }) {
  const { members, periods } = await listCheckInsForPairing(actor, pairingId);
  return (
    <Card title="Check-ins">
      {periods.length === 0 ? (
        <EmptyState title="No check-ins yet">
          Each mentor and mentee is asked how mentoring is going every few weeks. Their answers appear here.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line">
          {periods.map((period) => (
            <li key={period.periodStart} className="py-3">
              <h3 className="font-semibold">Check-in from {formatStaffDate(period.periodStart)}</h3>
              <ul className="mt-1 space-y-2">
                {members.map((member) => {
                  const answer = period.answers.find((a) => a.studentId === member.studentId && a.role === member.role);
                  return (
                    <li key={`${member.role}-${member.studentId}`} data-testid={`check-in-${period.periodStart}-${member.studentId}`}>
                      <p>
                        <span className="font-semibold">{member.name}</span> ({roleWords[member.role]}):{" "}
                        {answer ? (
                          answer.value !== null ? (
                            <>
                              <strong>
                                {answer.value} of {answer.outOf}
                              </strong>
                              , {answer.word?.toLowerCase()}
                            </>
                          ) : (
                            "no scale answer"
                          )
                        ) : (
                          <span className="text-muted">not sent</span>
                        )}
                      </p>
                      {answer?.note ? <p className="mt-0.5 text-sm">“{answer.note}”</p> : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
