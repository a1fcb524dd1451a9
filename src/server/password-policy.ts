import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// Which passwords are refused besides a length (issue 12, NCSC and NIST advice): no composition rules,
// but never a password people commonly use. The list is the ~49,000 most common passwords from public
// breaches, shipped inside the npm package (@zxcvbn-ts/language-common), so nothing is fetched at run
// time. With a 12-character minimum few listed passwords fit exactly, so a listed password with numbers
// or symbols around it ("password2024!"), one repeated ("qwertyqwerty") or a run of one or two
// characters counts as common too.

export const COMMON_PASSWORD_MESSAGE =
  "This password is too common: it is on a list of passwords people often use, or is one with a few numbers or symbols added. Choose another: three random words work well.";

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"] as string[]);
  return common;
}

/** The listed word inside a password: the whole of it, or what is left once digits and symbols around it go. */
function cores(password: string): string[] {
  const lower = password.toLowerCase();
  const trimmed = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  return [...new Set([lower, lower.replace(/\s+/g, ""), trimmed])];
}

/** Why this password may not be used, in plain words; null when it may. */
export function commonPasswordProblem(password: string): string | null {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 2) return COMMON_PASSWORD_MESSAGE;
  for (const core of cores(password)) {
    // A listed word of four letters or more, alone or with only digits and symbols around it.
    if (core.length >= 4 && list.has(core)) return COMMON_PASSWORD_MESSAGE;
    // The same listed word twice or more: "qwertyqwerty".
    for (let size = 4; size <= core.length / 2; size += 1) {
      if (core.length % size !== 0) continue;
      const part = core.slice(0, size);
      if (part.repeat(core.length / size) === core && list.has(part)) return COMMON_PASSWORD_MESSAGE;
    }
  }
  // Digits only, like "123456789012": every such password is easy to guess.
  if (/^\d+$/.test(password)) return COMMON_PASSWORD_MESSAGE;
  return null;
}
