// Who owes a second factor at a password sign-in (issue 12, ADR 026): staff who can see SEND
// details, concerns or run the school's PeerPath, at a school that has switched two-factor on. SSO
// sign-ins rely on the identity provider's own second factor; pupils and alumni never need one.
export const TWO_FACTOR_ROLES = ["ADMIN", "COORDINATOR", "DSL", "HEAD"] as const;

export type TwoFactorMembership = { roles: readonly string[]; school: { requireTwoFactor: boolean } };

/** True when any of these live memberships is at a school that requires it, in a role that needs it. */
export function needsTwoFactor(memberships: readonly TwoFactorMembership[]): boolean {
  return memberships.some(
    (m) => m.school.requireTwoFactor && m.roles.some((role) => (TWO_FACTOR_ROLES as readonly string[]).includes(role)),
  );
}

/** An authenticator app's code: six digits (spaces forgiven, as apps show "123 456"). */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/\s/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}
