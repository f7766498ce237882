/** One row of the IAM credential report, keyed by its CSV header names. */
export type CredentialReportRow = Record<string, string>;

/**
 * Parses the credential report CSV. IAM writes no quoted fields today, but quotes are handled anyway so a
 * user name can never shift the columns.
 */
export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.length > 0);
  const [header, ...rows] = lines.map(splitCsvLine);
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line.charAt(index);
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** A report timestamp, or null for the report's "no value" markers (N/A, no_information, not_supported). */
export function reportDate(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  return new Date(value).toISOString();
}

export function reportFlag(value: string | undefined): boolean {
  return value === 'true';
}
