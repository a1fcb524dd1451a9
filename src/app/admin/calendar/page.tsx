import type { Metadata } from "next";
import { academicStartYear } from "@/lib/year-group";
import { todayIn } from "@/lib/dates";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatStaffDate } from "@/lib/dates";
import { getCalendarForAdmin } from "@/features/calendar/queries";
import { CALENDAR_KIND_LABELS } from "@/features/calendar/labels";
import { timeZoneNames } from "@/features/calendar/schemas";
import { CLOSURE_KINDS } from "@/server/calendar";
import {
  AddAcademicYearForm,
  AddCalendarPeriodForm,
  ConfirmAcademicYearForm,
  RemoveCalendarPeriodForm,
  SchoolWeekForm,
} from "@/features/calendar/components/calendar-forms";
import { calendarHeadingId } from "@/features/calendar/headings";

export const metadata: Metadata = { title: "School calendar" };

const span = (p: { startsOn: string; endsOn: string }) =>
  p.startsOn === p.endsOn ? formatStaffDate(p.startsOn) : `${formatStaffDate(p.startsOn)} to ${formatStaffDate(p.endsOn)}`;

export default async function CalendarPage() {
  const actor = await requireActor("ADMIN");
  const calendar = await getCalendarForAdmin(actor);
  // The year after the latest one the school has (or this one, for a school with none).
  const latest = calendar.years[0];
  const nextStartYear = latest ? Number(latest.endsOn.slice(0, 4)) : academicStartYear(todayIn(actor.timezone));
  return (
    <AppShell actor={actor} current="/admin/calendar">
      <PageHeader
        title="School calendar"
        description="Terms, holidays and INSET days decide when mentoring sessions are planned. No session is planned on a holiday or INSET day."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="The school's week">
          <SchoolWeekForm timezone={calendar.timezone} weekAMonday={calendar.weekAMonday} timeZones={timeZoneNames()} />
        </Card>
        <Card title="Add dates">
          {calendar.years.length === 0 ? (
            <EmptyState title="No school year yet">Add a school year first, below.</EmptyState>
          ) : (
            <AddCalendarPeriodForm years={calendar.years.map((y) => ({ value: y.id, label: y.isDraft ? `${y.name} (draft)` : y.name }))} />
          )}
        </Card>
        <Card title="Add a school year" className="lg:col-span-2">
          <AddAcademicYearForm nextStartYear={nextStartYear} />
        </Card>
        {calendar.years.map((year) => (
          <Card
            key={year.id}
            title={`${year.name} (${span(year)})${year.isDraft ? " — draft" : ""}`}
            headingId={calendarHeadingId(year.id)}
            className="lg:col-span-2"
          >
            <div className="mb-4 empty:hidden">
              <ConfirmAcademicYearForm yearId={year.id} name={year.name} isDraft={year.isDraft} />
            </div>
            {year.periods.length === 0 ? (
              <EmptyState title="No dates yet">Add the terms first, then holidays and INSET days.</EmptyState>
            ) : (
              <ul className="divide-y divide-line">
                {year.periods.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <span className="font-semibold">{p.name}</span> <span className="text-sm text-muted">{span(p)}</span>{" "}
                      <Badge tone={(CLOSURE_KINDS as readonly string[]).includes(p.kind) ? "calm" : "accent"}>
                        {CALENDAR_KIND_LABELS[p.kind]}
                      </Badge>
                      {year.isDraft && p.kind === "INSET" ? (
                        <>
                          {" "}
                          <Badge tone="accent">Check this date</Badge>
                        </>
                      ) : null}
                    </span>
                    <RemoveCalendarPeriodForm periodId={p.id} kind={p.kind} label={`${p.name} (${span(p)})`} yearId={year.id} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))}
      </div>
    </AppShell>
  );
}
