export default function Loading() {
  return (
    <div className="mx-auto max-w-6xl space-y-4 px-4 py-6" aria-busy="true" aria-label="Loading">
      <div className="h-8 w-64 rounded bg-line/60" />
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="h-24 rounded-[var(--radius-card)] bg-line/40" />
        <div className="h-24 rounded-[var(--radius-card)] bg-line/40" />
        <div className="h-24 rounded-[var(--radius-card)] bg-line/40" />
      </div>
    </div>
  );
}
