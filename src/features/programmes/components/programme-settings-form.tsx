"use client";

import type { ReactNode } from "react";
import { RadioGroup, Select, TextInput } from "@/components/ui/field";
import { CheckboxList } from "@/components/ui/checkbox-list";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { WEEKDAYS } from "@/lib/day-slots";
import { updateProgrammeAction } from "../actions";
import { LIMITS } from "../schemas";
import { CADENCE_OPTIONS, FOCUS_OPTIONS, FORMAT_OPTIONS } from "./create-programme-form";

export type ProgrammeSettings = {
  id: string;
  version: number;
  name: string;
  focusAreas: string[];
  format: string;
  cadence: string;
  sessionMinutes: number;
  startsOn: string;
  endsOn: string | null;
  defaultWeekday: number | null;
  defaultSlotId: string | null;
  defaultPlace: string;
  minYearGap: number;
  maxYearGap: number;
  groupSize: number;
  isTrainingRequired: boolean;
  todoLogGraceDays: number;
  todoFirstSessionDays: number;
  todoFirstWeeks: number;
  todoFirstWeeksSessions: number;
  todoAbsentRun: number;
  todoCheckInLow: number;
  todoCheckInChange: number;
  checkInEveryWeeks: number;
};

type Slot = { id: string; name: string; startTime: string; endTime: string; isArchived: boolean };
type NumberName = Exclude<
  { [K in keyof ProgrammeSettings]: ProgrammeSettings[K] extends number ? K : never }[keyof ProgrammeSettings],
  "version"
>;

