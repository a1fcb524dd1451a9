import { describe, expect, it } from "vitest";
import { nameRedactor, pupilInitials, type PupilName } from "./name-redaction";

const pupil = (legalFirstName: string, legalLastName: string, preferredName: string | null = null): PupilName => ({
  legalFirstName,
  legalLastName,
  preferredName,
});

const subject = pupil("Sam", "Okoro");
const maya = pupil("Maya", "Patel");
const alex = pupil("Alexander", "Smith-Jones", "Sasha");

describe("pupilInitials", () => {
  it("takes the legal first and last names", () => {
    expect(pupilInitials(maya)).toBe("M.P.");
    expect(pupilInitials(alex)).toBe("A.S.");
    expect(pupilInitials(pupil("łukasz", "nowak"))).toBe("Ł.N.");
  });
});

describe("nameRedactor", () => {
  const redact = nameRedactor(subject, [maya, alex]);

  it("writes another pupil's whole name, in each of its usual forms, as initials", () => {
    expect(redact("Maya Patel pushed Sam.")).toBe("M.P. pushed Sam.");
    expect(redact("Seen by Patel, Maya at lunch")).toBe("Seen by M.P. at lunch");
    expect(redact("Maya P. was upset")).toBe("M.P. was upset");
    expect(redact("Maya   Patel")).toBe("M.P.");
    expect(redact("Sasha Smith-Jones and Alexander Smith-Jones")).toBe("A.S. and A.S.");
  });

  it("writes single first, preferred and last names as initials, whatever their case", () => {
    expect(redact("maya said PATEL's brother was there")).toBe("M.P. said M.P.'s brother was there");
    expect(redact("Sasha (Alexander) and Jones")).toBe("A.S. (A.S.) and A.S.");
    expect(redact("Smith-Jones")).toBe("A.S.");
  });

  it("leaves words that only contain a name alone", () => {
    expect(redact("Mayan history; Patelsworth Road; remaya")).toBe("Mayan history; Patelsworth Road; remaya");
  });

  it("keeps the subject's own name, and a word that is both theirs and another pupil's", () => {
    const withSameName = nameRedactor(pupil("Maya", "Okoro"), [maya]);
    expect(withSameName("Maya Okoro told us Maya Patel was there, and Maya cried")).toBe(
      "Maya Okoro told us M.P. was there, and Maya cried",
    );
  });

  it("gives a word two other pupils share only its first letter", () => {
    const siblings = nameRedactor(subject, [pupil("Ravi", "Patel"), pupil("Priya", "Patel")]);
    expect(siblings("Ravi Patel and Priya Patel; the Patel family")).toBe("R.P. and P.P.; the P. family");
  });

  it("handles letters beyond English and names with regex characters", () => {
    const r = nameRedactor(subject, [pupil("Łukasz", "Wiśniewski"), pupil("Zoë", "O'Brien (Jr)")]);
    expect(r("ŁUKASZ and wiśniewski met Zoë O'Brien (Jr)")).toBe("Ł.W. and Ł.W. met Z.O.");
    expect(r("O'Brien")).toBe("Z.O.");
  });

  it("changes nothing when no other pupil is named", () => {
    expect(nameRedactor(subject, [])("Sam and Maya")).toBe("Sam and Maya");
    expect(nameRedactor(null, [pupil("J", "K")])("J K")).toBe("J K");
  });
});

describe("the rest of the roll", () => {
  it("writes any other pupil of the school as initials by whole name, never by a single word", () => {
    const subject = { legalFirstName: "Maya", legalLastName: "Patel", preferredName: null };
    const jake = { legalFirstName: "Jake", legalLastName: "Smith", preferredName: null };
    const redact = nameRedactor(subject, [], [jake]);
    expect(redact("Jake Smith pushed her; smith is a word; Jake alone is not enough.")).toBe(
      "J.S. pushed her; smith is a word; Jake alone is not enough.",
    );
    expect(redact("Maya Patel said so.")).toBe("Maya Patel said so.");
  });
});
