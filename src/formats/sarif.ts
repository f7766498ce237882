import type { Finding } from '../core/finding.js';
import type { ScanReport } from '../core/scan.js';
import { severityRank, type Severity } from '../core/severity.js';
import { complianceRefsOf, refLabel } from './compliance-refs.js';

/** GitHub code scanning keeps at most this many results per run (and shows the 5,000 most severe). */
export const GITHUB_MAX_RESULTS_PER_RUN = 25_000;

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub maps `security-severity` to its labels: > 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, <= 3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

/**
 * Where a live resource "is": live resources have no file, and GitHub accepts only repository-relative paths,
 * so the path names the resource (`aws/<account>/<region>/<kind>/<id>`). It is the same for every scan of the
 * same resource, which keeps GitHub's alerts stable across runs.
 */
export function resourcePath(finding: Finding): string {
  const { account, region, kind, id } = finding.resource;
  return ['aws', account, region, kind, id].map(encodeURIComponent).join('/');
}

function rule(finding: Finding): Record<string, unknown> {
  const { remediation } = finding;
  const refs = complianceRefsOf(finding).map(refLabel);
  const steps = [remediation.text, ...(remediation.cli ? [`AWS CLI: ${remediation.cli}`] : [])];
  const markdown = [
    remediation.text,
    ...(remediation.cli ? ['', '```sh', remediation.cli, '```'] : []),
    '',
    `[AWS documentation](${remediation.url})`,
    ...(refs.length > 0 ? ['', `Frameworks: ${refs.join('; ')}`] : []),
  ].join('\n');
  return {
    id: finding.checkId,
    name: finding.checkId,
    shortDescription: { text: finding.title },
    fullDescription: { text: finding.risk },
    helpUri: remediation.url,
    help: { text: [...steps, `See ${remediation.url}`].join('\n'), markdown },
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: {
      tags: ['security', finding.service, finding.domain],
      precision: 'high',
      'problem.severity':
        finding.severity === 'critical' || finding.severity === 'high' ? 'error' : 'warning',
      'security-severity': SECURITY_SEVERITY[finding.severity],
    },
  };
}

function result(finding: Finding, ruleIndex: number): Record<string, unknown> {
  const { resource } = finding;
  const written = resource.location;
  return {
    ruleId: finding.checkId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: {
      text: written
        ? `${finding.message} (${resource.name})`
        : `${finding.message} (${resource.name}, ${resource.account} ${resource.region})`,
    },
    locations: [
      {
        // Code: the file (repository-relative, forward slashes) and the line that decided the result.
        physicalLocation: written
          ? {
              artifactLocation: { uri: written.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
              region: { startLine: written.line, startColumn: written.column },
            }
          : { artifactLocation: { uri: resourcePath(finding) }, region: { startLine: 1 } },
        logicalLocations: [
          {
            name: resource.name,
            fullyQualifiedName:
              resource.arn ?? `${resource.account}/${resource.region}/${resource.kind}/${resource.id}`,
            kind: 'resource',
          },
        ],
      },
    ],
    partialFingerprints: { 'onusFingerprint/v1': finding.fingerprint },
    ...(finding.status === 'MUTED'
      ? {
          suppressions: [
            {
              kind: finding.suppression?.inline ? 'inSource' : 'external',
              state: 'accepted',
              justification: finding.suppression?.reason ?? finding.message,
            },
          ],
        }
      : {}),
    properties: { severity: finding.severity, status: finding.status },
  };
}

/**
 * A SARIF 2.1.0 log for GitHub code scanning: one result per failed check x resource, muted ones with an
 * accepted suppression. Passing and unevaluated results are not alerts and are left out (the JSON and OCSF
 * formats carry them). Past GitHub's 25,000 results per run, the most severe are kept and a notification
 * says how many were left out.
 */
export function formatSarif(report: ScanReport): string {
  const alerts = report.findings
    .filter((finding) => finding.status === 'FAIL' || finding.status === 'MUTED')
    .sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        a.checkId.localeCompare(b.checkId) ||
        a.fingerprint.localeCompare(b.fingerprint),
    );
  const kept = alerts.slice(0, GITHUB_MAX_RESULTS_PER_RUN);
  const left = alerts.length - kept.length;
  const rules: Record<string, unknown>[] = [];
  const ruleIndex = new Map<string, number>();
  const results = kept.map((finding) => {
    let index = ruleIndex.get(finding.checkId);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(finding.checkId, index);
      rules.push(rule(finding));
    }
    return result(finding, index);
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules,
          },
        },
        automationDetails: { id: `${report.tool.name}/aws-posture/` },
        invocations: [
          {
            executionSuccessful: true,
            endTimeUtc: report.generatedAt,
            ...(left > 0
              ? {
                  toolExecutionNotifications: [
                    {
                      level: 'warning',
                      message: {
                        text: `${left} less severe result(s) left out: GitHub keeps at most ${GITHUB_MAX_RESULTS_PER_RUN} per run`,
                      },
                    },
                  ],
                }
              : {}),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
