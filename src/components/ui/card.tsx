import clsx from "clsx";
import Link from "next/link";
import type { ReactNode } from "react";

export function Card({
  title,
  children,
  className,
  headingLevel = 2,
  action,
  headingId,
  id,
}: {
  /** The section's own id, for links to it (#pairings). */
  id?: string;
  title?: ReactNode;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
  action?: ReactNode;
  /** Lets a script move keyboard focus to the heading (it is then focusable, but not in the tab order). */
  headingId?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section id={id} className={clsx("rounded-[var(--radius-card)] border border-line bg-surface p-4 sm:p-5", className)}>
      {title ? (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <Heading id={headingId} tabIndex={headingId ? -1 : undefined} className="text-lg font-bold">
            {title}
          </Heading>
          {action}
        </div>
      ) : null}
      {children}
    </section>
  );
}

/** A figure; with `href`, its value links to the list behind it. */
export function Stat({ label, value, detail, href }: { label: string; value: ReactNode; detail?: ReactNode; href?: string }) {
  return (
    <div className="rounded-[var(--radius-card)] border border-line bg-surface p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-bold">
        {href ? (
          <Link href={href} className="text-accent underline underline-offset-4" aria-label={`${label}: ${String(value)}. Show the list`}>
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
      {detail ? <dd className="mt-1 text-sm text-muted">{detail}</dd> : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-[var(--radius-card)] border border-dashed border-line bg-surface p-5 text-center">
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-1 text-muted">{children}</div> : null}
    </div>
  );
}

export function Badge({ children, tone = "neutral" }: { children: ReactNode; tone?: "neutral" | "accent" | "good" | "calm" }) {
  const tones = {
    neutral: "bg-calm-soft text-calm",
    accent: "bg-accent-soft text-accent-strong",
    good: "bg-good-soft text-good",
    calm: "bg-calm-soft text-calm",
  };
  return <span className={clsx("inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold", tones[tone])}>{children}</span>;
}

export function PageHeader({ title, description, action }: { title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold sm:text-3xl">{title}</h1>
        {description ? <p className="mt-1 text-muted">{description}</p> : null}
      </div>
      {action}
    </header>
  );
}

export function Notice({
  tone = "good",
  children,
  role = "status",
}: {
  tone?: "good" | "danger" | "calm";
  children: ReactNode;
  role?: "status" | "alert";
}) {
  const tones = {
    good: "border-good bg-good-soft text-good",
    danger: "border-danger bg-danger-soft text-danger",
    calm: "border-line bg-calm-soft text-calm",
  };
  return (
    <div role={role} className={clsx("rounded-lg border-l-4 px-4 py-3 font-semibold", tones[tone])}>
      {children}
    </div>
  );
}
