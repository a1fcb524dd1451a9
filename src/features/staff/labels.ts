// Words and ids shared by the staff pages (server) and their forms (client).

export const ROLE_LABELS: Record<string, string> = {
  ADMIN: "Admin",
  COORDINATOR: "Coordinator",
  TEACHER: "Teacher",
  DSL: "Safeguarding lead or deputy",
  HEAD: "Headteacher",
  CHAIR_OF_GOVERNORS: "Chair of governors",
};

/** Keyboard focus goes to the account card's heading when the account is disabled or enabled. */
export const ACCOUNT_HEADING = "staff-account-heading";

/** Keyboard focus goes to the two-factor card's heading after a reset (issue 12). */
export const TWO_FACTOR_HEADING = "staff-two-factor-heading";
