// Plain-text output the way kubectl prints it: columns padded to a common width
// (kubectl's tabwriter: three spaces between columns for `get`, two for `describe`)
// and `Key:  value` blocks.

/** Rows of cells as aligned lines; trailing spaces dropped. */
export function alignColumns(rows: readonly (readonly string[])[], gap = 3): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] + gap))).join('').trimEnd());
}

/** A line of `kubectl describe`: plain text, or an indented key and its value. */
export type DescribeLine = string | { indent: number; key: string; value: string };

/**
 * Lines as kubectl describe prints them: the values of consecutive `Key:` lines start in one
 * column, two spaces after the longest `Key:` (kubectl's tabwriter).
 */
export function renderDescribe(lines: readonly DescribeLine[]): string[] {
  const out: string[] = [];
  let run: { indent: number; key: string; value: string }[] = [];
  const flush = (): void => {
    const width = Math.max(0, ...run.map((l) => l.indent + l.key.length + 1));
    for (const l of run) out.push(`${' '.repeat(l.indent)}${l.key}:`.padEnd(width + 2) + l.value);
    run = [];
  };
  for (const line of lines) {
    if (typeof line === 'string') {
      flush();
      out.push(line);
    } else run.push(line);
  }
  flush();
  return out.map((line) => line.trimEnd());
}
