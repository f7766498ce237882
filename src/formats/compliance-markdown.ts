import type { ComplianceReport } from '../frameworks/compliance.js';

import { markdownCell as cell } from './text.js';

/** A summary for pull requests and tickets: the score, then every requirement that is not a pass. */
export function formatComplianceMarkdown(report: ComplianceReport): string {
  const { framework, totals, score } = report;
  const lines = [
    `## ${cell(framework.name)} v${cell(framework.version)}`,
    '',
    `**Score:** ${score === null ? 'none (nothing evaluated)' : `${(score * 100).toFixed(1)}%`} of requirements evaluated · ${totals.pass} pass · ${totals.fail} fail · ${totals['not-evaluated']} not evaluated · ${totals.manual} manual`,
    '',
    '| Requirement | Status | Title | Detail |',
    '| --- | --- | --- | --- |',
  ];
  for (const result of report.results) {
    if (result.status === 'pass') continue;
    lines.push(
      `| ${cell(result.requirement.id)} | ${result.status} | ${cell(result.requirement.title)} | ${cell(result.detail)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
