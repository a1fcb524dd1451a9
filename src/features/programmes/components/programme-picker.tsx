/** Switches the programme shown; a plain GET form so the choice is in the URL. */
export function ProgrammePicker({ programmes, currentId }: { programmes: { id: string; name: string }[]; currentId: string }) {
  if (programmes.length < 2) return null;
  return (
    <form className="flex items-end gap-2">
      <div>
        <label htmlFor="programme" className="block text-sm font-semibold">
          Programme
        </label>
        <select id="programme" name="programme" defaultValue={currentId} className="min-h-11 rounded-lg border border-line bg-surface px-2">
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded-lg border border-accent bg-surface px-3 font-semibold text-accent">
        Show
      </button>
    </form>
  );
}
