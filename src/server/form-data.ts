/**
 * FormData → plain object; a field named `x[]` or repeated becomes a list. Anything that is not
 * FormData (an action posted without a form) becomes an empty object, which every schema refuses.
 */
export function formDataToObject(formData: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!(formData instanceof FormData)) return out;
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    if (key.endsWith("[]")) out[key.slice(0, -2)] = all;
    else out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}
