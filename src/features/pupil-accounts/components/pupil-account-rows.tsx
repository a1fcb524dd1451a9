"use client";

import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { FieldError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatStaffDate } from "@/lib/dates";
import { createPupilAccountsAction, renewSetUpCodesAction, resetPupilPasswordAction } from "../actions";
import type { AccountStatus } from "../queries";

export type PupilAccountRow = {
  id: string;
  name: string;
  tutorGroup: string;
  yearGroup: number;
  schoolEmail: string | null;
  status: AccountStatus;
  codeExpiresOn: string | null;
};

const CREATE_FORM = "create-pupil-accounts";

function statusWords(row: PupilAccountRow): string {
  switch (row.status) {
    case "NO_EMAIL":
      return "No school email, so no account: add it in the MIS and import again.";
    case "NO_ACCOUNT":
      return "No account yet.";
    case "CODE_WAITING":
      return `Code waiting: use before ${formatStaffDate(row.codeExpiresOn!)}.`;
    case "CODE_OUT_OF_DATE":
      return "Code out of date: make a new one.";
    case "NO_CODE":
      return "Account made, no code: make a new one.";
    case "PASSWORD_SET":
      return "Password set.";
  }
}

/**
 * A tutor group's (or a search's) pupils with their accounts: tick pupils without an account and make
 * theirs; a new code for a pupil still waiting; a password reset, asked first in a confirm dialog.
 */
export function PupilAccountRows({ rows, focusId, tutorGroup }: { rows: PupilAccountRow[]; focusId: string; tutorGroup: string | null }) {
  const create = useForm(createPupilAccountsAction);
  const renewGroup = useForm(renewSetUpCodesAction);
  const canCreate = rows.some((r) => r.status === "NO_ACCOUNT");
  const isWaiting = (r: PupilAccountRow) => r.status === "CODE_WAITING" || r.status === "CODE_OUT_OF_DATE" || r.status === "NO_CODE";
  return (
    <div className="space-y-4">
      <form id={CREATE_FORM} action={create.formAction} aria-label="Make accounts" className="space-y-3">
        <FormMessage state={create.state} />
        <FieldError id="studentIds-error" errors={create.errors("studentIds")} />
      </form>
      {tutorGroup && rows.some(isWaiting) ? (
        <form action={renewGroup.formAction} aria-label={`New codes for ${tutorGroup}`} className="space-y-2">
          <FormMessage state={renewGroup.state} />
          <input type="hidden" name="tutorGroup" value={tutorGroup} />
          <SubmitButton variant="secondary" pendingText="Making codes…">
            New codes for everyone in {tutorGroup} still waiting
          </SubmitButton>
        </form>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Pupils and their accounts</caption>
          <thead>
            <tr className="border-b border-line text-sm text-muted">
              <th scope="col" className="py-2 pr-2">
                Choose
              </th>
              <th scope="col" className="py-2 pr-2">
                Pupil
              </th>
              <th scope="col" className="py-2 pr-2">
                Account
              </th>
              <th scope="col" className="py-2">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-line/60 align-top">
                <td className="py-2 pr-2">
                  {row.status === "NO_ACCOUNT" ? (
                    <label className="inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center">
                      <input type="checkbox" name="studentIds" value={row.id} form={CREATE_FORM} className="h-5 w-5" />
                      <span className="sr-only">Choose {row.name}</span>
                    </label>
                  ) : null}
                </td>
                <td className="py-2 pr-2">
                  <span className="font-semibold">{row.name}</span>
                  <span className="block text-sm text-muted">
                    {row.tutorGroup}, Year {row.yearGroup}
                    {row.schoolEmail ? `, ${row.schoolEmail}` : ""}
                  </span>
                </td>
                <td className="py-2 pr-2">{statusWords(row)}</td>
                <td className="py-2">
                  <div className="flex flex-wrap gap-2">
                    {isWaiting(row) ? <RenewOneForm row={row} /> : null}
                    {row.status === "PASSWORD_SET" || isWaiting(row) ? (
                      <ConfirmedRemoveForm
                        action={resetPupilPasswordAction}
                        focusId={focusId}
                        field={{ name: "studentId", value: row.id }}
                        verb="Reset password"
                        openerLabel={`Reset the password of ${row.name}…`}
                        title={`Reset the password of ${row.name}?`}
                        description="Their password stops working at once and they are signed out on every device. They get a new set-up code to choose a new password: print it and give it to them."
                      />
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canCreate ? (
        <SubmitButtonFor form={CREATE_FORM} pending={create.isPending}>
          Make accounts for the chosen pupils
        </SubmitButtonFor>
      ) : null}
    </div>
  );
}

/** The create form's button, outside the form (the checkboxes sit in the table), tied to it by `form`. */
function SubmitButtonFor({ form, pending, children }: { form: string; pending: boolean; children: React.ReactNode }) {
  return (
    <button
      type="submit"
      form={form}
      disabled={pending}
      className="inline-flex min-h-11 items-center justify-center rounded-lg bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-strong disabled:opacity-60"
    >
      {pending ? "Making accounts…" : children}
    </button>
  );
}

function RenewOneForm({ row }: { row: PupilAccountRow }) {
  const { state, formAction } = useForm(renewSetUpCodesAction);
  return (
    <form action={formAction} className="space-y-1">
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="studentIds" value={row.id} />
      <SubmitButton variant="secondary" pendingText="Making a code…">
        <span aria-hidden="true">New code</span>
        <span className="sr-only">New code for {row.name}</span>
      </SubmitButton>
    </form>
  );
}
