// What each security event means, in words an admin reads (issue 11): the log stores a kind and a few
// facts (ADR 005); the page and its CSV say what happened.

type Detail = Record<string, unknown>;

const asText = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : null);

/** "awardPoints" → "award points"; a page's record type "MentoringSession" → "mentoring session". */
function words(name: string): string {
  return name
    .replace(/Action$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

const SSO_REFUSAL_WORDS: Record<string, string> = {
  unverified: "the email address was not verified",
  "wrong-organisation": "the account is not from this school's organisation",
  unknown: "no PeerPath account has that email address",
  "no-email": "no email address came with it",
  "other-school": "the account also opens a school that does not trust that organisation",
};

function providerWords(provider: unknown): string {
  if (provider === "GOOGLE") return "Google";
  if (provider === "MICROSOFT") return "Microsoft";
  return "single sign-on";
}

export function describeSecurityEvent(event: { kind: string; detail: unknown }): string {
  const detail: Detail = event.detail && typeof event.detail === "object" && !Array.isArray(event.detail) ? (event.detail as Detail) : {};
  const command = asText(detail.command);
  const what = asText(detail.what);
  switch (event.kind) {
    case "auth.sign_in_failed":
      return "A sign-in failed: wrong email or password.";
    case "auth.sign_in_locked":
      return "Sign-in was paused for a while after too many failed attempts.";
    case "auth.signed_out_everywhere":
      return "Signed out on every device.";
    case "access.role_refused":
      return command ? `Refused: tried to ${words(command)} without permission.` : "Refused: opened a page their role does not allow.";
    case "access.not_found":
      if (command) return `Refused: tried to ${words(command)} on a record that is not theirs or does not exist.`;
      return what
        ? `Refused: asked for a ${words(what)} that is not theirs or does not exist.`
        : "Refused: asked for a record that is not theirs.";
    // Staff accounts (issue 11).
    case "staff.added":
      return asText(detail.name) ? `Added ${asText(detail.name)} to the staff.` : "Added a member of staff.";
    case "staff.roles_changed":
      return asText(detail.name) ? `Changed the roles of ${asText(detail.name)}.` : "Changed a member of staff's roles.";
    case "account.disabled":
      return asText(detail.name) ? `Disabled the account of ${asText(detail.name)} at this school.` : "Disabled an account at this school.";
    case "account.enabled":
      return asText(detail.name) ? `Enabled the account of ${asText(detail.name)} at this school.` : "Enabled an account at this school.";
    case "account.link_made":
      return asText(detail.name) ? `Made a set-password link for ${asText(detail.name)}.` : "Made a set-password link.";
    case "account.password_set":
      return detail.how === "CODE" ? "Chose a password with a set-up code." : "Set their password with a set-password link.";
    // Issue 11, pupil accounts.
    case "pupil.codes_made": {
      const count = typeof detail.count === "number" ? detail.count : null;
      if (detail.reset === true) return "Reset a pupil's password: their old password stopped working and a new set-up code was made.";
      return count === null ? "Made set-up codes for pupils." : `Made set-up codes for ${count} ${count === 1 ? "pupil" : "pupils"}.`;
    }
    case "account.set_up_failed":
      return "Setting up an account with a code failed: wrong email, or a code that was wrong, used or out of date.";
    // Issue 12: single sign-on and two-factor.
    case "auth.sso_signed_in":
      return `Signed in with ${providerWords(detail.provider)}.`;
    case "auth.sso_refused":
      return `A sign-in with ${providerWords(detail.provider)} was refused: ${SSO_REFUSAL_WORDS[asText(detail.reason) ?? ""] ?? "not allowed"}.`;
    case "auth.two_factor_set_up":
      return "Set up two-factor sign-in with an authenticator app.";
    case "auth.two_factor_failed":
      return "A two-factor code was wrong, used already or out of date.";
    case "auth.recovery_code_used": {
      const left = typeof detail.left === "number" ? detail.left : null;
      return left === null ? "Signed in with a recovery code." : `Signed in with a recovery code (${left} left).`;
    }
    case "account.two_factor_reset":
      return asText(detail.name) ? `Reset two-factor sign-in for ${asText(detail.name)}.` : "Reset a colleague's two-factor sign-in.";
    case "school.sign_in_settings_changed":
      return "Changed the school's sign-in settings.";
    default:
      return `Recorded: ${event.kind}.`;
  }
}
