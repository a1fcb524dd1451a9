// The test identity provider's accounts (src/test-support/oidc-server.ts): whatever is typed into its
// "Login" box is the account. `EMAIL` then optional `;key=value` pairs, e.g.
// `coord@greenfield.test;hd=greenfield.test`, `x@y.test;verified=false`, `a@b.test;tid=…;name=Ann Lee`.
import crypto from "node:crypto";

export type OidcAccount = {
  /** A stable hash of the whole login string: the same string is the same person on every run. */
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
  /** Google Workspace's hosted domain, only when the login string gives one. */
  hd?: string;
  /** Entra ID's tenant, only when the login string gives one (the entra server fills in its own). */
  tid?: string;
};

const KNOWN_KEYS = new Set(["hd", "tid", "name", "verified"]);

/** The account for a login string, or a plain-English reason it is not one. */
export function parseLogin(login: string): OidcAccount | { error: string } {
  const [rawEmail = "", ...pairs] = login.trim().split(";");
  const email = rawEmail.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { error: "Start with an email address, like coord@greenfield.test." };
  const values = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    const key = (at === -1 ? pair : pair.slice(0, at)).trim();
    if (!KNOWN_KEYS.has(key) || at === -1) return { error: `Use key=value pairs with hd, tid, name or verified, not "${pair.trim()}".` };
    values.set(key, pair.slice(at + 1).trim());
  }
  const verified = values.get("verified");
  if (verified !== undefined && verified !== "true" && verified !== "false") return { error: "verified is true or false." };
  const account: OidcAccount = {
    sub: crypto.createHash("sha256").update(login.trim()).digest("hex").slice(0, 40),
    email,
    emailVerified: verified !== "false",
    name: values.get("name") || email.slice(0, email.indexOf("@")),
  };
  const hd = values.get("hd");
  if (hd) account.hd = hd;
  const tid = values.get("tid");
  if (tid) account.tid = tid;
  return account;
}

/** Entra's object id: a GUID derived from the account, stable like its sub. */
export function objectIdFor(sub: string): string {
  const hex = crypto.createHash("sha256").update(`oid:${sub}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The provider's sign-in page: one "Login" box and a "Sign in" button, nothing fetched from elsewhere. */
export function loginPage({ title, action, value = "", error }: { title: string; action: string; value?: string; error?: string }) {
  const describedBy = error ? ' aria-describedby="login-error" aria-invalid="true"' : "";
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<form method="post" action="${escapeHtml(action)}">
<label for="login">Login</label>
<input id="login" name="login" type="text" autocomplete="off" required value="${escapeHtml(value)}"${describedBy}>
${error ? `<p id="login-error">${escapeHtml(error)}</p>` : ""}
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`;
}

export function errorPage(title: string, message: string) {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body>
</html>`;
}
