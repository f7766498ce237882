import type { ReportedSecret } from '../cli/commands/secrets.js';
import type { Finding } from '../core/finding.js';
import type { ScanReport } from '../core/scan.js';
import { summarize } from '../core/summary.js';

/** What to do about any hardcoded secret, whatever its kind. */
const REMEDIATION =
  'Rotate the credential now (revoke it where it was issued and issue a new one): removing it from the file or from history does not un-leak it. Then read it at run time from a secret store (AWS Secrets Manager, SSM Parameter Store SecureString, the CI system’s secrets) instead of writing it in the file.';
const SECRETS_MANAGER_URL = 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html';

/**
 * An `onus secrets` run as the ScanReport the HTML report and the findings store take: each secret a FAIL of
 * its rule (`secret-<rule>`) on the file that holds it, placed at its line, with only the redacted value.
 */
export function secretsAsScanReport(
  secrets: readonly ReportedSecret[],
  run: {
    name: string;
    generatedAt: string;
    tool: { name: string; version: string };
    rules: readonly string[];
  },
): ScanReport {
  const findings = secrets.map(asFinding);
  return {
    tool: run.tool,
    generatedAt: run.generatedAt,
    target: { type: 'secrets', name: run.name },
    collection: {
      // Files are read where they lie; nothing is asked of an AWS account.
      source: 'snapshot',
      startedAt: run.generatedAt,
      finishedAt: run.generatedAt,
      caller: null,
      partition: 'aws',
      regions: [],
      skippedRegions: [],
      kinds: [],
      errors: [],
      tool: run.tool,
    },
    accounts: [],
    regions: [],
    resourceCount: new Set(secrets.map((secret) => secret.path)).size,
    checkIds: run.rules.map((rule) => `secret-${rule}`).sort(),
    findings,
    summary: summarize(findings),
  };
}

function asFinding(secret: ReportedSecret): Finding {
  const where = secret.commit === undefined ? '' : ` (added in commit ${secret.commit.slice(0, 12)})`;
  return {
    checkId: `secret-${secret.ruleId}`,
    status: 'FAIL',
    reason: null,
    message: `${secret.title} in ${secret.path} line ${String(secret.line)}: ${secret.redacted}${where}`,
    evidence: {
      redacted: secret.redacted,
      length: secret.length,
      hash: secret.hash,
      testFixture: secret.testFixture,
      ...(secret.accountId === undefined ? {} : { accountId: secret.accountId }),
      ...(secret.commit === undefined
        ? {}
        : { commit: secret.commit, author: secret.author ?? null, date: secret.date ?? null }),
    },
    resource: {
      kind: 'file',
      id: secret.path,
      name: secret.path,
      arn: null,
      account: '-',
      region: '-',
      location: { file: secret.path, line: secret.line, column: secret.column },
    },
    gap: null,
    // The same secret in the same file keeps its fingerprint when lines move, so runs compare across edits.
    fingerprint: secret.fingerprint,
    title: secret.title,
    severity: secret.severity,
    service: 'secrets',
    domain: 'secrets',
    risk: `A ${secret.title} written into ${secret.path} can be read by anyone who can read the file or its history.`,
    remediation: { text: REMEDIATION, url: SECRETS_MANAGER_URL },
    compliance: [],
  };
}
