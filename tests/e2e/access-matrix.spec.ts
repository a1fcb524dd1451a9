// Who may open which page. The table below is written by hand from the product rules, not derived
// from the app's code: a route the app adds without a row here fails the first test.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { accounts, expectNoAxeViolations, signInAs, type Who } from "./fixtures";

type Identity = "signedOut" | Who;
/** "signin": sent to /sign-in. 200: the page itself. 404: the not-found page. `{ to }`: sent there. */
type Outcome = "signin" | 200 | 404 | { to: string };

/** Real ids, read from the running app before the cells are checked. */
type IdName = "northfieldPairing" | "otherMentorsPairing" | "southbankPairing" | "northfieldPupil" | "missing";

type Row = { route: string; id?: IdName; note: string; expect: Record<Identity, Outcome> };

const identities: Identity[] = ["signedOut", "admin", "coordinator", "teacher", "dsl", "mentor", "mentee", "otherSchoolCoordinator"];

// prettier-ignore
const table: Row[] = [
  { route: "/", note: "each role lands on its home",
    expect: { signedOut: "signin", admin: { to: "/admin" }, coordinator: { to: "/coordinator" }, teacher: { to: "/staff" }, dsl: { to: "/staff" }, mentor: { to: "/mentor" }, mentee: { to: "/student" }, otherSchoolCoordinator: { to: "/coordinator" } } },
  { route: "/sign-in", note: "signed-in users are sent home",
    expect: { signedOut: 200, admin: { to: "/admin" }, coordinator: { to: "/coordinator" }, teacher: { to: "/staff" }, dsl: { to: "/staff" }, mentor: { to: "/mentor" }, mentee: { to: "/student" }, otherSchoolCoordinator: { to: "/coordinator" } } },
  { route: "/account/password", note: "anyone signed in",
    expect: { signedOut: "signin", admin: 200, coordinator: 200, teacher: 200, dsl: 200, mentor: 200, mentee: 200, otherSchoolCoordinator: 200 } },
  { route: "/admin", note: "admins only",
    expect: { signedOut: "signin", admin: 200, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator", note: "coordinators, each in their own school",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/coordinator/pairings/[pairingId]", id: "northfieldPairing", note: "a Northfield pairing: Northfield's coordinator only",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/pairings/[pairingId]", id: "southbankPairing", note: "a Southbank pairing: Southbank's coordinator only",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/coordinator/pairings/[pairingId]", id: "missing", note: "an id that does not exist",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/matching", note: "coordinators, each for their own school's programme",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/coordinator/pupils/[studentId]", id: "northfieldPupil", note: "a Northfield pupil's staff page: Northfield's coordinator only",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/pupils/[studentId]", id: "missing", note: "an id that does not exist",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/coordinator/matching/groups", note: "coordinators, each for their own school's programme",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/staff", note: "teachers, safeguarding leads and coordinators",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 200, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/staff/keep-apart", note: "coordinators and safeguarding leads (the reasons are staff-only)",
    expect: { signedOut: "signin", admin: 404, coordinator: 200, teacher: 404, dsl: 200, mentor: 404, mentee: 404, otherSchoolCoordinator: 200 } },
  { route: "/mentor", note: "mentors only",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 200, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/mentor/log/[pairingId]", id: "northfieldPairing", note: "Sam's own pairing: only Sam",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 200, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/mentor/log/[pairingId]", id: "otherMentorsPairing", note: "another mentor's pairing: nobody here",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 404, mentee: 404, otherSchoolCoordinator: 404 } },
  { route: "/student", note: "pupils (mentors are pupils too)",
    expect: { signedOut: "signin", admin: 404, coordinator: 404, teacher: 404, dsl: 404, mentor: 200, mentee: 200, otherSchoolCoordinator: 404 } },
];

/**
 * The app's page routes, from the file system: src/app/**\/page.tsx, without route groups "(x)" and
 * parallel-route slots "@x", and skipping private folders "_x", which are not routes.
 */
function discoverRoutes(): string[] {
  const appDir = path.resolve(__dirname, "..", "..", "src", "app");
  const files = fs.readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((f) => /(^|[\\/])page\.(tsx|ts|jsx|js|mdx)$/.test(f));
  const routes = files
    .map((file) =>
      path
        .dirname(file)
        .split(/[\\/]/)
        .filter((s) => s !== "." && s !== ""),
    )
    .filter((segments) => !segments.some((s) => s.startsWith("_")))
    .map((segments) => `/${segments.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@")).join("/")}`);
  return [...new Set(routes)].sort();
}

const ids: Partial<Record<IdName, string>> = { missing: "does-not-exist-0000" };
const storageStates: Partial<Record<Who, Awaited<ReturnType<BrowserContext["storageState"]>>>> = {};

function urlFor(row: Row): string {
  if (!row.id) return row.route;
  const id = ids[row.id];
  if (!id) throw new Error(`No id was found for ${row.id}`);
  return row.route.replace(/\[[^\]]+\]/, id);
}

async function pairingLinkIds(page: Page): Promise<{ id: string; mentors: string; rowText: string }[]> {
  const table = page.getByRole("table", { name: "Pairings and groups" });
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      const link = row.querySelector<HTMLAnchorElement>('a[href^="/coordinator/pairings/"]');
      return {
        id: link?.getAttribute("href")?.split("/").pop() ?? "",
        mentors: (link?.textContent ?? "").trim(),
        rowText: (row.textContent ?? "").replace(/\s+/g, " "),
      };
    }),
  );
}

