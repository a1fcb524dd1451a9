// Other pupils in an exported safeguarding file appear as initials (issue 9, ADR 023), in the file's
// own fields and inside free text alike. Pure: the caller says whose file it is and who else is named.
import { initialsOf } from "./concerns";

export type PupilName = { legalFirstName: string; legalLastName: string; preferredName: string | null };

/** "Maya Patel" → "M.P.", from the legal names (the receiving school's records use them). */
export function pupilInitials(pupil: PupilName): string {
  return initialsOf({ first: pupil.legalFirstName, last: pupil.legalLastName });
}

const clean = (name: string | null | undefined) => (name ?? "").normalize("NFC").trim().replace(/\s+/g, " ");
const key = (phrase: string) => phrase.toLocaleLowerCase("en-GB");
/** A name part worth looking for: two letters or more (an initial alone would match too much). */
const isWord = (part: string) => /\p{L}.*\p{L}/u.test(part);

/** The single words a pupil may be called by: first, preferred and last names, and each capitalised part of a double-barrelled last name. */
function wordsOf(pupil: PupilName): string[] {
  const last = clean(pupil.legalLastName);
  const parts = last.split(/[\s-]+/).filter((p) => p !== last && /^\p{Lu}/u.test(p));
  return [clean(pupil.legalFirstName), clean(pupil.preferredName), last, ...parts].filter(isWord);
}

/** The ways a whole name is written: "Maya Patel", "Patel, Maya", and the app's own "Maya P.". */
function phrasesOf(pupil: PupilName): string[] {
  const last = clean(pupil.legalLastName);
  const firsts = [clean(pupil.legalFirstName), clean(pupil.preferredName)].filter(isWord);
  const initial = last.charAt(0).toLocaleUpperCase("en-GB");
  return firsts.flatMap((first) => [
    `${first} ${last}`,
    `${last}, ${first}`,
    `${last} ${first}`,
    ...(initial ? [`${first} ${initial}.`] : []),
  ]);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NOT_IN_A_WORD_BEFORE = "(?<![\\p{L}\\p{M}\\p{N}_])";
const NOT_IN_A_WORD_AFTER = "(?![\\p{L}\\p{M}\\p{N}_])";

/**
 * A function that writes every other pupil's name in a text as their initials: whole names first
 * ("Maya Patel", "Patel, Maya", "Maya P."), then single first, preferred or last names, in any case
 * (pupils often write in lower case; privacy wins over the odd everyday word that is also a name).
 * A single word that is also the subject's own name is left alone: it tells the reader nothing about
 * anyone else. A word shared by two other pupils becomes its first letter, since it could be either.
 */
export function nameRedactor(
  subject: PupilName | null,
  others: readonly PupilName[],
  /** The rest of the school's roll: matched as whole names only ("Jake Smith"), never as single words. */
  roll: readonly PupilName[] = [],
): (text: string) => string {
  const ownWords = new Set(subject ? wordsOf(subject).map(key) : []);
  const ownPhrases = new Set(subject ? phrasesOf(subject).map(key) : []);
  const replacements = new Map<string, string>();
  const owners = new Map<string, Set<string>>();
  for (const pupil of roll) {
    const initials = pupilInitials(pupil);
    for (const phrase of phrasesOf(pupil))
      if (!ownPhrases.has(key(phrase)) && !replacements.has(key(phrase))) replacements.set(key(phrase), initials);
  }
  for (const pupil of others) {
    const initials = pupilInitials(pupil);
    for (const phrase of phrasesOf(pupil)) if (!replacements.has(key(phrase))) replacements.set(key(phrase), initials);
    for (const word of wordsOf(pupil)) {
      if (ownWords.has(key(word))) continue;
      const seen = owners.get(key(word)) ?? new Set<string>();
      seen.add(initials);
      owners.set(key(word), seen);
    }
  }
  for (const [word, initialsSeen] of owners) {
    if (replacements.has(word)) continue;
    replacements.set(word, initialsSeen.size === 1 ? [...initialsSeen][0]! : `${word.charAt(0).toLocaleUpperCase("en-GB")}.`);
  }
  if (replacements.size === 0) return (text) => text;
  // Longest first, so a whole name wins over the words in it; spaces in a name match any run of spaces.
  const alternatives = [...replacements.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(
    `${NOT_IN_A_WORD_BEFORE}(?:${alternatives.map((a) => escape(a).replace(/ /g, "\\s+")).join("|")})${NOT_IN_A_WORD_AFTER}`,
    "giu",
  );
  return (text) => text.normalize("NFC").replace(pattern, (match) => replacements.get(key(match.replace(/\s+/g, " "))) ?? match);
}
