// What broke at the edges when PeerPath was tried for real: one more tap after "Session saved", a
// suggestion's confirmation vanishing with its row, dates no school would use, URLs and requests
// nobody meant to send, and a way to change one's password from any page.
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

test("one more tap on Save after “Session saved” logs nothing, says so, and links to the session", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Edges", history: false });
  await signInAs(page, s.accounts.mentor);
  await page.getByRole("link", { name: "Log this week's session" }).click();
  const form = page.getByRole("form", { name: "Log a session" });
  const save = form.getByRole("button", { name: "Save session" });
  // The pair's first session asks whether it felt like a good match.
  await form.getByRole("radio", { name: "Yes", exact: true }).check();
  await save.click();
  await expect(form.getByRole("status")).toHaveText("Session saved. Thank you!");
  await save.click();
  const alert = form.getByRole("alert");
  await expect(alert).toContainText(/^A session on \w+day \d{1,2} \w+ is already logged, so nothing new was saved\./);
  await expectNoAxeViolations(page, "the log form after a second tap");
  expect(await db.mentoringSession.count({ where: { pairingId: s.pairings.samMaya } })).toBe(1);
  await alert.getByRole("link", { name: "See that session" }).click();
  await expect(page).toHaveURL(/\/mentor\?session=[^#]+#session-/);
  const id = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${id}"]`)).toContainText("Maya came");
});

test("accepting a suggestion confirms in a polite live region that stays, and the focus stays on the list", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Edges", rankings: true });
  await signInAs(page, s.accounts.coordinator);
  await page.goto("/coordinator/matching");
  const toast = page.getByTestId("toast");
  await expect(toast).toHaveAttribute("role", "status");
  await expect(toast).toHaveAttribute("aria-live", "polite");
  const nia = page.getByTestId("suggestion").filter({ hasText: `${s.pupils.nia.name} Year 7 with` });
  await nia.getByRole("button", { name: "Accept" }).click();
  await expect(toast).toContainText(/^Pairing created as a trial until \d{1,2} [A-Z][a-z]{2} \d{4}\./);
  await expect(page.getByTestId("suggestion").filter({ hasText: `${s.pupils.nia.name} Year 7 with` })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /^Suggestions \(/ })).toBeFocused();
  // Still there once the list has moved on; it goes only when dismissed.
  await expect(toast).toContainText("Pairing created");
  await expectNoAxeViolations(page, "the matching page after accepting");
  await toast.getByRole("button", { name: "Dismiss" }).click();
  await expect(toast).toHaveText("");
});

test("after rejecting a match, accepting the row pairs the mentor now suggested, never the rejected one", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Edges", rankings: true });
  await signInAs(page, s.accounts.coordinator);
  await page.goto("/coordinator/matching");
  const row = () => page.getByTestId("suggestion").filter({ hasText: `${s.pupils.nia.name} Year 7 with` });
  const select = () => row().getByLabel(`Mentor for ${s.pupils.nia.name}`);
  const rejected = await select().inputValue();
  await row().getByRole("link", { name: "Reject this match" }).click();
  await expect(page).toHaveURL(/reject=/);
  await expect(select()).not.toHaveValue(rejected);
  const options = await select()
    .locator("option")
    .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  expect(options, "the rejected mentor is not offered as a swap either").not.toContain(rejected);
  const suggested = await select().inputValue();
  await row().getByRole("button", { name: "Accept" }).click();
  await expect(page.getByTestId("toast")).toContainText("Pairing created");
  const members = await db.pairingMember.findMany({
    where: { studentId: s.pupils.nia.id },
    select: { pairing: { select: { members: { where: { role: "MENTOR" }, select: { studentId: true } } } } },
  });
  expect(members.map((m) => m.pairing.members[0]!.studentId)).toEqual([suggested]);
});

test("a pairing dated 2099 or 1900 is refused with the dates the school allows, and the form keeps it", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Edges" });
  await signInAs(page, s.accounts.coordinator);
  const form = page.getByRole("form", { name: "Create a pairing or group" });
  await form
    .getByRole("group", { name: "Mentor(s)" })
    .getByRole("checkbox", { name: new RegExp(`^${s.pupils.kofi.name}`) })
    .check();
  await form
    .getByRole("group", { name: "Mentee(s)" })
    .getByRole("checkbox", { name: new RegExp(`^${s.pupils.aisha.name}`) })
    .check();
  for (const day of ["2099-01-01", "1900-01-01"]) {
    await form.getByLabel("Start date").fill(day);
    await form.getByRole("button", { name: "Create pairing" }).click();
    const allowed = /^Choose a date from \d{1,2} Sep \d{4} to \d{1,2} [A-Z][a-z]{2} \d{4}\.$/;
    await expect(form.getByRole("alert")).toHaveText(allowed);
    await expect(form.locator("#startsOn-error")).toHaveText(allowed);
    await expect(form.getByLabel("Start date")).toHaveValue(day);
  }
  await expectNoAxeViolations(page, "a pairing with a date out of range");
  expect(await db.pairing.count({ where: { schoolId: s.school.id } })).toBe(2);
});

