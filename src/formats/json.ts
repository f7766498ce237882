import type { ScanReport } from '../core/scan.js';

/** The whole report as JSON: every result (PASS included), the summary and coverage. */
export function formatJson(report: ScanReport): string {
  return `${JSON.stringify({ schema: 'onus.scan/v1', ...report }, null, 2)}\n`;
}