const NUMBER_LIMITS: Record<NumberName, { min: number; max: number }> = {
  sessionMinutes: LIMITS.sessionMinutes,
  minYearGap: LIMITS.yearGap,
  maxYearGap: LIMITS.yearGap,
  groupSize: LIMITS.groupSize,
  todoLogGraceDays: LIMITS.todoLogGraceDays,
  todoFirstSessionDays: LIMITS.todoFirstSessionDays,
  todoFirstWeeks: LIMITS.todoFirstWeeks,
  todoFirstWeeksSessions: LIMITS.todoFirstWeeksSessions,
  todoAbsentRun: LIMITS.todoAbsentRun,
  todoCheckInLow: LIMITS.todoCheckInLow,
  todoCheckInChange: LIMITS.todoCheckInChange,
  checkInEveryWeeks: LIMITS.checkInEveryWeeks,
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-[var(--radius-card)] border border-line bg-surface p-4 sm:p-5">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Every setting of a programme on one page, in four sections, saved together and only from a current form. */
export function ProgrammeSettingsForm({
  programme,
  slots,
  hasWeekAB,
}: {
  programme: ProgrammeSettings;
  slots: Slot[];
  hasWeekAB: boolean;
}) {
  const { state, formAction, value, values, errors, key } = useForm(updateProgrammeAction);
  const typed = state.values !== undefined;
  const text = (name: keyof ProgrammeSettings) => (typed ? value(name) : String(programme[name] ?? ""));
  /** A whole-number setting, with its range said in the hint and set on the control. */
  const number = (name: NumberName, label: string, hint?: string) => {
    const limit = NUMBER_LIMITS[name];
    return (
      <TextInput
        id={`programme-${name}`}
        name={name}
        type="number"
        inputMode="numeric"
        min={limit.min}
        max={limit.max}
        label={label}
        hint={`${hint ? `${hint} ` : ""}From ${limit.min} to ${limit.max}.`}
        defaultValue={text(name)}
        errors={errors(name)}
      />
    );
  };
  return (
    <form action={formAction} className="space-y-6" noValidate aria-label="Programme settings">
      <FormMessage state={state} />
      <input type="hidden" name="programmeId" value={programme.id} />
      <input type="hidden" name="version" value={programme.version} />
      <div key={key} className="space-y-6">
        <Section id="settings-about" title="About">
          <TextInput id="programme-name" name="name" label="Name" defaultValue={text("name")} errors={errors("name")} />
          <CheckboxList
            name="focusAreas"
            legend="Focus areas: what is it for?"
            options={FOCUS_OPTIONS}
            selected={typed ? values("focusAreas") : programme.focusAreas}
            errors={errors("focusAreas")}
          />
          <RadioGroup
            name="format"
            legend="How pupils meet"
            inline
            options={FORMAT_OPTIONS}
            defaultValue={text("format")}
            errors={errors("format")}
          />
          <div className="grid gap-4 md:grid-cols-2">
            <TextInput
              id="programme-startsOn"
              name="startsOn"
              type="date"
              label="First day"
              defaultValue={text("startsOn")}
              errors={errors("startsOn")}
            />
            <TextInput
              id="programme-endsOn"
              name="endsOn"
              type="date"
              label="Last day (optional)"
              hint="Leave it empty if the programme runs on."
              defaultValue={text("endsOn")}
              errors={errors("endsOn")}
            />
          </div>
        </Section>

        <Section id="settings-sessions" title="Sessions and default slot">
          <RadioGroup
            name="cadence"
            legend="How often"
            hint={
              hasWeekAB
                ? "Fortnightly pairings meet in Week A or Week B of the school's two-week timetable."
                : "The school has a one-week timetable: fortnightly pairings meet every other week from their start."
            }
            inline
            options={CADENCE_OPTIONS}
            defaultValue={text("cadence")}
            errors={errors("cadence")}
          />
          {number("sessionMinutes", "Session length (minutes)")}
          <p className="text-muted">A new pairing starts with this slot; the coordinator can change a pairing&apos;s own.</p>
          <div className="grid gap-4 md:grid-cols-3">
            <Select
              id="programme-defaultWeekday"
              name="defaultWeekday"
              label="Day"
              placeholder="No default day"
              options={WEEKDAYS.map((d) => ({ value: String(d.weekday), label: d.long }))}
              defaultValue={text("defaultWeekday")}
              errors={errors("defaultWeekday")}
            />
            <Select
              id="programme-defaultSlotId"
              name="defaultSlotId"
              label="Time of day"
              placeholder="No default time"
              options={slots.map((s) => ({
                value: s.id,
                label: `${s.name} (${s.startTime}–${s.endTime})${s.isArchived ? ", no longer offered" : ""}`,
              }))}
              defaultValue={text("defaultSlotId")}
              errors={errors("defaultSlotId")}
            />
            <TextInput
              id="programme-defaultPlace"
              name="defaultPlace"
              label="Place (optional)"
              hint="For example “Library”."
              defaultValue={text("defaultPlace")}
              errors={errors("defaultPlace")}
            />
          </div>
        </Section>

        <Section id="settings-matching" title="Matching rules">
          <p className="text-muted">A mentor is always older than their mentees. A gap of 2 lets a Year 9 pupil mentor a Year 7.</p>
          <div className="grid gap-4 md:grid-cols-3">
            {number("minYearGap", "Smallest year gap (years)")}
            {number("maxYearGap", "Largest year gap (years)")}
            {number("groupSize", "Mentees in a group, at most")}
          </div>
          <label className="flex min-h-11 cursor-pointer items-center gap-3">
            <input
              type="checkbox"
              name="isTrainingRequired"
              defaultChecked={typed ? value("isTrainingRequired") === "on" : programme.isTrainingRequired}
              className="h-5 w-5"
            />
            <span className="font-semibold">Mentors must finish their training before they are paired</span>
          </label>
        </Section>

        <Section id="settings-todos" title="To-do thresholds and check-ins">
          <p className="text-muted">When something below happens, it appears on your to-do list.</p>
          <div className="grid gap-4 md:grid-cols-2">
            {number(
              "todoLogGraceDays",
              "A session is not logged after (school days)",
              "A planned session still not logged this many school days after it was due; 0 is the same day.",
            )}
            {number("todoFirstSessionDays", "A new pairing has not met within (school days)", "Counted from the pairing's first day.")}
            {number("todoFirstWeeksSessions", "A slow start: fewer sessions than", "In the pairing's first weeks, set next.")}
            {number("todoFirstWeeks", "…in its first (weeks)")}
            {number("todoAbsentRun", "A mentee is absent (sessions in a row)")}
            {number("todoCheckInLow", "A check-in scores this or lower", "Check-ins are scored from 1 to 5.")}
            {number("todoCheckInChange", "A check-in changes by this or more", "Compared with that pupil's previous check-in.")}
            {number("checkInEveryWeeks", "Ask for a check-in every (weeks)", "Each mentor and mentee is asked how it is going.")}
          </div>
        </Section>
      </div>
      <SubmitButton>Save settings</SubmitButton>
    </form>
  );
}
