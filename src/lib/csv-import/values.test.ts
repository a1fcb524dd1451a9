import { describe, expect, it } from "vitest";
import { parseUkDate, parseYesNo } from "./values";

describe("parseUkDate", () => {
  it.each([
    ["14/09/2012", "2012-09-14"],
    ["4/9/2012", "2012-09-04"],
    ["04/09/2012", "2012-09-04"],
    ["14-09-2012", "2012-09-14"],
    ["14.09.2012", "2012-09-14"],
    [" 14/09/2012 ", "2012-09-14"],
    ["14/09/2012 00:00:00", "2012-09-14"],
    ["2012-09-14", "2012-09-14"],
    ["2012-09-14T00:00:00Z", "2012-09-14"],
    ["29/02/2012", "2012-02-29"],
    ["31/12/2012", "2012-12-31"],
  ])("reads %s as %s", (cell, day) => {
    expect(parseUkDate(cell)).toEqual({ day });
  });

  it.each(["31/04/2013", "29/02/2013", "30/02/2012", "0/1/2012", "32/01/2012", "2013-02-29", "2012-13-01"])(
    "refuses %s, a day that does not exist",
    (cell) => {
      expect(parseUkDate(cell)).toEqual({ error: "Enter a real date, like 14/09/2012." });
    },
  );

  it("says day/month/year when the second number is above 12", () => {
    expect(parseUkDate("09/14/2012")).toEqual({ error: "Use day/month/year, like 14/09/2012." });
    expect(parseUkDate("1-13-2012")).toEqual({ error: "Use day/month/year, like 14/09/2012." });
  });

  it("asks for the year in full", () => {
    expect(parseUkDate("14/09/12")).toEqual({ error: "Write the year in full, like 14/09/2012." });
  });

  it.each(["", "tomorrow", "14/09-2012", "14 Sept 2012", "2012/09/14", "1/1/1850"])("refuses %j", (cell) => {
    expect(parseUkDate(cell)).toEqual({ error: "Enter a real date, like 14/09/2012." });
  });
});

describe("parseYesNo", () => {
  it.each(["Y", "y", "Yes", "TRUE", "T", "1", " yes "])("reads %j as yes", (cell) => {
    expect(parseYesNo(cell)).toEqual({ value: true });
  });

  it.each(["", "N", "No", "false", "F", "0", "  "])("reads %j as no", (cell) => {
    expect(parseYesNo(cell)).toEqual({ value: false });
  });

  it.each(["maybe", "2", "Yes please"])("refuses %j", (cell) => {
    expect(parseYesNo(cell)).toEqual({ error: "Use Yes or No (or Y or N)." });
  });
});
