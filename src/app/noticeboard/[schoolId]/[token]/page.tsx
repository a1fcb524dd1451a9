import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Award } from "lucide-react";
import { noticeboardFor } from "@/features/noticeboards/serve";
import { AutoRefresh } from "@/features/noticeboards/components/auto-refresh";

// A classroom screen (ADR 024): no sign-in, no navigation, the token in the address is the only key.
// Any token that is not live in this school (wrong, replaced, turned off, another school's), or a
// programme that is not running, is the same 404.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Noticeboard",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const REFRESH_SECONDS = 60;

export default async function NoticeboardPage({ params }: { params: Promise<{ schoolId: string; token: string }> }) {
  const { schoolId, token } = await params;
  const board = await noticeboardFor(schoolId, token);
  if (!board) notFound();
  const title = board.yearGroup ? `Year ${board.yearGroup}` : board.programmeName;
  const hasSide = board.improved !== null || board.celebrations.length > 0;
  return (
    <main id="main" className="min-h-screen px-[4vw] py-[3vh] text-ink">
      <AutoRefresh seconds={REFRESH_SECONDS} />
      <header className="flex flex-wrap items-baseline justify-between gap-x-[4vw] gap-y-1 border-b-4 border-accent pb-[1.5vh]">
        <div>
          <h1 className="text-[clamp(2rem,min(5vw,7vh),5.5rem)] leading-tight font-bold">{title}</h1>
          {board.yearGroup ? <p className="text-[clamp(1.25rem,min(2.5vw,3.5vh),2.5rem)] text-muted">{board.programmeName}</p> : null}
        </div>
        <p className="text-[clamp(1.5rem,min(3.5vw,5vh),3.5rem)] font-semibold text-accent-strong">{board.windowLabel}</p>
      </header>

      <div className={`mt-[3vh] grid gap-x-[5vw] gap-y-[4vh] ${hasSide ? "lg:grid-cols-[3fr_2fr]" : ""}`}>
        <section aria-labelledby="noticeboard-places">
          <h2 id="noticeboard-places" className="sr-only">
            Leaderboard
          </h2>
          {board.rows.length === 0 ? (
            <p className="text-[clamp(1.75rem,min(4vw,6vh),4rem)]">No points yet. Every point counts!</p>
          ) : (
            <table className="w-full border-collapse text-left text-[clamp(1.5rem,min(4vw,4.5vh),4.5rem)] leading-tight">
              <caption className="sr-only">
                {title}: {board.windowLabel.toLowerCase()}, top places
              </caption>
              <thead>
                <tr className="border-b-2 border-line text-[clamp(1rem,min(1.8vw,2.5vh),1.75rem)] text-muted">
                  <th scope="col" className="py-2 pr-[2vw] font-semibold">
                    Place
                  </th>
                  <th scope="col" className="py-2 pr-[2vw] font-semibold">
                    Name
                  </th>
                  <th scope="col" className="py-2 text-right font-semibold">
                    {board.pointsLabel}
                  </th>
                </tr>
              </thead>
              <tbody>
                {board.rows.map((row, i) => (
                  <tr key={i} className="border-b border-line">
                    <td className="py-[0.6vh] pr-[2vw] font-bold">{row.place}</td>
                    <td className="py-[0.6vh] pr-[2vw]">
                      <span className="inline-flex flex-wrap items-center gap-x-[1.5vw] gap-y-1">
                        {row.name}{" "}
                        {row.hasRosette ? (
                          <span
                            className="inline-flex items-center gap-2 rounded-full bg-accent-soft px-[1vw] text-[0.6em] font-semibold text-accent-strong"
                            data-testid="rosette"
                          >
                            <Award aria-hidden="true" className="size-[1.2em]" />
                            First place
                          </span>
                        ) : null}
                      </span>
                    </td>
                    <td className="py-[0.6vh] text-right font-bold tabular-nums">{row.points}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        {hasSide ? (
          <div className="space-y-[4vh] text-[clamp(1.25rem,min(3vw,4vh),3.25rem)] leading-snug">
            {board.improved ? (
              <section aria-labelledby="noticeboard-improved">
                <h2 id="noticeboard-improved" className="font-bold">
                  Most improved
                </h2>
                {board.improved.length === 0 ? (
                  <p className="text-muted">Nobody yet. Every point counts!</p>
                ) : (
                  <ol className="mt-2 space-y-1">
                    {board.improved.map((r, i) => (
                      <li key={i}>
                        <span className="font-bold">{r.place}.</span> {r.name} <span className="text-muted">+{r.change}</span>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            ) : null}
            {board.celebrations.length > 0 ? (
              <section aria-labelledby="noticeboard-well-done">
                <h2 id="noticeboard-well-done" className="font-bold">
                  Well done
                </h2>
                <ul className="mt-2 space-y-1">
                  {board.celebrations.map((name, i) => (
                    <li key={i}>{name} has moved into positive points.</li>
                  ))}
                </ul>
              </section>
            ) : null}
          </div>
        ) : null}
      </div>
    </main>
  );
}
