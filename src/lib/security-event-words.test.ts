import { describe, expect, it } from "vitest";
import { describeSecurityEvent } from "./security-event-words";

describe("describeSecurityEvent", () => {
  it.each([
    [{ kind: "auth.sign_in_failed", detail: { delayMs: 500 } }, "A sign-in failed: wrong email or password."],
    [{ kind: "auth.sign_in_locked", detail: { until: "x" } }, "Sign-in was paused for a while after too many failed attempts."],
    [{ kind: "auth.signed_out_everywhere", detail: {} }, "Signed out on every device."],
    [
      { kind: "access.role_refused", detail: { command: "awardPoints", needs: ["TEACHER"] } },
      "Refused: tried to award points without permission.",
    ],
    [{ kind: "access.role_refused", detail: { needs: ["ADMIN"] } }, "Refused: opened a page their role does not allow."],
    [
      { kind: "access.not_found", detail: { command: "reversePoints", what: "point entry" } },
      "Refused: tried to reverse points on a record that is not theirs or does not exist.",
    ],
    [
      { kind: "access.not_found", detail: { what: "MentoringSession", id: "x" } },
      "Refused: asked for a mentoring session that is not theirs or does not exist.",
    ],
    [{ kind: "access.not_found", detail: null }, "Refused: asked for a record that is not theirs."],
    [{ kind: "something.new", detail: [] }, "Recorded: something.new."],
    // Staff accounts (issue 11).
    [{ kind: "staff.added", detail: { name: "Nia Jones", roles: ["TEACHER"] } }, "Added Nia Jones to the staff."],
    [{ kind: "staff.roles_changed", detail: { name: "Nia Jones" } }, "Changed the roles of Nia Jones."],
    [{ kind: "account.disabled", detail: { name: "Nia Jones" } }, "Disabled the account of Nia Jones at this school."],
    [{ kind: "account.enabled", detail: {} }, "Enabled an account at this school."],
    [{ kind: "account.link_made", detail: { name: "Nia Jones" } }, "Made a set-password link for Nia Jones."],
    [{ kind: "account.password_set", detail: { how: "link" } }, "Set their password with a set-password link."],
    // Issue 11, pupil accounts.
    [{ kind: "pupil.codes_made", detail: { count: 3 } }, "Made set-up codes for 3 pupils."],
    [{ kind: "pupil.codes_made", detail: { count: 1 } }, "Made set-up codes for 1 pupil."],
    [
      { kind: "pupil.codes_made", detail: { count: 1, reset: true } },
      "Reset a pupil's password: their old password stopped working and a new set-up code was made.",
    ],
    [
      { kind: "account.set_up_failed", detail: { delayMs: 0 } },
      "Setting up an account with a code failed: wrong email, or a code that was wrong, used or out of date.",
    ],
    [{ kind: "account.password_set", detail: { how: "CODE" } }, "Chose a password with a set-up code."],
    // Issue 12.
    [{ kind: "auth.sso_signed_in", detail: { provider: "GOOGLE" } }, "Signed in with Google."],
    [
      { kind: "auth.sso_refused", detail: { provider: "MICROSOFT", reason: "wrong-organisation" } },
      "A sign-in with Microsoft was refused: the account is not from this school's organisation.",
    ],
    [{ kind: "auth.recovery_code_used", detail: { left: 9 } }, "Signed in with a recovery code (9 left)."],
    [{ kind: "account.two_factor_reset", detail: { name: "Nia Jones" } }, "Reset two-factor sign-in for Nia Jones."],
  ])("%j", (event, expected) => {
    expect(describeSecurityEvent(event)).toBe(expected);
  });
});
