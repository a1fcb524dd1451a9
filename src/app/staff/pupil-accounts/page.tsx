import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { SearchForm } from "@/components/ui/search-form";
import { requireActor } from "@/server/session";
import { PupilAccountRows } from "@/features/pupil-accounts/components/pupil-account-rows";
import { codeSheetHref, tutorGroupHref } from "@/features/pupil-accounts/links";
import { listPupilsForAccounts } from "@/features/pupil-accounts/queries";

export const metadata: Metadata = { title: "Pupil accounts" };

const PUPILS_HEADING = "pupil-accounts-pupils";
const link = "inline-flex min-h-11 items-center font-semibold text-accent underline";

export default async function PupilAccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("ADMIN", "COORDINATOR");
  const params = await searchParams;
  const page = await listPupilsForAccounts(actor, { tutorGroup: params.tutorGroup, q: params.q });
  const selection = page.selection;
  return (
    <AppShell actor={actor} current="/staff/pupil-accounts">
      <PageHeader
        title="Pupil accounts"
        description="Pupils sign in with their school email from the MIS. Make their accounts here, print set-up codes for form tutors to hand out, and reset a forgotten password."
      />
      <div className="space-y-6">
        <Card title="Tutor groups">
          {page.tutorGroups.length === 0 ? (
            <EmptyState title="No pupils on roll yet">Import pupils from the MIS first; their tutor groups appear here.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">Tutor groups and their pupils&apos; accounts</caption>
                <thead>
                  <tr className="border-b border-line text-sm text-muted">
                    <th scope="col" className="py-2 pr-2">
                      Tutor group
                    </th>
                    <th scope="col" className="py-2 pr-2">
                      Pupils
                    </th>
                    <th scope="col" className="py-2 pr-2">
                      No account
                    </th>
                    <th scope="col" className="py-2 pr-2">
                      Codes waiting
                    </th>
                    <th scope="col" className="py-2 pr-2">
                      Passwords set
                    </th>
                    <th scope="col" className="py-2">
                      Codes sheet
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.tutorGroups.map((g) => (
                    <tr key={g.name} className="border-b border-line/60">
                      <td className="py-1 pr-2">
                        <Link
                          href={tutorGroupHref(g.name)}
                          className={link}
                          aria-current={selection?.tutorGroup === g.name ? "page" : undefined}
                        >
                          {g.name}
                        </Link>
                      </td>
                      <td className="py-1 pr-2">{g.pupils}</td>
                      <td className="py-1 pr-2">
                        {g.NO_ACCOUNT + g.NO_EMAIL}
                        {g.NO_EMAIL > 0 ? <span className="block text-sm text-muted">{g.NO_EMAIL} without a school email</span> : null}
                      </td>
                      <td className="py-1 pr-2">{g.CODE_WAITING}</td>
                      <td className="py-1 pr-2">{g.PASSWORD_SET}</td>
                      <td className="py-1">
                        {g.CODE_WAITING > 0 ? (
                          <a href={codeSheetHref(g.name)} className={link} download>
                            Print codes for {g.name} (PDF)
                          </a>
                        ) : (
                          <span className="text-muted">No codes waiting</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <SearchForm id="pupil-search" label="Find a pupil by name or school email" defaultValue={selection?.q ?? ""} />
        {selection ? (
          <Card
            title={selection.tutorGroup ? `Tutor group ${selection.tutorGroup}` : `Pupils matching “${selection.q}”`}
            headingId={PUPILS_HEADING}
          >
            {selection.pupils.length === 0 ? (
              <EmptyState title="No pupils on roll match">Check the spelling, or search by school email.</EmptyState>
            ) : (
              <>
                {selection.isCut ? <p className="mb-2 text-muted">Showing the first {selection.pupils.length}: search for fewer.</p> : null}
                <PupilAccountRows rows={selection.pupils} focusId={PUPILS_HEADING} tutorGroup={selection.tutorGroup} />
              </>
            )}
          </Card>
        ) : (
          <p className="text-muted">Choose a tutor group, or find a pupil, to make accounts and codes.</p>
        )}
      </div>
    </AppShell>
  );
}
