/** A GET search box: the server filters, so it works without JavaScript and on large schools. */
export function SearchForm({
  id,
  label,
  defaultValue,
  hidden = {},
}: {
  id: string;
  label: string;
  defaultValue?: string;
  hidden?: Record<string, string | undefined>;
}) {
  return (
    <form role="search" className="flex flex-wrap items-end gap-2" action="">
      {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <div>
        <label htmlFor={id} className="block text-sm font-semibold">
          {label}
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          className="min-h-11 rounded-lg border border-line bg-surface px-3"
        />
      </div>
      <button type="submit" className="min-h-11 rounded-lg border border-accent bg-surface px-4 font-semibold text-accent">
        Search
      </button>
    </form>
  );
}
