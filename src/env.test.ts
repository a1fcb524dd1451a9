import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const url = "postgresql://u:p@127.0.0.1:5432/db";
const secret = "x".repeat(32);

describe("the environment, chosen by NODE_ENV", () => {
  it("lets development run without AUTH_SECRET (npm run dev makes one)", () => {
    expect(parseEnv({ NODE_ENV: "development", DATABASE_URL: url }).AUTH_SECRET).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: url }).NODE_ENV).toBe("development");
  });

  it("refuses to start a production process without AUTH_SECRET, whatever started it", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: url })).toThrow(/AUTH_SECRET is not set/);
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: url, AUTH_SECRET: "short" })).toThrow(/at least 32 characters/);
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: url, AUTH_SECRET: secret })).toMatchObject({
      NODE_ENV: "production",
      AUTH_SECRET: secret,
    });
  });

  it("lets `next build` (NODE_ENV=production, serving nobody) build without the secret", () => {
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: url }, { isBuilding: true }).AUTH_SECRET).toBeUndefined();
  });

  it("says what is wrong with DATABASE_URL in words", () => {
    expect(() => parseEnv({ NODE_ENV: "development" })).toThrow(/DATABASE_URL is not set/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/must start with postgresql/);
  });

  it("sends email only with SMTP_URL, and then needs MAIL_FROM and APP_URL (ADR 016)", () => {
    const base = { NODE_ENV: "production", DATABASE_URL: url, AUTH_SECRET: secret };
    expect(parseEnv(base).SMTP_URL).toBeUndefined();
    expect(parseEnv({ ...base, SMTP_URL: "  " }).SMTP_URL, "an empty SMTP_URL is no SMTP_URL").toBeUndefined();
    const mail = {
      SMTP_URL: "smtp://user:pass@mail.example.org:587",
      MAIL_FROM: "PeerPath <peerpath@school.example>",
      APP_URL: "https://peerpath.school.example",
    };
    expect(parseEnv({ ...base, ...mail })).toMatchObject(mail);
    expect(parseEnv({ DATABASE_URL: url, ...mail, SMTP_URL: "smtps://mail.example.org" }).SMTP_URL).toBe("smtps://mail.example.org");
    expect(() => parseEnv({ ...base, SMTP_URL: mail.SMTP_URL })).toThrow(/MAIL_FROM must be too[\s\S]*APP_URL must be too/);
    expect(() => parseEnv({ ...base, ...mail, SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL must look like smtp:\/\//);
    expect(() => parseEnv({ ...base, ...mail, APP_URL: "peerpath.school.example" })).toThrow(/APP_URL must be the address/);
    expect(() => parseEnv({ ...base, ...mail, MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM must be an address/);
  });
});
