/** The hidden key that makes a create safe to send twice (ADR 010). */
export function IdempotencyKeyField({ value }: { value: string | undefined }) {
  return value ? <input type="hidden" name="idempotencyKey" value={value} /> : null;
}
