import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttpsRequest, newNonce, STATIC_SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "./security-headers";

const NONCE = "zY6Km6+yHu7r33wrvR183w==";

/** The policy as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  const production = directives(contentSecurityPolicy({ nonce: NONCE, isHttps: false, isDevelopment: false }));

  it("lets scripts run only with this response's nonce, never inline or by eval", () => {
    expect(production.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
    for (const sources of production.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("*");
    }
  });

  it("keeps 'unsafe-inline' for styles only, without a nonce that would switch it off", () => {
    expect(production.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    const withInline = [...production].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name);
    expect(withInline).toEqual(["style-src"]);
  });

  it("refuses framing, plugins, other bases and form targets", () => {
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'self'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("connect-src")).toEqual(["'self'"]);
    expect(production.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(production.get("font-src")).toEqual(["'self'"]);
  });

  it("upgrades insecure requests only when the page came over HTTPS", () => {
    expect(production.has("upgrade-insecure-requests")).toBe(false);
    const https = directives(contentSecurityPolicy({ nonce: NONCE, isHttps: true, isDevelopment: false }));
    expect(https.get("upgrade-insecure-requests")).toEqual([]);
  });

  it("allows eval in development only, for React's debugging aids", () => {
    const development = directives(contentSecurityPolicy({ nonce: NONCE, isHttps: false, isDevelopment: true }));
    expect(development.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'", "'unsafe-eval'"]);
  });

  it("refuses a nonce that could break out of the header or be guessed", () => {
    for (const nonce of ["", "short", `${NONCE}'; script-src *`, `${NONCE} 'unsafe-inline'`]) {
      expect(() => contentSecurityPolicy({ nonce, isHttps: false, isDevelopment: false })).toThrow(/nonce/);
    }
  });
});

describe("newNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const nonces = Array.from({ length: 200 }, newNonce);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(() => contentSecurityPolicy({ nonce: nonces[0]!, isHttps: false, isDevelopment: false })).not.toThrow();
  });
});

describe("isHttpsRequest", () => {
  it("believes the front server's x-forwarded-proto, and nothing else", () => {
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": " HTTPS " }))).toBe(true);
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(isHttpsRequest(new Headers())).toBe(false);
  });
});

describe("STATIC_SECURITY_HEADERS", () => {
  const byName = new Map(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value]));

  it("sends nosniff, a referrer policy and no framing", () => {
    expect(byName.get("x-content-type-options")).toBe("nosniff");
    expect(byName.get("referrer-policy")).toBe("same-origin");
    expect(byName.get("x-frame-options")).toBe("DENY");
  });

  it("turns off the powerful browser features PeerPath never uses", () => {
    const features = byName.get("permissions-policy")!.split(", ");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]) {
      expect(features).toContain(`${feature}=()`);
    }
    expect(features.every((entry) => /^[a-z-]+=\(\)$/.test(entry))).toBe(true);
  });

  it("leaves HSTS out: it goes only with HTTPS responses", () => {
    expect(byName.has("strict-transport-security")).toBe(false);
    expect(STRICT_TRANSPORT_SECURITY.value).toBe("max-age=63072000; includeSubDomains");
  });
});
