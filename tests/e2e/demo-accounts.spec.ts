// README promises demo accounts: each signs in with the demo password and lands on its home page.
// Read-only: it signs in and looks, and changes none of the demo data.
import { expect, signInAs, test } from "./fixtures";

/** The demo seed's password (src/features/demo/seed-demo.ts), as README gives it. */
const DEMO_PASSWORD = "peerpath-demo";

/** A few of README's table, with the page each lands on and that page's heading. */
const demoAccounts = [
  { email: "admin@northfield.example", home: "/admin", heading: "Northfield Academy" },
  { email: "coordinator@northfield.example", home: "/coordinator", heading: "Year 9–10 peer mentoring" },
  { email: "dsl@northfield.example", home: "/safeguarding", heading: "Concerns" },
  { email: "head@northfield.example", home: "/safeguarding", heading: "Concerns" },
  { email: "mentor@northfield.example", home: "/mentor", heading: "Hello, Sam" },
  { email: "mentee@northfield.example", home: "/student", heading: "Hello, Maya" },
  { email: "coordinator@southbank.example", home: "/coordinator", heading: "Transition buddies" },
];

for (const { email, home, heading } of demoAccounts) {
  test(`the demo account ${email} signs in and lands on ${home}`, async ({ page }) => {
    await signInAs(page, { email, password: DEMO_PASSWORD, home });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  });
}
