import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { getSafeguardingSettingsForAdmin } from "@/features/admin/queries";
import { SafeguardingRolesForm, SafeguardingSettingsForm } from "@/features/admin/components/safeguarding-forms";

export const metadata: Metadata = { title: "Safeguarding settings" };

export default async function SafeguardingSettingsPage() {
  const actor = await requireActor("ADMIN");
  const settings = await getSafeguardingSettingsForAdmin(actor);
  return (
    <AppShell actor={actor} current="/admin/safeguarding">
      <PageHeader
        title="Safeguarding settings"
        description="Concerns go to the safeguarding leads; concerns about staff go to the headteacher, and about the headteacher to the chair of governors."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="When someone is in danger">
          <SafeguardingSettingsForm
            dangerInstruction={settings.dangerInstruction}
            concernEscalateMinutes={settings.concernEscalateMinutes}
          />
        </Card>
        <Card title="Who receives concerns">
          <ul className="divide-y divide-line">
            {settings.staff
              .filter((s) => !s.isDisabled)
              .map((s) => (
                <li key={s.id} className="py-3">
                  <SafeguardingRolesForm
                    userId={s.id}
                    name={s.name}
                    dsl={s.roles.includes("DSL")}
                    head={s.roles.includes("HEAD")}
                    chair={s.roles.includes("CHAIR_OF_GOVERNORS")}
                  />
                </li>
              ))}
          </ul>
        </Card>
      </div>
    </AppShell>
  );
}