test("URLs nobody meant to send get the page, not an error", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Edges" });
  await signInAs(page, s.accounts.admin);
  for (const url of ["/admin?page=1e20", "/admin?q=%00", "/admin?q=a&q=b&page=-3", "/admin?page=99999999999999999999"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.school.name);
  }
  await page.context().clearCookies();
  await signInAs(page, s.accounts.coordinator);
  for (const url of ["/coordinator?q=%00", "/coordinator?q=x&q=y&status=NOPE", `/coordinator?programme=${s.programme.id}&programme=x`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toHaveCount(0);
  }
});

test("an action posted without form data answers with a message, not a server error", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Edges" });
  await signInAs(page, s.accounts.coordinator);
  // The id of the award-points action, as the server-rendered form carries it for browsers without
  // JavaScript (React drops these hidden fields once the page is interactive, so read the HTML).
  const html = await (await page.request.get("/coordinator")).text();
  const form = html.slice(html.indexOf('aria-label="Award points"'));
  const bound = /name="\$ACTION_\d+:0" value="([^"]+)"/.exec(form)?.[1]?.replaceAll("&quot;", '"');
  const actionId = bound ? (JSON.parse(bound) as { id?: string }).id : undefined;
  expect(actionId, "the form carries its action id").toBeTruthy();
  const post = (data: string | { multipart: Record<string, string> }) =>
    page.request.post("/coordinator", {
      headers: {
        "Next-Action": actionId!,
        Accept: "text/x-component",
        ...(typeof data === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {}),
      },
      ...(typeof data === "string" ? { data } : { multipart: data.multipart }),
    });
  // Nothing at all, or a form without the arguments a browser sends: refused in words before Next reads it.
  for (const data of ["", { multipart: { unrelated: "x" } }]) {
    const response = await post(data);
    expect(response.status(), `posting ${JSON.stringify(data)}`).toBe(400);
    expect(await response.text()).toBe("This form arrived empty. Please reload the page and try again.");
  }
  // No arguments at all: the action itself answers with its message.
  const noArguments = await post("[]");
  expect(noArguments.status()).toBe(200);
  expect(await noArguments.text()).toMatch(/This form is out of date/);
  expect(await db.pointEntry.count({ where: { schoolId: s.school.id, createdAt: { gt: new Date(Date.now() - 60_000) } } })).toBe(0);
});

test("every page's account menu offers “Change password”", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Edges" });
  for (const account of [s.accounts.coordinator, s.accounts.mentee]) {
    await signInAs(page, account);
    await page.getByRole("banner").getByRole("link", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.context().clearCookies();
  }
});

test("a form sent twice before its answer comes (a double tap) writes once: points, a pairing, a review", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Edges" });
  await signInAs(page, s.accounts.coordinator);
  const sendTwice = (name: string) =>
    page.getByRole("form", { name }).evaluate((form) => {
      (form as HTMLFormElement).requestSubmit();
      (form as HTMLFormElement).requestSubmit();
    });

  const award = page.getByRole("form", { name: "Award points" });
  await award
    .getByRole("group", { name: "Pupils", exact: true })
    .getByRole("checkbox", { name: new RegExp(`^${s.pupils.aisha.name}`) })
    .check();
  await award.getByLabel("Reason").fill("Double tap award");
  await sendTwice("Award points");
  await expect(award.getByRole("status")).toHaveText("1 point given to 1 pupil.");
  await expect.poll(() => db.pointEntry.count({ where: { schoolId: s.school.id, reason: "Double tap award" } })).toBe(1);

  const pairing = page.getByRole("form", { name: "Create a pairing or group" });
  await pairing
    .getByRole("group", { name: "Mentor(s)" })
    .getByRole("checkbox", { name: new RegExp(`^${s.pupils.kofi.name}`) })
    .check();
  await pairing
    .getByRole("group", { name: "Mentee(s)" })
    .getByRole("checkbox", { name: new RegExp(`^${s.pupils.zara.name}`) })
    .check();
  await sendTwice("Create a pairing or group");
  await expect(pairing.getByRole("status")).toHaveText(/^Pairing created as a trial until /);
  expect(await db.pairingMember.count({ where: { studentId: s.pupils.zara.id } })).toBe(1);

  await page.goto(`/coordinator/pairings/${s.pairings.samMaya}`);
  const review = page.getByRole("form", { name: "Record a review" });
  await review.getByRole("radio", { name: "4" }).check();
  await review.getByLabel("Decision").selectOption({ label: "Continue as it is" });
  await sendTwice("Record a review");
  await expect(review.getByRole("status")).toHaveText("Review saved.");
  expect(await db.review.count({ where: { pairingId: s.pairings.samMaya } })).toBe(1);
});
