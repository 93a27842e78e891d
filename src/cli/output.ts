/** Printing for the CLI: JSON for machines, aligned text for people. */
export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

export const printTable = (rows: Record<string, unknown>[]): void => {
  if (rows.length === 0) {
    process.stdout.write('(none)\n');
    return;
  }
  const headers = Object.keys(rows[0] as object);
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v)).replace(/\s+/g, ' ');
  const widths = headers.map((h) => Math.min(48, Math.max(h.length, ...rows.map((r) => cell(r[h]).length))));
  const line = (values: string[]) => values.map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!))).join('  ').trimEnd();
  process.stdout.write(`${line(headers)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const r of rows) process.stdout.write(`${line(headers.map((h) => cell(r[h])))}\n`);
};

export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
