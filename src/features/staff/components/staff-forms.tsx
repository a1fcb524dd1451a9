"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { FieldError, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAnnouncedAction } from "@/components/ui/toast";
import { FormMessage } from "@/components/forms/form-message";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { useForm, type FormAction } from "@/components/forms/use-form";
import type { FormState } from "@/lib/form-state";
import { ROLE_FIELDS } from "../schemas";
import { ACCOUNT_HEADING, ROLE_LABELS } from "../labels";
import {
  addStaffMemberAction,
  disableStaffMemberAction,
  enableStaffMemberAction,
  sendSetPasswordLinkAction,
  updateStaffMemberAction,
} from "../actions";

type Fresh = { path: string; message: string; id: number };

/** Wraps a form's action so a new link in its answer is kept to show once, and anything else clears it. */
function useFreshLink() {
  const [fresh, setFresh] = useState<Fresh | null>(null);
  const wrap = useCallback(
    (action: FormAction): FormAction =>
      async (state: FormState, formData: FormData) => {
        const result = await action(state, formData);
        if (result.ok)
          setFresh((previous) =>
            result.link ? { path: result.link.href, message: result.message ?? "", id: (previous?.id ?? 0) + 1 } : null,
          );
        return result;
      },
    [],
  );
  return { fresh, wrap };
}

/** The answer without the link: the link shows in ShownLink instead, once. */
const withoutLink = (state: FormState): FormState => ({
  ...state,
  link: undefined,
  message: state.ok && state.link ? undefined : state.message,
});

/** A new set-password link, once: the full address to copy and give to the person. */
function ShownLink({ path, message }: { path: string; message: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const url = new URL(path, window.location.origin).toString();
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
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
        <label htmlFor="set-password-link" className="block font-semibold">
          Set-password link
        </label>
        <p id="set-password-link-hint" className="text-sm text-ink">
          Only the person it is for should open it: whoever opens it first can choose the password.
        </p>
        <input
          ref={field}
          id="set-password-link"
          readOnly
          value={url}
          aria-describedby="set-password-link-hint"
          className="block min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 font-mono text-sm text-ink"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={copy}>Copy link</Button>
        <span aria-live="polite" className="text-sm">
          {copied}
        </span>
      </div>
    </div>
  );
}

