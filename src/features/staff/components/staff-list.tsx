import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { ROLE_LABELS } from "../labels";

/** The school's staff as the admin sees them: a link to each one's page, their email, roles and state. */
export function StaffList({ staff }: { staff: { id: string; name: string; email: string; roles: string[]; isDisabled: boolean }[] }) {
  return (
    <ul className="divide-y divide-line">
      {staff.map((s) => (
        <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <span>
            <Link href={`/admin/staff/${s.id}`} className="font-semibold text-accent underline underline-offset-4">
              {s.name}
            </Link>{" "}
            <span className="block text-sm text-muted sm:inline">{s.email}</span>
          </span>
          <span className="flex flex-wrap gap-1">
            {s.roles.map((r) => (
              <Badge key={r} tone="accent">
                {ROLE_LABELS[r]}
              </Badge>
            ))}
            {s.isDisabled ? <Badge>Disabled</Badge> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
