import { z } from "zod";
import { checkbox, optionalText, recordId } from "@/lib/schema-helpers";
import { normaliseBinding, normaliseDomain, normaliseTenantId, type SsoProviderKind } from "@/lib/sso";

export const safeguardingSettingsSchema = z.object({
  dangerInstruction: optionalText(600),
  concernEscalateMinutes: z.coerce
    .number({ error: "Enter a number of minutes, like 30." })
    .refine(Number.isFinite, { error: "Enter a number of minutes, like 30.", abort: true })
    .int({ error: "Use a whole number of minutes.", abort: true })
    .min(5, { error: "Use at least 5 minutes.", abort: true })
    .max(240, { error: "Use at most 240 minutes (4 hours)." }),
});

/** The safeguarding flags of one member of staff: lead (DSL or deputy), headteacher, chair of governors. */
export const safeguardingRolesSchema = z.object({
  userId: recordId,
  dsl: checkbox,
  head: checkbox,
  chair: checkbox,
});

/**
 * One list of an admin's sign-in settings (issue 12): domains or tenant IDs, one per line (commas and
 * spaces forgiven), each normalised by lib/sso.ts; the first that cannot be one is named.
 */
const bindingList = (provider: SsoProviderKind, example: string) =>
  z
    .string({ error: "Type one entry per line." })
    .max(4000, { error: "That list is too long: use at most 20 entries." })
    .optional()
    .default("")
    .transform((raw, ctx) => {
      const entries = raw.split(/[\s,;]+/).filter(Boolean);
      const values: string[] = [];
      for (const entry of entries) {
        const value = normaliseBinding(provider, entry);
        if (!value) {
          const wellFormed = provider === "MICROSOFT" ? normaliseTenantId(entry) : normaliseDomain(entry);
          const message = wellFormed
            ? `“${entry.slice(0, 60)}” is open to anyone, so it cannot be your school's. Use your school's own.`
            : `“${entry.slice(0, 60)}” is not ${example}. Check it and try again.`;
          ctx.addIssue({ code: "custom", message });
          return z.NEVER;
        }
        if (!values.includes(value)) values.push(value);
      }
      if (values.length > 20) {
        ctx.addIssue({ code: "custom", message: "Use at most 20 entries." });
        return z.NEVER;
      }
      return values;
    });

export const signInSettingsSchema = z.object({
  requireTwoFactor: checkbox,
  googleDomains: bindingList("GOOGLE", "a domain like greenfield.sch.uk"),
  microsoftTenants: bindingList("MICROSOFT", "a tenant ID like 72f988bf-86f1-41af-91ab-2d7cd011db47"),
  oidcDomains: bindingList("OIDC", "a domain like greenfield.sch.uk"),
});
