import Link from "next/link";
import { LifeBuoy } from "lucide-react";

/** Always on pupil pages, in the same place: how to get help, and a way to tell us in writing. */
export function TellSomeone() {
  return (
    <aside aria-labelledby="tell-someone" className="rounded-[var(--radius-card)] border-2 border-accent bg-accent-soft p-4">
      <h2 id="tell-someone" className="flex items-center gap-2 text-lg font-bold">
        <LifeBuoy aria-hidden="true" className="h-5 w-5" />
        Tell someone
      </h2>
      <p className="mt-1">
        If something is wrong, or you feel unsafe, talk to any member of staff today. You will not be in trouble for asking for help.
      </p>
      <p className="mt-2">
        <Link href="/concerns/new" className="inline-flex min-h-11 items-center font-semibold text-accent-strong underline">
          Tell us here
        </Link>
        {" · "}
        <Link href="/concerns" className="inline-flex min-h-11 items-center font-semibold text-accent-strong underline">
          What you told us
        </Link>
      </p>
    </aside>
  );
}
