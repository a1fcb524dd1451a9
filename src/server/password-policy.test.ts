import { describe, expect, it } from "vitest";
import { COMMON_PASSWORD_MESSAGE, commonPasswordProblem } from "./password-policy";

describe("commonPasswordProblem", () => {
  it.each([
    "123qweasdzxc", // on the list as it is
    "1qaz2wsx3edc",
    "Password2024!", // a listed word with digits and a symbol around it
    "!!iloveyou1234",
    "qwertyqwerty", // a listed word repeated
    "monkeymonkeymonkey",
    "aaaaaaaaaaaa", // one or two characters
    "abababababab",
    "123456789012", // digits only
  ])("refuses %s", (password) => {
    expect(commonPasswordProblem(password)).toBe(COMMON_PASSWORD_MESSAGE);
  });

  it.each(["correct horse battery staple", "matrix passphrase 123", "e2e-correct-horse-battery", "Pupils-Mentor-Kettle-42"])(
    "accepts %s",
    (password) => {
      expect(commonPasswordProblem(password)).toBeNull();
    },
  );

  it("says why in plain words, with what to do instead", () => {
    expect(COMMON_PASSWORD_MESSAGE).toMatch(/too common/);
    expect(COMMON_PASSWORD_MESSAGE).toMatch(/three random words/);
  });
});
