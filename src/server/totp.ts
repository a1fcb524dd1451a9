import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { formatSetUpCode, newSetUpCode, normaliseSetUpCode } from "@/lib/account-codes";
import { open, seal } from "./sealed";

// Two-factor's secrets (issue 12, ADR 026). The authenticator app's secret is sealed (server/sealed.ts)
// to its user, so the database alone never yields a working code; recovery codes are kept only as a
// SHA-256 bound to their user. Codes use otplib's RFC 6238 defaults (SHA-1, six digits, 30 seconds),
// which every authenticator app reads from the QR code.

export const RECOVERY_CODE_COUNT = 10;
/** One step either side: a phone's clock a little out still works. */
const TOLERANCE_SECONDS = 30;

const secretContext = (userId: string) => `totp:${userId}`;

/**
 * A fresh secret for one set-up, sealed to its user. Each sign-in that sets up gets its own (kept on
 * its session row), so someone who saw one set-up's QR code cannot ride on a later one.
 */
export function newSealedSecret(userId: string): string {
  return seal(generateSecret(), secretContext(userId));
}

export function openTotpSecret(userId: string, sealed: string | null): string | null {
  return sealed ? open(sealed, secretContext(userId)) : null;
}

/** The time step a right code belongs to, or null; a step at or before `afterStep` is a replay. */
export async function verifyTotp(secret: string, code: string, afterStep: number | null, now: Date = new Date()): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
}

/** What an authenticator app reads: otpauth://totp/PeerPath:<email>?secret=…&issuer=PeerPath. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: "PeerPath", label: email, secret });
}

/** The QR code as an SVG document (drawn here: nothing is fetched). */
export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** The secret as a person types it: groups of four. */
export function spacedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** Ten fresh recovery codes, "ABCDE-FGHJK" (the set-up codes' alphabet: nothing to mistake). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => formatSetUpCode(newSetUpCode(randomBytes(16))));
}

/** The stored form of a recovery code, or null when what was typed cannot be one. */
export function recoveryCodeHash(userId: string, typed: string): string | null {
  const code = normaliseSetUpCode(typed);
  return code ? createHash("sha256").update(`${userId}:${code}`).digest("hex") : null;
}
