// A feed's token is a secret link token (src/server/secret-token.ts, ADR 017): only its hash is stored.

/** The feed's address on this site, which the page turns into a full link. */
export function feedPath(schoolId: string, token: string): string {
  return `/feeds/${encodeURIComponent(schoolId)}/${token}.ics`;
}
