// How a planned meeting is said (issue 8): the day, the school's slot and its time, and the place.
import { formatPupilDate, formatStaffDate, type IsoDate } from "@/lib/dates";
import type { Occurrence } from "@/lib/occurrences";

export type Meeting = {
  on: IsoDate;
  plannedOn: IsoDate;
  startTime: string;
  endTime: string;
  minutes: number;
  place: string;
  slotName: string;
  isMoved: boolean;
  periodStart: IsoDate;
  periodEnd: IsoDate;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** "12:30" plus minutes, in school time: occurrences never cross midnight. */
export function addMinutesToTime(time: string, minutes: number): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

export function meetingOf(occurrence: Occurrence, slotName: string): Meeting {
  return {
    on: occurrence.on,
    plannedOn: occurrence.plannedOn,
    startTime: occurrence.startTime,
    endTime: addMinutesToTime(occurrence.startTime, occurrence.minutes),
    minutes: occurrence.minutes,
    place: occurrence.place,
    slotName,
    isMoved: occurrence.isMoved,
    periodStart: occurrence.periodStart,
    periodEnd: occurrence.periodEnd,
  };
}

/** { when: "Wednesday 2 December", time: "Lunch, 12:30 to 12:50", place: "Library" } for a pupil; staff dates carry the year. */
export function meetingWords(meeting: Meeting, today: IsoDate, style: "pupil" | "staff") {
  return {
    when: style === "pupil" ? formatPupilDate(meeting.on, today) : formatStaffDate(meeting.on),
    time: `${meeting.slotName}, ${meeting.startTime} to ${meeting.endTime}`,
    place: meeting.place,
  };
}
