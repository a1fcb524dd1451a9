/** One field an import reads: its label (what the admin sees) and the column names that usually hold it. */
export type FieldSpec<K extends string> = {
  key: K;
  label: string;
  aliases: readonly string[];
  isRequired: boolean;
};

/** The column (its index in the header) each field is read from, or null when the file has none. */
export type Mapping<K extends string> = Record<K, number | null>;

export type MappingProblem<K extends string> = { field: K; message: string };

/** A column name reduced to what tells two names apart: "Date of Birth", "DOB " and "date_of_birth" compare plainly. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** Each field's column by its label or one of its aliases; a column is given to one field at most. */
export function suggestMapping<K extends string>(headers: readonly string[], fields: readonly FieldSpec<K>[]): Mapping<K> {
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const mapping = {} as Mapping<K>;
  for (const field of fields) {
    const names = new Set([field.label, field.key, ...field.aliases].map(normaliseHeader));
    const index = normalised.findIndex((header, i) => header !== "" && !taken.has(i) && names.has(header));
    mapping[field.key] = index === -1 ? null : index;
    if (index !== -1) taken.add(index);
  }
  return mapping;
}

/** What stops a mapping being used: a required field with no column, a column chosen twice, a column the file lacks. */
export function mappingProblems<K extends string>(
  mapping: Partial<Mapping<K>>,
  fields: readonly FieldSpec<K>[],
  columnCount: number = Number.POSITIVE_INFINITY,
): MappingProblem<K>[] {
  const problems: MappingProblem<K>[] = [];
  const chosenBy = new Map<number, FieldSpec<K>>();
  for (const field of fields) {
    const index = mapping[field.key] ?? null;
    if (index === null) {
      if (field.isRequired) problems.push({ field: field.key, message: `Choose the column that holds the ${lowerFirst(field.label)}.` });
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || index >= columnCount) {
      problems.push({ field: field.key, message: "Choose one of the file's columns." });
      continue;
    }
    const earlier = chosenBy.get(index);
    if (earlier) {
      problems.push({ field: field.key, message: `That column is already chosen for the ${lowerFirst(earlier.label)}.` });
      continue;
    }
    chosenBy.set(index, field);
  }
  return problems;
}

// "Date of birth" reads as "the date of birth"; "UPN" stays "the UPN".
const lowerFirst = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);
