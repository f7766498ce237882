import { CHECKS } from '../../checks/index.js';
import type { Check } from '../../core/check.js';
import { DOMAIN_TITLES } from '../../core/domain.js';
import { padEnd } from '../../formats/ansi.js';
import { formatCheckCatalog } from '../../formats/check-catalog-markdown.js';
import { FRAMEWORKS } from '../../frameworks/index.js';
import { codeLanguages, runsOnCode } from '../../sources/iac/inventory.js';
import { EXIT } from '../errors.js';
import { paintFor } from '../terminal.js';

/** The public description of a check: everything but its code. */
export function describeCheck(check: Check) {
  return {
    id: check.id,
    title: check.title,
    description: check.description,
    risk: check.risk,
    severity: check.severity,
    service: check.service,
    domain: check.domain,
    kind: check.kind,
    scope: check.scope,
    reads: check.reads,
    related: check.related,
    thresholds: check.thresholds,
    remediation: check.remediation,
    /** Whether `onus iac` runs the check on code, before deployment. */
    iac: { cloudformation: runsOnCode(check, 'cloudformation'), terraform: runsOnCode(check, 'terraform') },
  };
}

/** `onus checks`: the catalog, as a table, as JSON with full metadata, or as the Markdown of docs/checks.md. */
export function listChecks(flags: { json: boolean; markdown: boolean; color: boolean }): number {
  if (flags.markdown) {
    process.stdout.write(formatCheckCatalog(CHECKS, FRAMEWORKS, codeLanguages));
    return EXIT.ok;
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(CHECKS.map(describeCheck), null, 2)}\n`);
    return EXIT.ok;
  }
  const paint = paintFor(process.stdout, flags.color);
  const idWidth = Math.max(...CHECKS.map((check) => check.id.length)) + 2;
  const lines = [paint.bold(`${padEnd('ID', idWidth)}${padEnd('SEVERITY', 10)}${padEnd('DOMAIN', 20)}TITLE`)];
  for (const check of CHECKS) {
    lines.push(
      `${padEnd(check.id, idWidth)}${padEnd(check.severity, 10)}${padEnd(DOMAIN_TITLES[check.domain], 20)}${check.title}`,
    );
  }
  lines.push(
    '',
    paint.dim(`${CHECKS.length} checks. \`onus checks --json\` gives full metadata and remediation.`),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
