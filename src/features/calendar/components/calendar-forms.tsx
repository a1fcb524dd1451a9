"use client";

import { Select, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import {
  addAcademicYearAction,
  addCalendarPeriodAction,
  confirmAcademicYearAction,
  removeCalendarPeriodAction,
  saveSchoolWeekAction,
} from "../actions";
import { calendarHeadingId } from "../headings";
import { CALENDAR_KIND_LABELS, REMOVE_CONSEQUENCE } from "../labels";
import type { CalendarKind } from "@/generated/prisma/enums";

const KIND_OPTIONS = Object.entries(CALENDAR_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function SchoolWeekForm({
  timezone,
  weekAMonday,
  timeZones,
}: {
  timezone: string;
  weekAMonday: string | null;
  /** The server's list, the one it accepts (features/calendar/schemas.ts). */
  timeZones: string[];
}) {
  const { state, formAction, value, errors, key } = useForm(saveSchoolWeekAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="The school's week">
      <FormMessage state={state} />
      <div key={key} className="space-y-4">
        <Select
          id="timezone"
          name="timezone"
          label="Time zone"
          hint="Session times and “today” follow this."
          options={timeZones.map((tz) => ({ value: tz, label: tz.replace(/_/g, " ") }))}
          defaultValue={value("timezone") || timezone}
          errors={errors("timezone")}
        />
        <TextInput
          id="weekAMonday"
          name="weekAMonday"
          type="date"
          label="Two-week timetable: a Monday in Week A"
          hint="Weeks then alternate A, B, A… from this Monday. Leave it empty if the school has a one-week timetable."
          defaultValue={state.values ? value("weekAMonday") : (weekAMonday ?? "")}
          errors={errors("weekAMonday")}
        />
      </div>
      <SubmitButton>Save the school week</SubmitButton>
    </form>
  );
}

export function AddCalendarPeriodForm({ years }: { years: { value: string; label: string }[] }) {
  const { state, formAction, value, errors, key } = useForm(addCalendarPeriodAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Add dates">
      <FormMessage state={state} />
      <div key={key} className="space-y-4">
        <div className="grid gap-4 md:grid-cols-2">
          <Select
            id="academicYearId"
            name="academicYearId"
            label="School year"
            options={years}
            defaultValue={value("academicYearId") || years[0]?.value}
            errors={errors("academicYearId")}
          />
          <Select
            id="kind"
            name="kind"
            label="Kind"
            placeholder="Choose a kind"
            options={KIND_OPTIONS}
            defaultValue={value("kind")}
            errors={errors("kind")}
          />
        </div>
        <TextInput
          id="period-name"
          name="name"
          label="Name"
          hint="For example “INSET day” or “Spring bank holiday”."
          defaultValue={value("name")}
          errors={errors("name")}
        />
        <div className="grid gap-4 md:grid-cols-2">
          <TextInput
            id="startsOn"
            name="startsOn"
            type="date"
            label="First day"
            defaultValue={value("startsOn")}
            errors={errors("startsOn")}
          />
          <TextInput
            id="endsOn"
            name="endsOn"
            type="date"
            label="Last day"
            hint="The same as the first for a single day."
            defaultValue={value("endsOn")}
            errors={errors("endsOn")}
          />
        </div>
      </div>
      <SubmitButton>Add dates</SubmitButton>
    </form>
  );
}

export function RemoveCalendarPeriodForm({
  periodId,
  kind,
  label,
  yearId,
}: {
  periodId: string;
  kind: CalendarKind;
  label: string;
  yearId: string;
}) {
  return (
    <ConfirmedRemoveForm
      action={removeCalendarPeriodAction}
      focusId={calendarHeadingId(yearId)}
      field={{ name: "periodId", value: periodId }}
      openerLabel={`Remove ${label}…`}
      title={`Remove ${label}?`}
      description={REMOVE_CONSEQUENCE[kind]}
    />
  );
}

/** Next school year (or any other): the year it starts, first and last days defaulting to 1 September and 31 August. */
export function AddAcademicYearForm({ nextStartYear }: { nextStartYear: number }) {
  const { state, formAction, value, errors, key } = useForm(addAcademicYearAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Add a school year">
      <FormMessage state={state} />
      <div key={key} className="grid gap-4 md:grid-cols-3">
        <TextInput
          id="startYear"
          name="startYear"
          inputMode="numeric"
          label="Year it starts"
          defaultValue={value("startYear", String(nextStartYear))}
          errors={errors("startYear")}
        />
        <TextInput
          id="yearStartsOn"
          name="startsOn"
          type="date"
          label="First day"
          defaultValue={value("startsOn", `${nextStartYear}-09-01`)}
          errors={errors("startsOn")}
        />
        <TextInput
          id="yearEndsOn"
          name="endsOn"
          type="date"
          label="Last day"
          defaultValue={value("endsOn", `${nextStartYear + 1}-08-31`)}
          errors={errors("endsOn")}
        />
      </div>
      <SubmitButton variant="secondary">Add the school year</SubmitButton>
    </form>
  );
}

/**
 * "Confirm 2027–28": a rollover's draft year becomes real once its dates are checked. Rendered for
 * every year, so the answer stays on screen after the year stops being a draft.
 */
export function ConfirmAcademicYearForm({ yearId, name, isDraft }: { yearId: string; name: string; isDraft: boolean }) {
  const { state, formAction } = useForm(confirmAcademicYearAction);
  if (!isDraft) return state.message ? <FormMessage state={state} /> : null;
  return (
    <form action={formAction} className="space-y-3" aria-label={`Confirm ${name}`}>
      <FormMessage state={state} />
      <Notice tone="calm">
        Draft — check the dates, then confirm. Until then it plans no sessions. INSET days kept their weekday: check each one.
      </Notice>
      <input type="hidden" name="academicYearId" value={yearId} />
      <SubmitButton>Confirm {name}</SubmitButton>
    </form>
  );
}
