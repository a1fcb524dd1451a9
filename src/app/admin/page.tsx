import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { SearchForm } from "@/components/ui/search-form";
import { requireActor } from "@/server/session";
import { pageNumber, searchTerm } from "@/lib/schema-helpers";
import { listStaffForAdmin } from "@/features/admin/queries";
import { StaffList } from "@/features/staff/components/staff-list";
import { listStudentsForAdmin } from "@/features/students/queries";
import { pupilFullName } from "@/lib/ranking";

export const metadata: Metadata = { title: "School" };

const statusLabels: Record<string, string> = { ON_ROLL: "On roll", LEFT: "Left", ALUMNI: "Alumni" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("ADMIN");
  const params = await searchParams;
  // Anyone can type a URL: a strange page number or search never reaches the database as it is.
  const page = pageNumber(params.page);
  const q = searchTerm(params.q);
  const [staff, students] = await Promise.all([listStaffForAdmin(actor), listStudentsForAdmin(actor, { q, page })]);
  const pageLink = (n: number) => `/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <AppShell actor={actor} current="/admin">
      <PageHeader
        title={actor.schoolName}
        description="Staff accounts and pupils."
        action={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/admin/pupils/import">Import pupils</ButtonLink>
            <ButtonLink href="/admin/new-year" variant="secondary">
              Start a new school year
            </ButtonLink>
          </div>
        }
      />
      <div className="space-y-6">
        <Card
          title={`Staff (${staff.length})`}
          action={
            <Link href="/admin/staff" className="min-h-11 py-2 font-semibold text-accent underline">
              Add or change staff
            </Link>
          }
        >
          <StaffList staff={staff} />
        </Card>
        <Card title={`Pupils (${students.total})`} action={<SearchForm id="pupil-search" label="Search pupils" defaultValue={q} />}>
          {students.rows.length === 0 ? (
            <EmptyState title="No pupils found">
              {q ? "Try a different name or tutor group." : "Pupils appear here once they are imported."}
            </EmptyState>
          ) : (
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">
                Pupils, page {students.page} of {students.pageCount}
              </caption>
              <thead className="hidden md:table-header-group">
                <tr className="border-b border-line text-sm text-muted">
                  <th scope="col" className="py-2 pr-3">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Year
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Tutor group
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    UPN
                  </th>
                  <th scope="col" className="py-2">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody>
                {students.rows.map((s) => (
                  <tr key={s.id} className="block border-b border-line py-2 md:table-row">
                    <td className="block py-1 pr-3 font-semibold md:table-cell">
                      {pupilFullName(s)}
                      {s.hasSend ? (
                        <span className="ml-2">
                          <Badge>SEND</Badge>
                        </span>
                      ) : null}
                    </td>
                    <td className="block py-1 pr-3 md:table-cell">Year {s.yearGroup}</td>
                    <td className="block py-1 pr-3 md:table-cell">{s.tutorGroup}</td>
                    <td className="block py-1 pr-3 md:table-cell">{s.upn}</td>
                    <td className="block py-1 md:table-cell">
                      {statusLabels[s.status]}
                      {s.hasAccount ? " · has account" : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {students.pageCount > 1 ? (
            <nav aria-label="Pupil pages" className="mt-3 flex items-center gap-3">
              {students.page > 1 ? (
                <Link href={pageLink(students.page - 1)} className="min-h-11 py-2 font-semibold text-accent underline">
                  Previous
                </Link>
              ) : null}
              <span>
                Page {students.page} of {students.pageCount}
              </span>
              {students.page < students.pageCount ? (
                <Link href={pageLink(students.page + 1)} className="min-h-11 py-2 font-semibold text-accent underline">
                  Next
                </Link>
              ) : null}
            </nav>
          ) : null}
        </Card>
      </div>
    </AppShell>
  );
}
