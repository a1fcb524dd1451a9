import Link from "next/link";
import { BOARD_PERIOD_LABELS, type BoardPeriod } from "@/lib/board-periods";
import type { Board, BoardRequest } from "../board-view-model";
import { boardHref } from "../board-request";
import { Leaderboard, Rosette } from "./leaderboard";

type Choices = { yearGroups: number[]; groups: { id: string; label: string }[] };

function Choice({ href, isCurrent, children }: { href: string; isCurrent: boolean; children: React.ReactNode }) {
  return (
    <li>
      <Link
        href={href}
        aria-current={isCurrent ? "page" : undefined}
        className={`inline-flex min-h-11 items-center rounded-full border px-4 ${
          isCurrent ? "border-accent bg-accent-soft font-semibold text-accent-strong" : "border-line hover:bg-canvas"
        }`}
      >
        {children}
      </Link>
    </li>
  );
}

/**
 * One board with its choices (which pupils, which period), as links so every board has its own address
 * and works without JavaScript. Pupil boards come from the one pupil-board rule; nothing here decides who
 * is shown.
 */
export function BoardView({
  board,
  request,
  choices,
  path,
  highlightStudentId,
}: {
  board: Board;
  request: BoardRequest;
  choices: Choices;
  path: string;
  highlightStudentId?: string | null;
}) {
  const isPupil = board.audience === "pupil";
  const scopeName =
    board.scope === "YEAR"
      ? `Year ${request.yearGroup}`
      : board.scope === "GROUP"
        ? (choices.groups.find((g) => g.id === request.pairingId)?.label ?? "Group")
        : board.scope === "GROUPS"
          ? "Groups"
          : board.programme.name;
  const caption = `${scopeName}: ${board.window.label.toLowerCase()}`;
  return (
    <div className="space-y-5">
      <nav aria-label="Which board" className="space-y-3">
        <ul className="flex flex-wrap gap-2">
          <Choice href={boardHref(path, request, { scope: "PROGRAMME" })} isCurrent={board.scope === "PROGRAMME"}>
            Everyone
          </Choice>
          {choices.yearGroups.map((y) => (
            <Choice
              key={y}
              href={boardHref(path, request, { scope: "YEAR", yearGroup: y })}
              isCurrent={board.scope === "YEAR" && request.yearGroup === y}
            >
              Year {y}
            </Choice>
          ))}
          <Choice href={boardHref(path, request, { scope: "GROUPS" })} isCurrent={board.scope === "GROUPS"}>
            Groups
          </Choice>
          {choices.groups.map((g) => (
            <Choice
              key={g.id}
              href={boardHref(path, request, { scope: "GROUP", pairingId: g.id })}
              isCurrent={board.scope === "GROUP" && request.pairingId === g.id}
            >
              {isPupil ? `My group: ${g.label}` : g.label}
            </Choice>
          ))}
        </ul>
        <ul className="flex flex-wrap gap-2" aria-label="Period">
          {(["WEEK", "HALF_TERM", "ALL_TIME"] as BoardPeriod[]).map((p) => (
            <Choice key={p} href={boardHref(path, request, { period: p })} isCurrent={board.period === p}>
              {BOARD_PERIOD_LABELS[p]}
            </Choice>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="board-heading" className="space-y-3">
        <h3 id="board-heading" className="text-xl font-semibold">
          {scopeName} · {board.window.label}
        </h3>
        {board.readerOffBoard ? (
          <p className="rounded-lg bg-calm-soft p-3">
            {board.readerOffBoard === "OPTED_OUT"
              ? "You are not on this board, as you chose."
              : "Your name is not on boards other pupils see just now."}{" "}
            Your own points are on your page.
          </p>
        ) : null}
        {board.scope === "GROUPS" ? (
          board.groups.length === 0 ? (
            <p className="text-muted">No groups are meeting yet.</p>
          ) : (
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">{caption}, ranked by points per pupil</caption>
              <thead>
                <tr className="border-b border-line text-sm text-muted">
                  <th scope="col" className="py-2 pr-2">
                    Place
                  </th>
                  <th scope="col" className="py-2 pr-2">
                    Group
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {isPupil && board.pointsLabel === "Points earned" ? "Points earned per pupil" : "Points per pupil"}
                  </th>
                </tr>
              </thead>
              <tbody>
                {board.groups.map((g) => (
                  <tr key={g.groupId} className="border-b border-line/60">
                    <td className="py-2 pr-2">{g.rank}</td>
                    <td className="py-2 pr-2">
                      <span className="inline-flex items-center gap-2">
                        {g.label}
                        {g.hasRosette ? <Rosette /> : null}
                      </span>
                    </td>
                    <td className="py-2 text-right">{g.perPupil.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : (
          <Leaderboard
            rows={board.rows}
            highlightStudentId={highlightStudentId}
            pointsLabel={board.pointsLabel}
            caption={caption}
            staffMarks={!isPupil}
          />
        )}
      </section>

      {board.period !== "ALL_TIME" && board.scope !== "GROUPS" ? (
        <section aria-labelledby="improved-heading" className="space-y-2">
          <h3 id="improved-heading" className="text-lg font-semibold">
            Most improved
          </h3>
          <p className="text-sm text-muted">
            Who gained most compared with the same days {board.period === "WEEK" ? "last week" : "of the period before"}.
          </p>
          {board.improved.length === 0 ? (
            <p className="text-muted">Nobody yet. Every point counts!</p>
          ) : (
            <ol className="space-y-1">
              {board.improved.map((r) => (
                <li key={r.studentId}>
                  <span className="font-semibold">{r.rank}.</span> {r.displayName} <span className="text-muted">+{r.change}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}

      {board.celebrations.length > 0 ? (
        <section aria-labelledby="celebrations-heading" className="space-y-2">
          <h3 id="celebrations-heading" className="text-lg font-semibold">
            Well done
          </h3>
          <ul className="space-y-1">
            {board.celebrations.map((c) => (
              <li key={c.studentId}>
                {isPupil
                  ? `${c.displayName} has moved into positive points. Well done!`
                  : `${c.displayName} moved from below zero to above it.`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
