import type { IsoDate } from "@/lib/dates";
import { meetingWords, type Meeting } from "../words";

/** "Next time you meet": the day, the slot and its time, and the place; or a calm "not planned yet". */
export function NextMeeting({ meeting, today, style = "pupil" }: { meeting: Meeting | null; today: IsoDate; style?: "pupil" | "staff" }) {
  if (!meeting) return <p className="text-muted">Your coordinator will set a regular time soon. We will show it here.</p>;
  const words = meetingWords(meeting, today, style);
  return (
    <p>
      <strong className="text-lg">{words.when}</strong>
      <span className="block">{words.time}</span>
      {words.place ? <span className="block">{words.place}</span> : null}
      {meeting.isMoved ? <span className="block text-muted">This one has been moved from its usual time.</span> : null}
    </p>
  );
}
