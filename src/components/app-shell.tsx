import Link from "next/link";
import type { ReactNode } from "react";
import { Bell, LifeBuoy } from "lucide-react";
import { hasRole, isSchoolStaff, type Actor } from "@/server/actor";
import { countMyUnreadNotifications } from "@/features/notifications/queries";
import { SchoolSwitcher, SignOutButton, SignOutEverywhereButton } from "@/features/auth/components/account-menu";
import { ToastProvider } from "@/components/ui/toast";

function navFor(actor: Actor) {
  const links: { href: string; label: string }[] = [];
  if (hasRole(actor, "DSL", "HEAD", "CHAIR_OF_GOVERNORS")) links.push({ href: "/safeguarding", label: "Concerns" });
  if (hasRole(actor, "COORDINATOR"))
    links.push(
      { href: "/coordinator", label: "Programme" },
      { href: "/coordinator/matching", label: "Suggest matches" },
      { href: "/coordinator/programmes", label: "Programmes" },
      { href: "/coordinator/points", label: "Points settings" },
      { href: "/coordinator/noticeboards", label: "Noticeboards" },
    );
  if (hasRole(actor, "ADMIN"))
    links.push(
      { href: "/admin", label: "School" },
      { href: "/admin/staff", label: "Staff" },
      { href: "/admin/calendar", label: "Calendar" },
      { href: "/admin/school-day", label: "School day" },
      { href: "/admin/safeguarding", label: "Safeguarding settings" },
      { href: "/admin/sign-in", label: "Sign-in settings" },
      { href: "/admin/security", label: "Security events" },
      // The activity list is the school's: admins keep it too (coordinators reach it from Programmes).
      { href: "/coordinator/activities", label: "Activities" },
    );
  // Issue 11: pupils' accounts and set-up codes (admins and coordinators, not teachers).
  if (hasRole(actor, "ADMIN", "COORDINATOR")) links.push({ href: "/staff/pupil-accounts", label: "Pupil accounts" });
  if (hasRole(actor, "TEACHER", "DSL", "COORDINATOR")) links.push({ href: "/staff", label: "Points" });
  if (hasRole(actor, "TEACHER", "DSL")) links.push({ href: "/staff/supervising", label: "Pairings I supervise" });
  if (hasRole(actor, "COORDINATOR", "DSL")) links.push({ href: "/staff/keep-apart", label: "Keep apart" });
  if (hasRole(actor, "ADMIN", "COORDINATOR", "DSL")) links.push({ href: "/staff/alumni", label: "Alumni mentors" });
  if (hasRole(actor, "MENTOR", "ALUMNI_MENTOR")) links.push({ href: "/mentor", label: "Mentoring" });
  // An alumni mentor is not a pupil: no pupil page, no boards (ADR 025).
  if (hasRole(actor, "PUPIL")) links.push({ href: "/student", label: "My page" }, { href: "/student/boards", label: "Boards" });
  return links;
}

/** The same frame on every signed-in page: who and where you are, your links, sign out. */
export async function AppShell({ actor, children, current }: { actor: Actor; children: ReactNode; current: string }) {
  const links = navFor(actor);
  const unread = await countMyUnreadNotifications(actor);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to main content
      </a>
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <div>
            <p className="text-lg font-bold text-accent-strong">PeerPath</p>
            <p className="text-sm text-muted">{actor.schoolName}</p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <SchoolSwitcher schools={actor.schools} currentId={actor.schoolId} />
            <Link
              href="/concerns/new"
              aria-current={current === "/concerns/new" ? "page" : undefined}
              className="inline-flex min-h-11 items-center gap-2 rounded-lg border-2 border-accent px-3 font-semibold text-accent-strong underline-offset-4 hover:underline"
            >
              <LifeBuoy aria-hidden="true" className="size-5" />
              {isSchoolStaff(actor) ? "Raise a concern" : "Tell someone"}
            </Link>
            <NotificationsLink unread={unread} isCurrent={current === "/notifications"} />
            <Link
              href="/account/password"
              className="inline-flex min-h-11 items-center rounded-lg px-3 font-semibold text-accent underline-offset-4 hover:underline"
            >
              Change password
            </Link>
            <SignOutButton />
            <SignOutEverywhereButton />
          </div>
        </div>
        {links.length > 1 ? (
          <nav aria-label="Main" className="mx-auto max-w-6xl px-4">
            <ul className="flex flex-wrap gap-1">
              {links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={current === link.href ? "page" : undefined}
                    className="inline-flex min-h-11 items-center border-b-4 border-transparent px-3 font-semibold text-accent aria-[current=page]:border-accent aria-[current=page]:text-ink"
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <ToastProvider>{children}</ToastProvider>
      </main>
    </div>
  );
}

/**
 * "Notifications" and how many are unread: seen as a count, read out as "Notifications, 3 unread"
 * (the name starts with the visible word, so "click Notifications" works by voice too).
 */
function NotificationsLink({ unread, isCurrent }: { unread: number; isCurrent: boolean }) {
  return (
    <Link
      href="/notifications"
      aria-current={isCurrent ? "page" : undefined}
      aria-label={unread > 0 ? `Notifications, ${unread} unread` : undefined}
      className="inline-flex min-h-11 items-center gap-2 rounded-lg px-3 font-semibold text-accent underline-offset-4 hover:underline aria-[current=page]:text-ink"
    >
      <Bell aria-hidden="true" className="size-5" />
      Notifications
      {unread > 0 ? <span className="rounded-full bg-accent px-2 py-0.5 text-sm text-white">{unread}</span> : null}
    </Link>
  );
}
