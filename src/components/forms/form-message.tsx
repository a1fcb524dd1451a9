import Link from "next/link";
import { Notice } from "@/components/ui/card";
import type { FormState } from "@/lib/form-state";

/** The form's answer, announced politely (success) or assertively (a problem), with a link where there is one. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {state.message ? (
        <Notice tone={state.ok ? "good" : "danger"} role={state.ok ? "status" : "alert"}>
          {state.message}
          {state.link ? (
            <>
              {" "}
              <Link href={state.link.href} className="font-semibold underline">
                {state.link.label}
              </Link>
            </>
          ) : null}
        </Notice>
      ) : null}
    </div>
  );
}
