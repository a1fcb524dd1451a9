// The security headers PeerPath sends (ADR 011). Pure: the proxy supplies the nonce and what it knows
// of the request; next.config.ts sends the fixed ones on every response.

/** Browser features PeerPath never uses, turned off for the app and anything it might embed. */
const UNUSED_FEATURES = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

/** Sent with every response, Next's own files and the auth API included (next.config.ts). */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Pupils' ids are in our URLs: no other site needs to learn them, or that a page was PeerPath.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: UNUSED_FEATURES.map((feature) => `${feature}=()`).join(", ") },
  // frame-ancestors 'none' in the CSP says the same to every browser that reads CSP.
  { key: "X-Frame-Options", value: "DENY" },
];

/** Two years, subdomains too: sent only with responses to requests that came over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

/** True when the front server says the browser's request came over HTTPS. */
export function isHttpsRequest(headers: Headers): boolean {
  return headers.get("x-forwarded-proto")?.trim().toLowerCase() === "https";
}

/** A fresh, unguessable nonce (128 random bits, base64) for one response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type PolicyOptions = {
  nonce: string;
  /** `upgrade-insecure-requests` only then: on plain HTTP (tests, a laptop) it would break every load. */
  isHttps: boolean;
  /** `next dev` needs eval for React's debugging aids; a production build never does. */
  isDevelopment: boolean;
};

/**
 * The Content-Security-Policy for one page response. Scripts run only with this response's nonce
 * (and whatever those scripts load, by 'strict-dynamic'); styles keep 'unsafe-inline' because React
 * renders `style` attributes into the HTML, which a nonce cannot cover.
 */
export function contentSecurityPolicy({ nonce, isHttps, isDevelopment }: PolicyOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("A CSP nonce must be at least 16 base64 characters.");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
