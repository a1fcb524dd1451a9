import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { getBoard, getBoardChoices } from "@/features/points/board-queries";
import { boardRequestFrom } from "@/features/points/board-request";
import { getMyBoardSettings, listPointCategories } from "@/features/points/queries";
import { BoardView } from "@/features/points/components/board-view";
import { BoardOptOutForm, NicknameForm } from "@/features/points/components/my-board-forms";
import { ProgrammePicker } from "@/features/programmes/components/programme-picker";

export const metadata: Metadata = { title: "Boards" };

export default async function StudentBoardsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("PUPIL");
  const params = await searchParams;
  const choices = await getBoardChoices(actor, typeof params.programme === "string" ? params.programme : undefined);
  const [settings, categories] = await Promise.all([getMyBoardSettings(actor), listPointCategories(actor)]);
  const request = choices.programme ? boardRequestFrom(params, { ...choices, programme: choices.programme }) : null;
  const board = request ? await getBoard(actor, request) : null;
  return (
    <AppShell actor={actor} current="/student/boards">
      <PageHeader
        title="Boards"
        description={
          settings.measure === "EARNED"
            ? "Points celebrate effort and progress. Only points earned show here."
            : "Points celebrate effort and progress. Nobody's total shows below 0."
        }
        action={
          choices.programmes.length > 1 && choices.programme ? (
            <ProgrammePicker programmes={choices.programmes} currentId={choices.programme.id} />
          ) : null
        }
      />
      <div className="grid max-w-5xl gap-5 lg:grid-cols-3">
        <Card title="The board" className="lg:col-span-2">
          {board && request ? (
            <BoardView board={board} request={request} choices={choices} path="/student/boards" highlightStudentId={actor.studentId} />
          ) : (
            <EmptyState title="No boards yet">When you join a programme, its boards show here.</EmptyState>
          )}
        </Card>
        <div className="space-y-5">
          <Card title="How points work">
            <ul className="space-y-2">
              {categories.map((c) => (
                <li key={c.id}>
                  <span className="font-semibold">{c.name}</span> (
                  {c.defaultAmount > 0 ? `usually +${c.defaultAmount}` : `usually ${c.defaultAmount}`}): {c.description}
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Your name on boards">
            <div className="space-y-6">
              <BoardOptOutForm isOptedOut={settings.isOptedOut} isHidden={settings.isHidden} />
              {settings.nameStyle === "NICKNAME" ? <NicknameForm nickname={settings.nickname} status={settings.nicknameStatus} /> : null}
            </div>
          </Card>
        </div>
      </div>
    </AppShell>
  );
}
