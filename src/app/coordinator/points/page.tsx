import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatStaffDate, todayIn } from "@/lib/dates";
import { getPointSettingsForCoordinator, listHiddenPupils, listNicknameRequests } from "@/features/points/queries";
import {
  AddCategoryForm,
  CATEGORIES_HEADING,
  EditCategoryForm,
  HIDDEN_HEADING,
  HidePupilForm,
  NICKNAMES_HEADING,
  NicknameDecisionForm,
  PointSettingsForm,
  RestoreCategoryForm,
  RetireCategoryForm,
  RETIRED_CATEGORIES_HEADING,
} from "@/features/points/components/coordinator-forms";

export const metadata: Metadata = { title: "Points settings" };

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export default async function CoordinatorPointsPage() {
  const actor = await requireActor("COORDINATOR");
  const [{ settings, categories }, nicknames, hidden] = await Promise.all([
    getPointSettingsForCoordinator(actor),
    listNicknameRequests(actor),
    listHiddenPupils(actor),
  ]);
  const active = categories.filter((c) => !c.archivedAt);
  const retired = categories.filter((c) => c.archivedAt);
  return (
    <AppShell actor={actor} current="/coordinator/points">
      <PageHeader
        title="Points settings"
        description="The categories staff give points in, who may give them, and what pupil boards show. They apply to the whole school."
      />
      <p className="mb-4">
        <Link href="/staff" className="font-semibold text-accent underline">
          Give points and see the boards
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={`Categories (${active.length})`} headingId={CATEGORIES_HEADING}>
            <ul className="divide-y divide-line">
              {active.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <span>
                    <span className="font-semibold">
                      {c.name} ({signed(c.defaultAmount)})
                    </span>{" "}
                    <span className="text-sm text-muted">
                      given {c.timesGiven} time{c.timesGiven === 1 ? "" : "s"}
                    </span>
                    <span className="block text-sm">{c.description}</span>
                  </span>
                  {active.length > 1 ? <RetireCategoryForm categoryId={c.id} name={c.name} /> : null}
                  <EditCategoryForm category={c} />
                </li>
              ))}
            </ul>
          </Card>
          {retired.length > 0 ? (
            <Card title={`Retired (${retired.length})`} headingId={RETIRED_CATEGORIES_HEADING}>
              <ul className="divide-y divide-line">
                {retired.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                    <span>
                      {c.name} ({signed(c.defaultAmount)})
                    </span>
                    <RestoreCategoryForm categoryId={c.id} name={c.name} />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title="Who may give points, and what pupils see">
            <PointSettingsForm settings={settings} categories={active} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Add a category">
            <AddCategoryForm />
          </Card>
          <Card title={`Nicknames to check (${nicknames.length})`} headingId={NICKNAMES_HEADING}>
            {nicknames.length === 0 ? (
              <p className="text-muted">No nicknames are waiting.</p>
            ) : (
              <ul className="divide-y divide-line">
                {nicknames.map((n) => (
                  <li key={n.studentId} className="space-y-2 py-3">
                    <p>
                      <span className="font-semibold">“{n.nickname}”</span> for {n.pupilName}
                    </p>
                    <NicknameDecisionForm studentId={n.studentId} nickname={n.nickname} pupilName={n.pupilName} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={`Hidden from pupil boards (${hidden.length})`} headingId={HIDDEN_HEADING}>
            {hidden.length === 0 ? (
              <p className="text-muted">Nobody is hidden. You can hide a pupil from their points history.</p>
            ) : (
              <ul className="divide-y divide-line">
                {hidden.map((h) => (
                  <li key={h.studentId} className="space-y-2 py-3">
                    <p>
                      <Link href={`/staff/points/pupils/${h.studentId}`} className="font-semibold text-accent underline">
                        {h.pupilName}
                      </Link>
                      <span className="block text-sm text-muted">
                        {formatStaffDate(todayIn(actor.timezone, h.hiddenAt))} by {h.hiddenBy}: {h.reason}
                      </span>
                    </p>
                    <HidePupilForm studentId={h.studentId} isHidden />
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
