export type RowErrorView = { line: number; field: string | null; message: string; cell: string };

/** Every row that could not be read, by its line in the file, so the admin can fix the file. */
export function RowErrors({ errors }: { errors: RowErrorView[] }) {
  if (errors.length === 0) return null;
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">Rows to fix in the file</caption>
      <thead className="hidden md:table-header-group">
        <tr className="border-b border-line text-sm text-muted">
          <th scope="col" className="py-2 pr-3">
            Line
          </th>
          <th scope="col" className="py-2 pr-3">
            Column
          </th>
          <th scope="col" className="py-2 pr-3">
            What to fix
          </th>
          <th scope="col" className="py-2">
            In the file
          </th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e, i) => (
          <tr key={`${e.line}-${e.field ?? ""}-${i}`} className="block border-b border-line py-2 md:table-row">
            <td className="block py-1 pr-3 font-semibold md:table-cell">Line {e.line}</td>
            <td className="block py-1 pr-3 md:table-cell">{e.field ?? "The whole row"}</td>
            <td className="block py-1 pr-3 md:table-cell">{e.message}</td>
            <td className="block py-1 break-all text-muted md:table-cell">{e.cell ? `“${e.cell}”` : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