function RoleBoxes({ idPrefix, checked, errors }: { idPrefix: string; checked: (role: string) => boolean; errors?: string[] }) {
  const errorId = errors?.length ? `${idPrefix}-roles-error` : undefined;
  return (
    <fieldset aria-describedby={errorId} className="space-y-1">
      <legend className="font-semibold">Roles</legend>
      <div className="flex flex-wrap gap-x-5">
        {ROLE_FIELDS.map((f) => (
          <label key={f.field} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name={f.field} defaultChecked={checked(f.role)} className="h-5 w-5" />
            {ROLE_LABELS[f.role]}
          </label>
        ))}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

const ticked = (values: (name: string) => string[], name: string) => values(name).includes("on");

export function AddStaffForm({ idempotencyKey }: { idempotencyKey: string }) {
  const { fresh, wrap } = useFreshLink();
  const [action] = useState(() => wrap(addStaffMemberAction));
  const { state, formAction, value, values, errors, key, idempotencyKey: formKey } = useForm(action, { idempotencyKey });
  return (
    <div className="space-y-4">
      {fresh ? <ShownLink key={fresh.id} path={fresh.path} message={fresh.message} /> : null}
      <form action={formAction} className="space-y-4" noValidate aria-labelledby="add-staff-heading">
        <h2 id="add-staff-heading" className="text-lg font-bold">
          Add a member of staff
        </h2>
        <FormMessage state={withoutLink(state)} />
        <IdempotencyKeyField value={formKey} />
        <div key={key} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextInput
              id="add-name"
              name="name"
              label="Full name"
              autoComplete="off"
              defaultValue={value("name")}
              errors={errors("name")}
            />
            <TextInput
              id="add-email"
              name="email"
              type="email"
              label="School email address"
              hint="They sign in with it, and the set-password link goes to it when email is set up."
              autoComplete="off"
              defaultValue={value("email")}
              errors={errors("email")}
            />
          </div>
          <RoleBoxes
            idPrefix="add"
            checked={(role) => ticked(values, ROLE_FIELDS.find((f) => f.role === role)!.field)}
            errors={errors("roles")}
          />
        </div>
        <SubmitButton pendingText="Adding…">Add member of staff</SubmitButton>
      </form>
    </div>
  );
}

export type StaffMemberView = {
  id: string;
  name: string;
  email: string;
  roles: string[];
  isDisabled: boolean;
  isSelf: boolean;
  isShared: boolean;
};

export function StaffDetailsForm({ member }: { member: StaffMemberView }) {
  const { state, formAction, value, values, errors, key } = useForm(updateStaffMemberAction);
  const hasAnswer = state.values !== undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label={`Details of ${member.name}`}>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={member.id} />
      <div key={key} className="space-y-4">
        {member.isShared ? (
          <p className="text-sm text-muted">
            They also use PeerPath at another school, so their name and email cannot be changed here. Ask PeerPath support to change them.
          </p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextInput
            id="edit-name"
            name="name"
            label="Full name"
            autoComplete="off"
            readOnly={member.isShared}
            defaultValue={value("name", member.name)}
            errors={errors("name")}
          />
          <TextInput
            id="edit-email"
            name="email"
            type="email"
            label="School email address"
            autoComplete="off"
            readOnly={member.isShared}
            defaultValue={value("email", member.email)}
            errors={errors("email")}
          />
        </div>
        <RoleBoxes
          idPrefix="edit"
          checked={(role) => {
            const field = ROLE_FIELDS.find((f) => f.role === role)!.field;
            return hasAnswer ? ticked(values, field) : member.roles.includes(role);
          }}
          errors={errors("roles")}
        />
      </div>
      <SubmitButton>Save changes</SubmitButton>
    </form>
  );
}

/** Disable (asks first, in the confirm dialog) or enable this school's account of theirs. */
export function AccountStatusForm({ member }: { member: StaffMemberView }) {
  return member.isDisabled ? <EnableForm member={member} /> : <DisableForm member={member} />;
}

function EnableForm({ member }: { member: StaffMemberView }) {
  const { state, formAction } = useForm(useAnnouncedAction(enableStaffMemberAction, ACCOUNT_HEADING));
  return (
    <form action={formAction} className="space-y-3">
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="userId" value={member.id} />
      <p>Their account is disabled here: they cannot use PeerPath at this school.</p>
      <SubmitButton variant="secondary" pendingText="Enabling…">
        Enable their account
      </SubmitButton>
    </form>
  );
}

function DisableForm({ member }: { member: StaffMemberView }) {
  const formId = `disable-${member.id}`;
  const { state, formAction } = useForm(useAnnouncedAction(disableStaffMemberAction, ACCOUNT_HEADING));
  const dialog = useConfirm(formId);
  if (member.isSelf) return <p>This is your own account. Another admin can disable it.</p>;
  return (
    <form id={formId} action={formAction} onSubmit={dialog.onSubmit} className="space-y-3">
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="userId" value={member.id} />
      <p>Disabling stops them using PeerPath at this school straight away. You can enable it again later.</p>
      <Button variant="danger" onClick={() => dialog.setOpen(true)}>
        Disable account…
      </Button>
      <ConfirmDialog
        open={dialog.open}
        onOpenChange={dialog.setOpen}
        onConfirm={dialog.confirm}
        title={`Disable ${member.name}'s account?`}
        description="They are signed out of this school at once. What they recorded stays. You can enable the account again later."
        confirmLabel="Disable account"
      />
    </form>
  );
}

export function SendLinkForm({ member, idempotencyKey }: { member: StaffMemberView; idempotencyKey: string }) {
  const { fresh, wrap } = useFreshLink();
  const [action] = useState(() => wrap(sendSetPasswordLinkAction));
  const { state, formAction, idempotencyKey: formKey } = useForm(action, { idempotencyKey });
  return (
    <div className="space-y-4">
      {fresh ? <ShownLink key={fresh.id} path={fresh.path} message={fresh.message} /> : null}
      <form action={formAction} className="space-y-3">
        <FormMessage state={withoutLink(state)} />
        <IdempotencyKeyField value={formKey} />
        <input type="hidden" name="userId" value={member.id} />
        <p>A link lets them choose a new password. It works once, for 72 hours; an older link stops working.</p>
        <SubmitButton variant="secondary" pendingText="Making the link…">
          Send a set-password link
        </SubmitButton>
      </form>
    </div>
  );
}
