import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";

type Mentor = {
  studentId: string;
  name: string;
  yearGroup: number;
  tutorGroup: string;
  hasSend: boolean;
  capacity: number;
  load: number;
  trainingComplete: boolean;
};
type Mentee = {
  studentId: string;
  name: string;
  yearGroup: number;
  tutorGroup: string;
  hasSend: boolean;
  pairing: { status: string } | null;
  isWaiting: boolean;
};

export function ParticipantLists({ mentors, mentees }: { mentors: Mentor[]; mentees: Mentee[] }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Card title={`Mentors (${mentors.length})`}>
        {mentors.length === 0 ? (
          <p className="text-muted">No mentors match.</p>
        ) : (
          <ul className="divide-y divide-line">
            {mentors.map((m) => (
              <li key={m.studentId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <Link
                    href={`/coordinator/pupils/${m.studentId}`}
                    className="font-semibold text-accent underline-offset-4 hover:underline"
                  >
                    {m.name}
                  </Link>{" "}
                  <span className="text-sm text-muted">
                    Year {m.yearGroup} · {m.tutorGroup}
                  </span>
                </span>
                <span className="flex flex-wrap gap-1">
                  <Badge tone={m.load >= m.capacity ? "calm" : "good"}>
                    {m.load} of {m.capacity}
                  </Badge>
                  {m.trainingComplete ? null : <Badge tone="calm">Training to finish</Badge>}
                  {m.hasSend ? <Badge>SEND</Badge> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`Mentees (${mentees.length})`}>
        {mentees.length === 0 ? (
          <p className="text-muted">No mentees match.</p>
        ) : (
          <ul className="divide-y divide-line">
            {mentees.map((m) => (
              <li key={m.studentId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <Link
                    href={`/coordinator/pupils/${m.studentId}`}
                    className="font-semibold text-accent underline-offset-4 hover:underline"
                  >
                    {m.name}
                  </Link>{" "}
                  <span className="text-sm text-muted">
                    Year {m.yearGroup} · {m.tutorGroup}
                  </span>
                </span>
                <span className="flex flex-wrap gap-1">
                  {m.isWaiting ? (
                    <Badge tone="accent">Waiting for a mentor</Badge>
                  ) : m.pairing ? (
                    <Badge tone="good">{m.pairing.status === "PAUSED" ? "Paired (paused)" : "Paired"}</Badge>
                  ) : (
                    <Badge>Not on roll</Badge>
                  )}
                  {m.hasSend ? <Badge>SEND</Badge> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
