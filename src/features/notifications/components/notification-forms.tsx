"use client";

import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAnnouncedAction } from "@/components/ui/toast";
import { markAllNotificationsReadAction, markNotificationReadAction } from "../actions";

/**
 * One notification: its message is the way to where it points. Following it marks it read on the
 * server, then goes there (it works without JavaScript too: a form, not a script).
 */
export function OpenNotificationForm({ id, message, isRead }: { id: string; message: string; isRead: boolean }) {
  const { state, formAction, isPending } = useForm(markNotificationReadAction);
  return (
    <form action={formAction}>
      {state.message ? <FormMessage state={state} /> : null}
      <input type="hidden" name="notificationId" value={id} />
      <button
        type="submit"
        disabled={isPending}
        className={
          "min-h-11 text-left text-accent underline underline-offset-4 hover:text-accent-strong disabled:opacity-60 " +
          (isRead ? "font-normal" : "font-semibold")
        }
      >
        {message}
      </button>
    </form>
  );
}

/** "Mark all as read": up to the newest notification the page showed. */
export function MarkAllReadForm({ newestId, focusId }: { newestId: string; focusId: string }) {
  const { state, formAction } = useForm(useAnnouncedAction(markAllNotificationsReadAction, focusId));
  return (
    <form action={formAction} className="space-y-2">
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="newestId" value={newestId} />
      <SubmitButton variant="secondary" pendingText="Marking…">
        Mark all as read
      </SubmitButton>
    </form>
  );
}
