import Link from "next/link";

/** A safeguarding lead's first sight on a home page that is not /safeguarding: how many concerns are open. */
export function OpenConcernsCard({ open, urgent }: { open: number; urgent: number }) {
  return (
    <section
      aria-labelledby="open-concerns"
      className={`mb-6 rounded-lg border-l-4 px-4 py-3 ${urgent > 0 ? "border-danger bg-danger-soft" : "border-calm bg-calm-soft"}`}
    >
      <h2 id="open-concerns" className="font-bold text-ink">
        {open === 0 ? "No open concerns" : `${open} open concern${open === 1 ? "" : "s"}${urgent > 0 ? `, ${urgent} urgent` : ""}`}
      </h2>
      <Link href="/safeguarding" className="inline-flex min-h-11 items-center font-semibold text-accent-strong underline">
        Go to concerns
      </Link>
    </section>
  );
}
