// Pupil set-up codes (issue 11): printed on an A4 sheet for a form tutor to hand out, typed by a pupil
// on a phone. 10 characters of Crockford's base 32 (about 50 bits): no I, L, O or U, so nothing is
// mistaken for 1, 0 or another letter; what a pupil types is forgiven the same way (O for 0, I or L
// for 1, lower case, spaces and dashes).
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SET_UP_CODE_LENGTH = 10;

/** A code from at least 10 random bytes (one character per byte, 5 bits of each). */
export function newSetUpCode(bytes: Uint8Array): string {
  if (bytes.length < SET_UP_CODE_LENGTH) throw new Error(`A set-up code needs ${SET_UP_CODE_LENGTH} random bytes.`);
  return Array.from(bytes.subarray(0, SET_UP_CODE_LENGTH), (b) => ALPHABET[b & 31]).join("");
}

/** "ABCDE-FGHJK", as printed. */
export function formatSetUpCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a pupil typed, as the code it means, or null when it cannot be one. */
export function normaliseSetUpCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== SET_UP_CODE_LENGTH) return null;
  return [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}
