/** What an import will do, in one sentence for the button's neighbour and the confirm dialog. */
export function importSummary(counts: { created: number; changed: number; leaving: number; rejoining: number }): string {
  const back = counts.rejoining > 0 ? `, ${counts.rejoining} back on roll` : "";
  return `This adds ${counts.created} new ${counts.created === 1 ? "pupil" : "pupils"}, updates ${counts.changed} and marks ${counts.leaving} as left${back}.`;
}
