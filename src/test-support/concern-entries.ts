// A chronology entry written straight into the test database, as a concern's commands would append it
// (tests and browser specs only; the app appends through src/features/concerns/commands.ts).
import type { ConcernAction, ConcernEntryKind, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { toDbDate, type IsoDate } from "@/lib/dates";

export function appendConcernEntry(
  db: Db,
  input: {
    schoolId: string;
    concernId: string;
    kind: ConcernEntryKind;
    authorId: string;
    at?: Date;
    text?: string;
    action?: ConcernAction | null;
    happenedOn?: IsoDate | null;
    correctsId?: string | null;
    details?: Prisma.InputJsonObject;
  },
) {
  return db.concernEntry.create({
    data: {
      schoolId: input.schoolId,
      concernId: input.concernId,
      kind: input.kind,
      authorId: input.authorId,
      at: input.at ?? new Date(),
      text: input.text ?? "",
      action: input.action ?? null,
      happenedOn: input.happenedOn ? toDbDate(input.happenedOn) : null,
      correctsId: input.correctsId ?? null,
      details: input.details ?? {},
    },
  });
}
