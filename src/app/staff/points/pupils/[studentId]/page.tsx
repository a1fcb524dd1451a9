import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { hasRole } from "@/server/actor";
import { formatStaffDate, formatStaffDateTime, todayIn } from "@/lib/dates";
import { BOARD_PERIOD_LABELS, type BoardPeriod } from "@/lib/board-periods";
import { listPointHistoryForStaff } from "@/features/points/history-queries";
import { HidePupilForm } from "@/features/points/components/coordinator-forms";

export const metadata: Metadata = { title: "Points history" };

const PERIODS: BoardPeriod[] = ["WEEK", "HALF_TERM", "ALL_TIME"];
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export default async function PupilPointsHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ studentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("COORDINATOR", "TEACHER", "DSL");
  const [{ studentId }, query] = await Promise.all([params, searchParams]);
  const period = PERIODS.find((p) => p === one(query.period)) ?? "ALL_TIME";
  const filters = { categoryId: one(query.category), awardedById: one(query.by), period };
  const history = await listPointHistoryForStaff(actor, studentId, filters);
  const select = "min-h-11 rounded-lg border border-line bg-surface px-2";
  return (
    <AppShell actor={actor} current="/staff">
      <p className="mb-2">
        <Link href="/staff" className="font-semibold text-accent underline">
          Points
        </Link>
      </p>
      <PageHeader title={`Points: ${history.student.name}`} description={`Total ${signed(history.total)} across every programme.`} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="History" className="lg:col-span-2">
          <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the history">
            <div>
              <label htmlFor="category" className="block text-sm font-semibold">
                Category
              </label>
              <select id="category" name="category" defaultValue={filters.categoryId ?? ""} className={select}>
                <option value="">Every category</option>
                {history.categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="by" className="block text-sm font-semibold">
                Given by
              </label>
              <select id="by" name="by" defaultValue={filters.awardedById ?? ""} className={select}>
                <option value="">Anyone</option>
                {history.givers.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="period" className="block text-sm font-semibold">
                Period
              </label>
              <select id="period" name="period" defaultValue={period} className={select}>
                {PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {BOARD_PERIOD_LABELS[p]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="min-h-11 rounded-lg border border-accent bg-surface px-3 font-semibold text-accent">
              Show
            </button>
          </form>
          <p className="mb-2 text-sm text-muted" aria-live="polite">
            {history.filtered.count} entr{history.filtered.count === 1 ? "y" : "ies"}, {signed(history.filtered.sum)} in all
            {history.filtered.isCut ? " (the newest 500 are listed)" : ""}.
          </p>
          {history.entries.length === 0 ? (
            <p className="text-muted">No points match these choices.</p>
          ) : (
            <ul className="divide-y divide-line">
              {history.entries.map((e) => (
                <li key={e.id} className="py-2">
                  <p>
                    <span className="font-semibold">{signed(e.amount)}</span> {e.categoryName} · {e.programmeName}
                    {e.isCorrection ? " · correction" : ""}
                    {e.isReversed ? " · corrected" : ""}
                  </p>
                  <p className="text-sm text-muted">
                    {e.reason} — {e.awardedByName}, {formatStaffDateTime(e.createdAt, actor.timezone)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="space-y-6">
          <Card title="On pupil boards">
            <ul className="mb-4 space-y-1">
              <li>
                {history.board.isOptedOut ? "Opted out: their name is not on boards other pupils see." : "Shown, unless hidden below."}
              </li>
              {history.board.nickname ? <li>Nickname: {history.board.nickname}</li> : null}
              {history.board.isHidden ? (
                <li>Hidden by staff{history.board.hiddenReason ? `: ${history.board.hiddenReason}` : "."}</li>
              ) : null}
            </ul>
            {hasRole(actor, "COORDINATOR") ? <HidePupilForm studentId={history.student.id} isHidden={history.board.isHidden} /> : null}
          </Card>
          <Card title="Moves above zero">
            {history.milestones.length === 0 ? (
              <p className="text-muted">None yet.</p>
            ) : (
              <ul className="space-y-1">
                {history.milestones.map((m) => (
                  <li key={m.id}>
                    {formatStaffDate(todayIn(actor.timezone, m.reachedAt))}: moved from below zero to above it.{" "}
                    {m.isShared === true ? "Shared on pupil boards." : m.isShared === false ? "Kept private." : "Not answered yet."}
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
