// The bench school's pupils as SIMS exports them (issue 11): ~20 columns, Windows-1252, dd/mm/yyyy,
// year groups as "Year 9" (src/test-support/mis-file.ts writes the file). `changedRoll` is the next
// export: 40 joiners, 150 pupils with a changed tutor group, SEN or pupil premium, 5 temporary UPNs
// made permanent, and 30 pupils gone.
import type { IsoDate } from "@/lib/dates";
import { yearGroupOn } from "@/lib/year-group";
import { encodeWindows1252, simsCsv, upnFor, type MisPupil } from "@/test-support/mis-file";
import type { Random } from "./random";

export { encodeWindows1252, simsCsv };

export type RollPupil = {
  upn: string;
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
  cohortYear: number;
  tutorGroup: string;
};

const ACCENTED = ["O’Brien", "Zoë", "Chloé", "Ní Bhriain", "Müller", "D’Souza"];

/** The school's pupils as the MIS knows them: the same names, plus the MIS-only fields, some accented. */
export function baseRoll(pupils: readonly RollPupil[], today: IsoDate, random: Random): MisPupil[] {
  return pupils.map((p, i) => ({
    upn: p.upn,
    adno: String(100000 + i),
    surname: i % 97 === 0 ? ACCENTED[(i / 97) % ACCENTED.length]! : p.legalLastName,
    forename: p.legalFirstName,
    preferred: p.preferredName ?? undefined,
    dob: `${2026 - yearGroupOn(p.cohortYear, today) - 5}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`,
    sex: random.chance(0.5) ? "F" : "M",
    year: yearGroupOn(p.cohortYear, today),
    reg: p.tutorGroup,
    sen: random.chance(0.12) ? "K" : random.chance(0.03) ? "E" : "N",
    pp: random.chance(0.25),
    fsm: random.chance(0.2),
  }));
}

/** The next export of `roll`: joiners, changes, permanent UPNs for the temporary ones, leavers (whole roll). */
export function changedRoll(roll: readonly MisPupil[], temporary: ReadonlySet<string>, firstNewUpn: number): MisPupil[] {
  const out: MisPupil[] = [];
  let changed = 0;
  let madePermanent = 0;
  for (const [i, p] of roll.entries()) {
    if (i % 60 === 7 && i < 1800) continue; // 30 gone
    if (temporary.has(p.upn) && madePermanent < 5) {
      madePermanent += 1;
      out.push({ ...p, upn: upnFor(firstNewUpn + 1000 + madePermanent) });
      continue;
    }
    if (i % 12 === 3 && changed < 150) {
      changed += 1;
      out.push(
        changed % 3 === 0
          ? { ...p, reg: `${p.year}Z` }
          : changed % 3 === 1
            ? { ...p, sen: p.sen === "K" ? "N" : "K" }
            : { ...p, pp: !p.pp },
      );
      continue;
    }
    out.push(p);
  }
  for (let n = 0; n < 40; n += 1) {
    out.push({
      upn: upnFor(firstNewUpn + n),
      adno: String(900000 + n),
      surname: n % 10 === 0 ? "O’Neill" : `Joiner${n}`,
      forename: n % 7 === 0 ? "Zoë" : "Sam",
      dob: "2014-05-01",
      sex: n % 2 === 0 ? "F" : "M",
      year: 7 + (n % 5),
      reg: `${7 + (n % 5)}N`,
    });
  }
  return out;
}
