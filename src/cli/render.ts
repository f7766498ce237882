import type { ScanReport } from '../core/scan.js';
import { formatCsv } from '../formats/csv.js';
import { formatJson } from '../formats/json.js';
import { formatJunit } from '../formats/junit.js';
import { formatMarkdownSummary } from '../formats/markdown-summary.js';
import { formatOcsf } from '../formats/ocsf.js';
import { formatSarif } from '../formats/sarif.js';
import { formatTable } from '../formats/table.js';
import { paintFor } from './terminal.js';

/** The formats every report command writes the same way, whatever its source. */
export type CommonFormat = 'table' | 'json' | 'ocsf' | 'sarif' | 'csv' | 'junit' | 'markdown';

/** A report in one of the common formats; the table is coloured only on a terminal and never into a file. */
export function renderCommon(
  report: ScanReport,
  format: CommonFormat,
  flags: { output?: string; color: boolean },
): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'ocsf':
      return formatOcsf(report);
    case 'sarif':
      return formatSarif(report);
    case 'csv':
      return formatCsv(report);
    case 'junit':
      return formatJunit(report);
    case 'markdown':
      return formatMarkdownSummary(report);
    case 'table':
      return formatTable(report, {
        paint: flags.output ? paintFor(process.stdout, false) : paintFor(process.stdout, flags.color),
      });
  }
}
