"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAnnouncedAction } from "@/components/ui/toast";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { makeCalendarLinkAction, turnOffCalendarLinkAction } from "../actions";

/** Keyboard focus goes to the card's heading when the link is turned off and its form leaves the page. */
export const CALENDAR_LINK_HEADING = "calendar-link-heading";
const MAKE_FORM = "make-calendar-link";
const TURN_OFF_FORM = "turn-off-calendar-link";

/**
 * Making, replacing and turning off the signed-in person's calendar link. A new link is shown here
 * once, straight after it is made (ADR 017); both forms live in this one component so that answer
 * survives the page refreshing around it.
 */
export function CalendarLinkPanel({
  madeOn,
  nothingToShow,
}: {
  /** When the live link was made, in the reader's words; null when there is none. */
  madeOn: string | null;
  /** Why no link can be made yet, or null. */
  nothingToShow: string | null;
}) {
  const make = useForm(makeCalendarLinkAction);
  const turnOff = useForm(useAnnouncedAction(turnOffCalendarLinkAction, CALENDAR_LINK_HEADING));
  const makeDialog = useConfirm(MAKE_FORM);
  const turnOffDialog = useConfirm(TURN_OFF_FORM);
  const hasLink = madeOn !== null;
  const isNewest = (make.state.savedAt ?? 0) > (turnOff.state.savedAt ?? 0);
  const freshPath = hasLink && make.state.ok && isNewest ? (make.state.link?.href ?? null) : null;
  return (
    <div className="space-y-4">
      {freshPath ? (
        <NewLink key={freshPath} path={freshPath} message={make.state.message ?? ""} />
      ) : (
        <FormMessage state={{ ...make.state, link: undefined }} />
      )}
      {turnOff.state.ok ? null : <FormMessage state={turnOff.state} />}
      <p>{hasLink ? `You made your link on ${madeOn}.` : "You do not have a link yet."}</p>
      {nothingToShow ? (
        <p className="text-muted">{nothingToShow}</p>
      ) : (
        <form id={MAKE_FORM} action={make.formAction} onSubmit={hasLink ? makeDialog.onSubmit : undefined}>
          {hasLink ? (
            <>
              <Button variant="secondary" onClick={() => makeDialog.setOpen(true)}>
                Make a new link…
              </Button>
              <ConfirmDialog
                open={makeDialog.open}
                onOpenChange={makeDialog.setOpen}
                onConfirm={makeDialog.confirm}
                title="Make a new link?"
                description="The link you have now will stop working: calendars that use it stop showing your sessions until you add the new one."
                confirmLabel="Make a new link"
              />
            </>
          ) : (
            <SubmitButton pendingText="Making your link…">Make my link</SubmitButton>
          )}
        </form>
      )}
      {hasLink ? (
        <form id={TURN_OFF_FORM} action={turnOff.formAction} onSubmit={turnOffDialog.onSubmit}>
          <Button variant="secondary" onClick={() => turnOffDialog.setOpen(true)}>
            Turn off my link…
          </Button>
          <ConfirmDialog
            open={turnOffDialog.open}
            onOpenChange={turnOffDialog.setOpen}
            onConfirm={turnOffDialog.confirm}
            title="Turn off your calendar link?"
            description="Calendars that use it will stop showing your sessions. You can make a new link at any time."
            confirmLabel="Turn off my link"
          />
        </form>
      ) : null}
    </div>
  );
}

/** The new link, once: full address to copy, and a link that opens the phone's own calendar. */
function NewLink({ path, message }: { path: string; message: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const url = new URL(path, window.location.origin);
  const webcal = `webcal://${url.host}${url.pathname}`;
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url.toString());
      setCopied("Copied.");
    } catch {
      field.current?.select();
      setCopied("Your browser did not let us copy it: the link is selected, so copy it yourself.");
    }
  }
  return (
    <div className="space-y-3 rounded-lg border border-good bg-good-soft p-4">
      <p role="status" className="font-semibold text-good">
        {message}
      </p>
      <div className="space-y-1">
        <label htmlFor="calendar-link" className="block font-semibold">
          Your calendar link
        </label>
        <p id="calendar-link-hint" className="text-sm text-ink">
          Copy it now: we show it only this once. Keep it to yourself.
        </p>
        <input
          ref={field}
          id="calendar-link"
          readOnly
          value={url.toString()}
          aria-describedby="calendar-link-hint"
          className="block min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 font-mono text-sm text-ink"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={copy}>Copy link</Button>
        <a
          href={webcal}
          className="inline-flex min-h-11 items-center rounded-lg px-3 font-semibold text-accent underline underline-offset-4"
        >
          Add to this phone&apos;s calendar
        </a>
        <span aria-live="polite" className="text-sm">
          {copied}
        </span>
      </div>
    </div>
  );
}
