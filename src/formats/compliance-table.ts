import type { ComplianceReport, RequirementStatus } from '../frameworks/compliance.js';
import { NO_COLOURS, padEnd, type Paint } from './ansi.js';

const LABEL: Record<RequirementStatus, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  manual: 'MANUAL',
  'not-evaluated': 'NOT EVAL',
};

/** Every requirement with its status and why, then the score and what the score leaves out. */
export function formatComplianceTable(report: ComplianceReport, paint: Paint = NO_COLOURS): string {
  const { framework, totals, score } = report;
  const colour = (status: RequirementStatus) =>
    status === 'fail'
      ? paint.red
      : status === 'pass'
        ? paint.green
        : status === 'not-evaluated'
          ? paint.yellow
          : paint.dim;
  const idWidth = Math.max(...report.results.map((result) => result.requirement.id.length)) + 2;
  const lines = [
    `${paint.bold(`${framework.name} v${framework.version}`)} · ${report.target.type} ${report.target.name}`,
    '',
  ];
  let section = '';
  for (const result of report.results) {
    if (result.requirement.section !== section) {
      section = result.requirement.section;
      lines.push(paint.bold(section));
    }
    lines.push(
      `  ${padEnd(result.requirement.id, idWidth)}${colour(result.status)(padEnd(LABEL[result.status], 10))}${result.requirement.title}`,
      `  ${' '.repeat(idWidth + 10)}${paint.dim(result.detail)}`,
    );
    for (const failing of result.failing.slice(0, 5)) {
      lines.push(`  ${' '.repeat(idWidth + 10)}- ${failing.checkId}: ${failing.message}`);
    }
    if (result.failing.length > 5)
      lines.push(`  ${' '.repeat(idWidth + 10)}- and ${result.failing.length - 5} more`);
  }
  const scored = totals.pass + totals.fail;
  lines.push(
    '',
    `Requirements: ${totals.pass} pass · ${totals.fail} fail · ${totals['not-evaluated']} not evaluated · ${totals.manual} manual`,
    score === null
      ? 'Score: none (nothing could be evaluated)'
      : `Score: ${(score * 100).toFixed(1)}% of the ${scored} requirements evaluated; ${totals['not-evaluated']} not evaluated and ${totals.manual} manual are not in it`,
  );
  return `${lines.join('\n')}\n`;
}
