"use client";

import { useState } from "react";
import { Badge, EmptyState } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { Select, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { useForm, type FormAction } from "@/components/forms/use-form";
import { ShownLink, useFreshLink, withoutLink } from "@/components/forms/shown-link";
import { BOARD_PERIOD_LABELS, type BoardPeriod } from "@/lib/board-periods";
import { makeNoticeboardLinkAction, replaceNoticeboardLinkAction, turnOffNoticeboardLinkAction } from "../actions";

/** Keyboard focus goes to the list's heading when a link is turned off and its buttons change. */
export const NOTICEBOARD_LIST_HEADING = "noticeboard-list-heading";

const YEAR_GROUPS = [7, 8, 9, 10, 11, 12, 13];

export type NoticeboardLinkRow = {
  id: string;
  label: string;
  programmeName: string;
  isProgrammeRunning: boolean;
  yearGroup: number;
  period: BoardPeriod;
  isLive: boolean;
  /** Dates in the staff style, "3 Dec 2026". */
  madeOn: string;
  turnedOffOn: string | null;
};

/** The new address's field: the full link to copy and open on the classroom screen. */
const NOTICEBOARD_LINK = {
  id: "noticeboard-link",
  label: "Noticeboard link",
  hint: "Copy it now and open it on the classroom screen: we show it only this once. Anyone with the link can see the board, so keep it to staff.",
};

/**
 * The school's screens: make a link, replace one (its old address stops) or turn one off. A new
 * address is shown here once, straight after it is made (ADR 024), and never again: the answer of the
 * latest form that succeeded decides what shows, so a turned-off link's address does not linger.
 */
export function NoticeboardLinks({
  links,
  programmes,
  idempotencyKey,
}: {
  links: NoticeboardLinkRow[];
  programmes: { id: string; name: string }[];
  idempotencyKey: string;
}) {
  // A form's success replaces (or, with no link, clears) the new address shown.
  const { fresh, wrap: showAnswer } = useFreshLink();
  return (
    <div className="space-y-6">
      {fresh ? <ShownLink key={fresh.id} path={fresh.path} message={fresh.message} field={NOTICEBOARD_LINK} /> : null}
      {programmes.length > 0 ? (
        <MakeLinkForm programmes={programmes} idempotencyKey={idempotencyKey} wrap={showAnswer} />
      ) : (
        <EmptyState title="No programme is running">Set up a programme first: a noticeboard shows one programme&apos;s board.</EmptyState>
      )}
      <section aria-labelledby={NOTICEBOARD_LIST_HEADING} className="space-y-3">
        <h2 id={NOTICEBOARD_LIST_HEADING} tabIndex={-1} className="text-lg font-bold">
          Your screens ({links.length})
        </h2>
        {links.length === 0 ? (
          <p className="text-muted">No noticeboard links yet. Make one above for each classroom screen.</p>
        ) : (
          <ul className="divide-y divide-line">
            {links.map((link) => (
              <LinkRow key={link.id} link={link} wrap={showAnswer} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function MakeLinkForm({
  programmes,
  idempotencyKey,
  wrap,
}: {
  programmes: { id: string; name: string }[];
  idempotencyKey: string;
  wrap: (action: FormAction) => FormAction;
}) {
  const [action] = useState(() => wrap(makeNoticeboardLinkAction));
  const { state, formAction, value, errors, key, idempotencyKey: formKey } = useForm(action, { idempotencyKey });
  return (
    <form
      action={formAction}
      className="space-y-4 rounded-[var(--radius-card)] border border-line bg-surface p-4 sm:p-5"
      noValidate
      aria-labelledby="make-noticeboard-heading"
    >
      <h2 id="make-noticeboard-heading" className="text-lg font-bold">
        Make a link for a screen
      </h2>
      {/* The new address shows above; here only what went wrong, or a replay's answer. */}
      <FormMessage state={withoutLink(state)} />
      <IdempotencyKeyField value={formKey} />
      <div key={key} className="grid gap-4 sm:grid-cols-2">
        <TextInput
          id="noticeboard-label"
          name="label"
          label="Screen name"
          hint="So you know which link is which, like “Library screen”."
          defaultValue={value("label")}
          errors={errors("label")}
          maxLength={60}
        />
        <Select
          id="noticeboard-programme"
          name="programmeId"
          label="Programme"
          defaultValue={value("programmeId", programmes[0]?.id ?? "")}
          errors={errors("programmeId")}
          options={programmes.map((p) => ({ value: p.id, label: p.name }))}
        />
        <Select
          id="noticeboard-year"
          name="yearGroup"
          label="Pupils"
          defaultValue={value("yearGroup", "")}
          errors={errors("yearGroup")}
          options={[
            { value: "", label: "Everyone in the programme" },
            ...YEAR_GROUPS.map((y) => ({ value: String(y), label: `Year ${y}` })),
          ]}
        />
        <Select
          id="noticeboard-period"
          name="period"
          label="Points from"
          defaultValue={value("period", "HALF_TERM")}
          errors={errors("period")}
          options={Object.entries(BOARD_PERIOD_LABELS).map(([v, label]) => ({ value: v, label }))}
        />
      </div>
      <SubmitButton pendingText="Making the link…">Make link</SubmitButton>
    </form>
  );
}

function summary(link: NoticeboardLinkRow) {
  return [
    link.yearGroup > 0 ? `Year ${link.yearGroup}` : "Everyone",
    BOARD_PERIOD_LABELS[link.period].toLowerCase(),
    link.programmeName,
  ].join(" · ");
}

function LinkRow({ link, wrap }: { link: NoticeboardLinkRow; wrap: (action: FormAction) => FormAction }) {
  const [turnOff] = useState(() => wrap(turnOffNoticeboardLinkAction));
  return (
    <li className="space-y-2 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-semibold">{link.label}</p>
          <p className="text-sm text-muted">
            {summary(link)} · made {link.madeOn}
          </p>
        </div>
        {link.isLive ? <Badge tone="good">Live</Badge> : <Badge tone="neutral">Turned off {link.turnedOffOn}</Badge>}
      </div>
      {link.isLive && !link.isProgrammeRunning ? (
        <p className="text-sm">The programme is not running, so the screen shows nothing until it starts.</p>
      ) : null}
      <div className="flex flex-wrap items-start gap-2">
        <ReplaceLinkForm link={link} wrap={wrap} />
        {link.isLive ? (
          <ConfirmedRemoveForm
            action={turnOff}
            focusId={NOTICEBOARD_LIST_HEADING}
            field={{ name: "linkId", value: link.id }}
            verb="Turn off"
            openerLabel={`Turn off the link for ${link.label}…`}
            title={`Turn off the link for ${link.label}?`}
            description="The screen that uses it stops showing the board within a minute. You can give the screen a new link later."
          />
        ) : null}
      </div>
    </li>
  );
}

/** A new address for a screen: asks first when the old one is live (it stops working), not when it is off. */
function ReplaceLinkForm({ link, wrap }: { link: NoticeboardLinkRow; wrap: (action: FormAction) => FormAction }) {
  const formId = `replace-${link.id}`;
  const [action] = useState(() => wrap(replaceNoticeboardLinkAction));
  // Its answer is the new address above, which takes the keyboard focus.
  const { state, formAction } = useForm(action);
  const dialog = useConfirm(formId);
  return (
    <form id={formId} action={formAction} onSubmit={link.isLive ? dialog.onSubmit : undefined}>
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="linkId" value={link.id} />
      {link.isLive ? (
        <>
          <Button variant="secondary" onClick={() => dialog.setOpen(true)} aria-label={`Replace the link for ${link.label}…`}>
            Replace link…
          </Button>
          <ConfirmDialog
            open={dialog.open}
            onOpenChange={dialog.setOpen}
            onConfirm={dialog.confirm}
            title={`Replace the link for ${link.label}?`}
            description="The address the screen uses now stops working. Open the new one on the screen instead."
            confirmLabel="Replace link"
          />
        </>
      ) : (
        <Button type="submit" variant="secondary" aria-label={`Turn on ${link.label} with a new link`}>
          Turn on with a new link
        </Button>
      )}
    </form>
  );
}
