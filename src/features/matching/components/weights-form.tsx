import { weightLabels, type WeightsForm } from "../schemas";

/** A GET form: changing a weight re-runs the suggestions; nothing is saved. */
export function WeightsFilter({ weights, programmeId, rejected }: { weights: WeightsForm; programmeId: string; rejected: string[] }) {
  return (
    <form className="space-y-3" aria-label="Weights">
      <input type="hidden" name="programme" value={programmeId} />
      {rejected.map((r) => (
        <input key={r} type="hidden" name="reject" value={r} />
      ))}
      <div className="grid gap-3 sm:grid-cols-2">
        {(Object.keys(weightLabels) as (keyof WeightsForm)[]).map((name) => (
          <div key={name}>
            <label htmlFor={`weight-${name}`} className="block text-sm font-semibold">
              {weightLabels[name]}
            </label>
            <input
              id={`weight-${name}`}
              name={name}
              type="number"
              inputMode="numeric"
              min={0}
              max={50}
              defaultValue={weights[name]}
              className="min-h-11 w-24 rounded-lg border border-line bg-surface px-2"
            />
          </div>
        ))}
      </div>
      <button type="submit" className="min-h-11 rounded-lg border border-accent bg-surface px-4 font-semibold text-accent">
        Run suggestions again
      </button>
    </form>
  );
}
