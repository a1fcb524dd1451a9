/** A noticeboard's address on this site, which the page turns into a full link (shown once, ADR 024). */
export function noticeboardPath(schoolId: string, token: string): string {
  return `/noticeboard/${encodeURIComponent(schoolId)}/${token}`;
}
