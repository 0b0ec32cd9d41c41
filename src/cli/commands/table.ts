// The command line's tables for people: rows of cells as aligned columns, the first row the
// headings. Widths are counted in UTF-16 units, which is what a terminal shows for the
// product's five languages (no wide or combining characters in their words).

/** `rows` as aligned columns two spaces apart; `align` has an l (left) or r (right) per column, l where it has none. */
export function table(rows: string[][], align = ''): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}
