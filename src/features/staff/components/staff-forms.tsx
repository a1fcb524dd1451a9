"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { FieldError, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAnnouncedAction } from "@/components/ui/toast";
import { FormMessage } from "@/components/forms/form-message";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { useForm } from "@/components/forms/use-form";
import { ShownLink, useFreshLink, withoutLink } from "@/components/forms/shown-link";
import { ROLE_FIELDS } from "../schemas";
import { ACCOUNT_HEADING, ROLE_LABELS, TWO_FACTOR_HEADING } from "../labels";
import {
  addStaffMemberAction,
  disableStaffMemberAction,
  enableStaffMemberAction,
  resetStaffTwoFactorAction,
  sendSetPasswordLinkAction,
  updateStaffMemberAction,
} from "../actions";

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

/** An admin resets a colleague's two-factor (issue 12): confirmed first, as it signs them out. */
export function ResetTwoFactorForm({ member }: { member: StaffMemberView }) {
  const formId = `reset-two-factor-${member.id}`;
  const { state, formAction } = useForm(useAnnouncedAction(resetStaffTwoFactorAction, TWO_FACTOR_HEADING));
  const dialog = useConfirm(formId);
  if (member.isSelf) return <p>This is your own account. Another admin can reset your two-factor.</p>;
  return (
    <form id={formId} action={formAction} onSubmit={dialog.onSubmit} className="space-y-3">
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="userId" value={member.id} />
      <p>If they have lost their phone and their recovery codes, reset it: they set it up again the next time they sign in.</p>
      <Button variant="danger" onClick={() => dialog.setOpen(true)}>
        Reset two-factor…
      </Button>
      <ConfirmDialog
        open={dialog.open}
        onOpenChange={dialog.setOpen}
        onConfirm={dialog.confirm}
        title={`Reset ${member.name}'s two-factor?`}
        description="Their authenticator app and recovery codes stop working and they are signed out everywhere. They set up two-factor again the next time they sign in."
        confirmLabel="Reset two-factor"
      />
    </form>
  );
}