/** Signs each role in once, keeps its cookies, and reads the real ids the table needs. */
async function signInEveryRole(browser: Browser) {
  for (const who of Object.keys(accounts) as Who[]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, who, { axe: false });
    storageStates[who] = await context.storageState();
    if (who === "coordinator") {
      const rows = await pairingLinkIds(page);
      const sams = rows.filter((r) => r.mentors === "Sam O." && r.rowText.includes("Maya P."));
      expect(sams, "the demo pair Sam O. with Maya P. is in Northfield's pairings table").toHaveLength(1);
      ids.northfieldPairing = sams[0]!.id;
      const other = rows.find((r) => !r.mentors.includes("Sam O.") && /Active/.test(r.rowText));
      expect(other, "another mentor's live pairing is in Northfield's pairings table").toBeTruthy();
      ids.otherMentorsPairing = other!.id;
      const pupilHref = await page.locator('a[href^="/coordinator/pupils/"]').first().getAttribute("href");
      expect(pupilHref, "the coordinator's lists link to a pupil's page").toBeTruthy();
      ids.northfieldPupil = pupilHref!.split("/").pop()!;
    }
    if (who === "otherSchoolCoordinator") {
      const rows = await pairingLinkIds(page);
      expect(rows.length, "Southbank has a pairing").toBeGreaterThan(0);
      ids.southbankPairing = rows[0]!.id;
    }
    if (who === "mentor") {
      const href = await page.getByRole("link", { name: "Log today's session" }).getAttribute("href");
      expect(href, "the mentor's log link points at the pairing the coordinator sees").toBe(`/mentor/log/${ids.northfieldPairing}`);
    }
    await context.close();
  }
}

test("every page route has a row in the access table, and every row a route", () => {
  const discovered = discoverRoutes();
  const inTable = [...new Set(table.map((r) => r.route))].sort();
  expect(discovered.length, "routes were found under src/app").toBeGreaterThan(0);
  const missingRows = discovered.filter((r) => !inTable.includes(r));
  const staleRows = inTable.filter((r) => !discovered.includes(r));
  expect(missingRows, `page routes with no row in the access table: ${missingRows.join(", ")}`).toEqual([]);
  expect(staleRows, `rows in the access table for routes that no longer exist: ${staleRows.join(", ")}`).toEqual([]);
});

function describeOutcome(outcome: Outcome) {
  return typeof outcome === "object" ? `redirected to ${outcome.to}` : outcome === "signin" ? "redirected to /sign-in" : String(outcome);
}

type Seen = { status: number | undefined; path: string; isNotFoundPage: boolean };

function describeSeen(seen: Seen) {
  return `HTTP ${seen.status ?? "?"} at ${seen.path}${seen.isNotFoundPage ? ", showing the not-found page" : ""}`;
}

function matches(expected: Outcome, seen: Seen, url: string): boolean {
  if (expected === "signin") return seen.path === "/sign-in" && (seen.status ?? 500) < 400 && !seen.isNotFoundPage;
  if (typeof expected === "object") return seen.path === expected.to && (seen.status ?? 500) < 400 && !seen.isNotFoundPage;
  if (expected === 200) return seen.status === 200 && seen.path === url && !seen.isNotFoundPage;
  return seen.status === 404 && seen.path === url && seen.isNotFoundPage;
}

// One test, so a failing cell does not restart the worker and sign everyone in again. Every cell
// is checked; the wrong ones are listed together at the end.
test("every role gets the expected answer from every page", async ({ browser }) => {
  test.setTimeout(240_000);
  await signInEveryRole(browser);
  const wrong: string[] = [];
  for (const identity of identities) {
    const context = await browser.newContext(identity === "signedOut" ? {} : { storageState: storageStates[identity] });
    const page = await context.newPage();
    for (const row of table) {
      const url = urlFor(row);
      const expected = row.expect[identity];
      const cell = `${identity} → ${row.route}${row.id ? ` (${row.id})` : ""}`;
      await test.step(`${cell} should be ${describeOutcome(expected)}`, async () => {
        const response = await page.goto(url);
        if (typeof expected === "object" || expected === "signin") {
          const target = expected === "signin" ? "/sign-in" : expected.to;
          await page.waitForURL((u) => u.pathname === target, { timeout: 5_000 }).catch(() => {});
        }
        // Every page has an h1; wait for it, so the page has finished streaming in.
        await expect(page.locator("h1").first(), `${cell}: the page has a heading`).toBeVisible();
        const seen: Seen = {
          status: response?.status(),
          path: new URL(page.url()).pathname,
          isNotFoundPage: (await page.getByRole("heading", { level: 1, name: "We could not find that page" }).count()) > 0,
        };
        if (!matches(expected, seen, url))
          wrong.push(`${cell} (${url}; ${row.note}): expected ${describeOutcome(expected)}, got ${describeSeen(seen)}`);
        await expectNoAxeViolations(page, `${url} as ${identity}`);
      });
    }
    await context.close();
  }
  expect(
    wrong,
    `${wrong.length} of ${identities.length * table.length} cells differ from the access table:\n  ${wrong.join("\n  ")}\n`,
  ).toEqual([]);
});
