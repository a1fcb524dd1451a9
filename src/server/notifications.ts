import "server-only";
import type { Tx } from "./db";
import { isAppPath } from "@/lib/app-path";
import { hasNoControlCharacters } from "@/lib/schema-helpers";

// In-app notifications (ADR 016). Producers call `notify` inside their own transaction, so a
// notification exists exactly when the change that caused it does; its email is sent later, outside
// any writing transaction, by the outbox in notification-email.ts. The reader's side (list, count,
// mark read) is src/features/notifications.

export type NotificationInput = {
  schoolId: string;
  /** Who it is for: staff of the school, or one of its pupils. */
  userId: string;
  /** What raised it, for code and filters: "session.to_log", "session.moved", "todo.new". */
  kind: string;
  /**
   * What to do, in one plain sentence that is also the email's subject and body: "Log your session
   * with Maya P. on Monday 1 December." Never a pupil's notes, moods or check-ins, never a concern.
   */
  message: string;
  /** Where to do it: a path in the app ("/mentor/log/…"), never a full URL. */
  link: string;
  /** Once per cause per user: a second notify with the same key does nothing ("session.to_log:<pairing>:<day>"). */
  dedupeKey: string;
};

const KIND = /^[a-z][a-z0-9_.-]{0,59}$/;
export const MESSAGE_MAX = 300;

/** A producer's mistake, never a user's: thrown, so the producer's transaction rolls back and its test fails. */
function check(input: NotificationInput) {
  const problems: string[] = [];
  if (!input.schoolId || !input.userId) problems.push("schoolId and userId are required");
  if (!KIND.test(input.kind)) problems.push(`kind "${input.kind}" must be lower-case words like "session.to_log"`);
  const message = input.message.trim();
  if (message.length === 0 || message.length > MESSAGE_MAX || /[\r\n]/.test(message) || !hasNoControlCharacters(message))
    problems.push(`message must be one line of 1–${MESSAGE_MAX} characters`);
  if (!isAppPath(input.link)) problems.push(`link "${input.link}" must be a path in the app, starting with one "/"`);
  if (input.dedupeKey.length === 0 || input.dedupeKey.length > 200 || !hasNoControlCharacters(input.dedupeKey))
    problems.push("dedupeKey must be 1–200 characters");
  if (problems.length > 0) throw new Error(`notify: ${problems.join("; ")}`);
}

/**
 * Adds a notification in the caller's transaction, once: a second call with the same
 * (school, user, dedupeKey) does nothing, even at the same moment (the unique key, ON CONFLICT DO
 * NOTHING). Returns the new notification's id, or null when it was already there. After the
 * transaction commits, a command kicks email delivery with `afterCommit(kickEmailDelivery)`; the
 * minute job sends it otherwise.
 */
export async function notify(tx: Tx, input: NotificationInput): Promise<{ id: string } | null> {
  check(input);
  const [{ isInSchool }] = await tx.$queryRaw<[{ isInSchool: boolean }]>`
    SELECT EXISTS (SELECT 1 FROM "Membership" WHERE "schoolId" = ${input.schoolId} AND "userId" = ${input.userId})
        OR EXISTS (SELECT 1 FROM "Student" WHERE "schoolId" = ${input.schoolId} AND "userId" = ${input.userId}) AS "isInSchool"`;
  if (!isInSchool) throw new Error("notify: the user is not in this school");
  const [row] = await tx.notification.createManyAndReturn({
    data: [
      {
        schoolId: input.schoolId,
        userId: input.userId,
        kind: input.kind,
        message: input.message.trim(),
        link: input.link,
        dedupeKey: input.dedupeKey,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  return row ?? null;
}
