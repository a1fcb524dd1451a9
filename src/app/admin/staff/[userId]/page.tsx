import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { formatStaffDateTime } from "@/lib/dates";
import { getStaffMemberForAdmin } from "@/features/staff/queries";
import { ACCOUNT_HEADING, TWO_FACTOR_HEADING } from "@/features/staff/labels";
import { AccountStatusForm, ResetTwoFactorForm, SendLinkForm, StaffDetailsForm } from "@/features/staff/components/staff-forms";

export const metadata: Metadata = { title: "Member of staff" };

export default async function StaffMemberPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requireActor("ADMIN");
  const member = await getStaffMemberForAdmin(actor, (await params).userId);
  return (
    <AppShell actor={actor} current="/admin/staff">
      <p className="mb-2">
        <Link href="/admin/staff" className="font-semibold text-accent underline underline-offset-4">
          All staff
        </Link>
      </p>
      <PageHeader
        title={member.name}
        description={member.email}
        action={member.isDisabled ? <Badge>Disabled</Badge> : <Badge tone="good">Can sign in</Badge>}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Details and roles">
          <StaffDetailsForm member={member} />
        </Card>
        <div className="space-y-6">
          <Card title="Account" headingId={ACCOUNT_HEADING}>
            <AccountStatusForm member={member} />
          </Card>
          {member.isDisabled ? null : (
            <Card title="Password">
              <div className="space-y-3">
                <p className="text-sm text-muted">
                  {member.passwordSetAt
                    ? `They last set their password on ${formatStaffDateTime(member.passwordSetAt, actor.timezone)}.`
                    : "They have not set a password yet."}
                  {member.liveLinkExpiresAt
                    ? ` A link sent to them works until ${formatStaffDateTime(member.liveLinkExpiresAt, actor.timezone)}.`
                    : ""}
                </p>
                <SendLinkForm member={member} idempotencyKey={newIdempotencyKey()} />
              </div>
            </Card>
          )}
          <Card title="Two-factor sign-in" headingId={TWO_FACTOR_HEADING}>
            <div className="space-y-3">
              <p className="text-sm text-muted">
                {member.twoFactorSetUpAt
                  ? `They set up two-factor on ${formatStaffDateTime(member.twoFactorSetUpAt, actor.timezone)}.`
                  : "They have not set up two-factor."}
              </p>
              {member.twoFactorSetUpAt ? <ResetTwoFactorForm member={member} /> : null}
            </div>
          </Card>
        </div>
      </div>
    </AppShell>
  );
}
