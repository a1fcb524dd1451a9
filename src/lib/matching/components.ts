// Pupils who can never compete for the same place, directly or through a chain of swaps, form
// independent problems. Union–find over the candidate pairs splits them; a programme whose slots
// or year groups fall apart (say, a lunchtime Year 7 scheme and an after-school Year 10 one) is
// then solved as several small problems.

export type Component = { rows: Int32Array; cols: Int32Array };

export function splitComponents(pairs: { rows: number; cols: number; rowStart: Int32Array; col: Int32Array }): Component[] {
  const { rows, cols, rowStart, col } = pairs;
  const parent = new Int32Array(rows + cols);
  for (let v = 0; v < parent.length; v += 1) parent[v] = v;
  const find = (v: number) => {
    while (parent[v] !== v) {
      const up = parent[parent[v]!]!;
      parent[v] = up;
      v = up;
    }
    return v;
  };
  for (let r = 0; r < rows; r += 1) {
    const root = find(r);
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e += 1) {
      const other = find(rows + col[e]!);
      if (other !== root) parent[other] = root;
    }
  }

  const index = new Map<number, { rows: number[]; cols: number[] }>();
  for (let r = 0; r < rows; r += 1) {
    if (rowStart[r + 1] === rowStart[r]) continue;
    const root = find(r);
    let component = index.get(root);
    if (!component) index.set(root, (component = { rows: [], cols: [] }));
    component.rows.push(r);
  }
  for (let j = 0; j < cols; j += 1) index.get(find(rows + j))?.cols.push(j);
  return [...index.values()].map((g) => ({ rows: Int32Array.from(g.rows), cols: Int32Array.from(g.cols) }));
}
