import type { ItemStatus, MappedItem, MappedService, ResponsibilityMap } from '../responsibility/map.js';
import { NO_COLOURS, padEnd, type Paint } from './ansi.js';
import { csvDocument, markdownCell } from './text.js';

/**
 * The responsibility map as a person reads it (terminal, Markdown) and as a spreadsheet reads it (CSV, a
 * CSA-CCM-style matrix). Pure functions of the map; the OSCAL form is in map-oscal.ts, and `onus map --format
 * html` writes the HTML report opening on its map view (html-report.ts).
 */

const LABEL: Record<ItemStatus, string> = {
  'not-met': 'NOT MET',
  unknown: 'NOT EVAL',
  partial: 'PARTIAL',
  manual: 'MANUAL',
  met: 'MET',
  inherited: 'AWS',
};

/** CSA CCM v4 SSRM ownership, as CAIQ answers carry it. */
const CCM_OWNERSHIP: Record<MappedItem['owner'], string> = {
  aws: 'CSP-owned',
  shared: 'Shared CSP and CSC',
  customer: 'CSC-owned',
};

const OWNER_LABEL: Record<MappedItem['owner'], string> = { aws: 'AWS', shared: 'shared', customer: 'you' };

function colourOf(paint: Paint, status: ItemStatus): (text: string) => string {
  switch (status) {
    case 'not-met':
      return paint.red;
    case 'unknown':
      return paint.yellow;
    case 'met':
      return paint.green;
    case 'partial':
      return paint.cyan;
    default:
      return paint.dim;
  }
}

function where(service: MappedService): string {
  const parts: string[] = [];
  if (service.resourceCount > 0)
    parts.push(`${service.resourceCount} resource${service.resourceCount === 1 ? '' : 's'}`);
  else if (service.everyAccount) parts.push('account-wide duty');
  parts.push(`${service.accounts.length} account${service.accounts.length === 1 ? '' : 's'}`);
  if (service.regions.length > 0)
    parts.push(`${service.regions.length} region${service.regions.length === 1 ? '' : 's'}`);
  return parts.join(', ');
}

function yoursLine(service: MappedService): string {
  const { yours } = service;
  return `met ${yours.met} · not met ${yours.notMet} · not evaluated ${yours.unknown} · partial ${yours.partial} · manual ${yours.manual}`;
}

/**
 * Per service: AWS | shared | you, the customer's statuses, then the customer's items worst first (the AWS items
 * summed up on one line: they need no action, only evidence from AWS Artifact).
 */
export function formatMapTable(map: ResponsibilityMap, paint: Paint = NO_COLOURS): string {
  const lines = [
    `${paint.bold('Responsibility map')} · ${map.target.type} ${map.target.name}`,
    map.summary,
    '',
  ];
  for (const service of map.services) {
    lines.push(
      `${paint.bold(service.name)} (${service.category}) · ${where(service)}`,
      `  AWS ${service.owners.aws} · shared ${service.owners.shared} · you ${service.owners.customer}    ${yoursLine(service)}`,
    );
    for (const variant of service.variants)
      lines.push(paint.dim(`  variant: ${variant.title} (${variant.resources} resources)`));
    for (const item of service.items) {
      if (item.owner === 'aws') continue;
      const label = colourOf(paint, item.status)(padEnd(LABEL[item.status], 9));
      lines.push(`  ${label} ${padEnd(OWNER_LABEL[item.owner], 7)} ${item.title}`);
      if (item.status !== 'met') lines.push(`  ${' '.repeat(18)}${paint.dim(item.why)}`);
    }
    const aws = service.items.filter((item) => item.owner === 'aws').map((item) => item.title);
    if (aws.length > 0) lines.push(paint.dim(`  AWS covers: ${aws.join('; ')}`));
    lines.push('');
  }
  lines.push(
    paint.dim(
      `Evidence for AWS's part: AWS Artifact (https://aws.amazon.com/artifact/). Catalog ${map.catalogVersion}.`,
    ),
  );
  return `${lines.join('\n')}\n`;
}

export function formatMapJson(map: ResponsibilityMap): string {
  return `${JSON.stringify(map, null, 2)}\n`;
}

/** A summary and one table per service, for pull requests, tickets and wikis. */
export function formatMapMarkdown(map: ResponsibilityMap): string {
  const lines = [
    `## Responsibility map: ${markdownCell(map.target.name)}`,
    '',
    markdownCell(map.summary),
    '',
  ];
  lines.push(
    '| Service | Category | AWS | Shared | You | Met | Not met | Not evaluated | Partial | Manual |',
  );
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of map.services) {
    lines.push(
      `| ${markdownCell(s.name)} | ${s.category} | ${s.owners.aws} | ${s.owners.shared} | ${s.owners.customer} | ${s.yours.met} | ${s.yours.notMet} | ${s.yours.unknown} | ${s.yours.partial} | ${s.yours.manual} |`,
    );
  }
  for (const service of map.services) {
    lines.push('', `### ${markdownCell(service.name)}`, '', markdownCell(where(service)), '');
    lines.push('| Item | Owner | Status | Why |', '|---|---|---|---|');
    for (const item of service.items) {
      lines.push(
        `| ${markdownCell(item.title)} | ${OWNER_LABEL[item.owner]} | ${LABEL[item.status]} | ${markdownCell(item.owner === 'aws' ? 'Evidence: AWS Artifact' : item.why)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A CSA-CCM-style matrix: one row per service and item, with CSP-owned / CSC-owned / shared ownership. */
export function formatMapCsv(map: ResponsibilityMap): string {
  const rows: (string | number)[][] = [
    [
      'service',
      'service_name',
      'category',
      'responsibility',
      'title',
      'owner',
      'ccm_ownership',
      'control_class',
      'domain',
      'verifiability',
      'status',
      'why',
      'checks',
      'aws_part',
      'customer_part',
      'accounts',
      'source',
    ],
  ];
  for (const service of map.services) {
    for (const item of service.items) {
      rows.push([
        service.id,
        service.name,
        service.category,
        item.id,
        item.title,
        item.owner,
        CCM_OWNERSHIP[item.owner],
        item.class,
        item.domain,
        item.verifiability,
        item.status,
        item.why,
        item.checks.map((check) => check.checkId).join(' '),
        item.awsPart ?? '',
        item.customerPart ?? '',
        service.accounts.join(' '),
        item.source,
      ]);
    }
  }
  return csvDocument(rows);
}
