/** mulberry32: small, fast and the same on every machine, so a bench's data is the same every run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const sample = <T>(items: readonly T[], k: number): T[] => {
    const copy = [...items];
    for (let n = 0; n < k; n += 1) {
      const m = n + Math.floor(next() * (copy.length - n));
      [copy[n], copy[m]] = [copy[m]!, copy[n]!];
    }
    return copy.slice(0, k);
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, sample, pick, chance };
}

export type Random = ReturnType<typeof seeded>;
