import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatTimes } from "@/lib/day-slots";
import { getSchoolDayForAdmin } from "@/features/day-slots/queries";
import { DAY_SLOTS_HEADING_ID, slotHeadingId } from "@/features/day-slots/headings";
import {
  AddDaySlotForm,
  RemoveYearGroupTimesForm,
  RestoreDaySlotForm,
  RetireDaySlotForm,
  SetYearGroupTimesForm,
  UpdateDaySlotForm,
} from "@/features/day-slots/components/day-slot-forms";

export const metadata: Metadata = { title: "School day" };

export default async function SchoolDayPage() {
  const actor = await requireActor("ADMIN");
  const slots = await getSchoolDayForAdmin(actor);
  const active = slots.filter((s) => !s.isArchived);
  const retired = slots.filter((s) => s.isArchived);
  return (
    <AppShell actor={actor} current="/admin/school-day">
      <PageHeader
        title="School day"
        description="The times in the day when pupils can meet: pupils choose their free times from these, and matching pairs pupils who are free at the same time. Where lunches are split, give a year group its own times."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="The day's slots" headingId={DAY_SLOTS_HEADING_ID} className="lg:col-span-2">
          <ul className="divide-y divide-line">
            {active.map((slot) => (
              <li key={slot.id} className="space-y-4 py-4 first:pt-0">
                <div className="space-y-4">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 id={slotHeadingId(slot.id)} tabIndex={-1} className="text-lg font-bold">
                      {slot.name} <span className="font-normal text-muted">({formatTimes(slot)})</span>
                    </h3>
                    {active.length > 1 ? (
                      <RetireDaySlotForm slot={slot} pupilCount={slot.pupilCount} pairingCount={slot.pairingCount} />
                    ) : null}
                  </div>
                  <div className="grid gap-6 md:grid-cols-2">
                    <UpdateDaySlotForm slot={slot} />
                    <div className="space-y-4">
                      <div>
                        <h4 className="font-semibold">Year groups with their own times</h4>
                        {slot.yearTimes.length === 0 ? (
                          <p className="text-muted">Every year group has {slot.name} at these times.</p>
                        ) : (
                          <ul aria-label={`Year groups with their own times for ${slot.name}`} className="divide-y divide-line">
                            {slot.yearTimes.map((t) => (
                              <li key={t.yearGroup} className="flex flex-wrap items-center justify-between gap-2 py-2">
                                <span>
                                  <span className="font-semibold">Year {t.yearGroup}</span> {formatTimes(t)}
                                </span>
                                <RemoveYearGroupTimesForm yearTimeId={t.id} slot={slot} yearGroup={t.yearGroup} times={formatTimes(t)} />
                              </li>
                            ))}
                          </ul>
                        )}
                      </div>
                      <SetYearGroupTimesForm slot={slot} />
                    </div>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <div className="space-y-6">
          <Card title="Add a slot">
            <AddDaySlotForm />
          </Card>
          <Card title="Retired slots">
            {retired.length === 0 ? (
              <EmptyState title="No retired slots">
                A slot you retire is listed here. Pupils who chose it keep it, and you can bring it back.
              </EmptyState>
            ) : (
              <ul className="divide-y divide-line">
                {retired.map((slot) => (
                  <li key={slot.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <span className="font-semibold">{slot.name}</span> <span className="text-sm text-muted">{formatTimes(slot)}</span>{" "}
                      <Badge>Retired</Badge>
                    </span>
                    <RestoreDaySlotForm slot={slot} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </AppShell>
  );
}
