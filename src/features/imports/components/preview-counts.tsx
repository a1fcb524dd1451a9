import { Stat } from "@/components/ui/card";

/** What an import would do, as a row of figures. */
export function PreviewCounts({ counts }: { counts: { label: string; value: number; detail?: string }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {counts.map((c) => (
        <Stat key={c.label} label={c.label} value={c.value.toLocaleString("en-GB")} detail={c.detail} />
      ))}
    </dl>
  );
}
