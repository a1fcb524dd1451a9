"use client";

import { TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { useForm } from "@/components/forms/use-form";
import { useAnnouncedAction } from "@/components/ui/toast";
import { confirmTransferReceiptAction, recordTransferAction } from "../actions";
import { TRANSFERS_HEADING } from "../headings";

/** Records that the pupil's file went to another school: to whom, when, how, and receipt if already confirmed. */
export function TransferForm({ studentId, today, idempotencyKey }: { studentId: string; today: string; idempotencyKey: string }) {
  const { state, formAction, value, errors, key, idempotencyKey: formKey } = useForm(recordTransferAction, { idempotencyKey });
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Record a transfer">
      <FormMessage state={state} />
      <input type="hidden" name="studentId" value={studentId} />
      <IdempotencyKeyField value={formKey} />
      <div key={key} className="space-y-4">
        <div className="grid gap-4 md:grid-cols-2">
          <TextInput
            id="transfer-toSchool"
            name="toSchool"
            label="Receiving school"
            autoComplete="off"
            defaultValue={value("toSchool")}
            errors={errors("toSchool")}
          />
          <TextInput
            id="transfer-toPerson"
            name="toPerson"
            label="Received by"
            hint="Their name and role, for example their designated safeguarding lead."
            autoComplete="off"
            defaultValue={value("toPerson")}
            errors={errors("toPerson")}
          />
        </div>
        <TextInput
          id="transfer-method"
          name="method"
          label="How it was sent"
          hint="A secure way, for example the local authority's secure transfer service, or by hand to their safeguarding lead."
          autoComplete="off"
          defaultValue={value("method")}
          errors={errors("method")}
        />
        <div className="grid gap-4 md:grid-cols-2">
          <TextInput
            id="transfer-sentOn"
            name="sentOn"
            type="date"
            label="Date sent"
            max={today}
            defaultValue={value("sentOn", today)}
            errors={errors("sentOn")}
          />
          <TextInput
            id="transfer-receiptConfirmedOn"
            name="receiptConfirmedOn"
            type="date"
            label="Receipt confirmed on (optional)"
            hint="Leave empty if the receiving school has not confirmed yet."
            max={today}
            defaultValue={value("receiptConfirmedOn")}
            errors={errors("receiptConfirmedOn")}
          />
        </div>
      </div>
      <SubmitButton>Record transfer</SubmitButton>
    </form>
  );
}

/** The receiving school has confirmed it has the file: adds that to each concern's chronology. */
export function ConfirmReceiptForm({
  studentId,
  transferId,
  today,
  label,
}: {
  studentId: string;
  transferId: string;
  today: string;
  label: string;
}) {
  const { state, formAction, value, errors, key } = useForm(useAnnouncedAction(confirmTransferReceiptAction, TRANSFERS_HEADING));
  const id = `receipt-${transferId}`;
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={`Confirm receipt: ${label}`}>
      <FormMessage state={state} />
      <input type="hidden" name="studentId" value={studentId} />
      <input type="hidden" name="transferId" value={transferId} />
      <div key={key} className="flex flex-wrap items-end gap-3">
        <TextInput
          id={id}
          name="receiptConfirmedOn"
          type="date"
          label="Receipt confirmed on"
          max={today}
          defaultValue={value("receiptConfirmedOn", today)}
          errors={errors("receiptConfirmedOn")}
        />
        <SubmitButton variant="secondary">Confirm receipt</SubmitButton>
      </div>
    </form>
  );
}
