/**
 * A path inside the app, such as "/mentor/log/abc?day=2026-12-01": one leading slash, then no
 * backslash, whitespace or control character. Never "//host" or "/\host" (which browsers read as
 * another site), never a scheme: so following it, or a redirect to it, stays on PeerPath.
 */
export function isAppPath(value: string): boolean {
  return /^\/(?![/\\])[^\s\\\u0000-\u001F\u007F]*$/.test(value) && value.length <= 500;
}
