/** Escaping shared by the text formats. */

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas defused for spreadsheets. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document from rows of fields, CRLF line ends as RFC 4180 has them. */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Escapes what Markdown tables and inline HTML would interpret (`&amp;` stays literal too); a cell holds no line
 * break.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/[\\|`*_[\]<>]/g, (char) => `\\${char}`)
    .replace(/\r?\n/g, ' ');
}

/** Text for HTML element content and attribute values: every character HTML gives a meaning to is escaped. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Rows as aligned columns separated by two spaces, for terminal listings (the last column is not padded). */
export function alignedColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}
