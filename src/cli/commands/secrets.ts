import { readFileSync, writeFileSync } from 'node:fs';

import { formatHtmlReport } from '../../formats/html-report.js';
import { secretsAsScanReport } from '../../formats/secrets-scan-report.js';
import { alignedColumns, csvDocument } from '../../formats/text.js';
import { findingsIn, sourceFiles, type WalkProblem } from '../../secrets/files.js';
import { GitError, scanGitHistory, type CommitInfo } from '../../secrets/git.js';
import { SECRET_RULES } from '../../secrets/rules/index.js';
import type { Finding } from '../../secrets/scan.js';
import { deliver } from '../output.js';
import { EXIT, UserError } from '../errors.js';
import { VERSION } from '../package-info.js';
import { Messages } from '../terminal.js';

export const SECRETS_FORMATS = ['table', 'json', 'sarif', 'csv', 'html'] as const;
export type SecretsFormat = (typeof SECRETS_FORMATS)[number];

export interface SecretsFlags {
  format: SecretsFormat;
  output?: string;
  include?: string[];
  exclude?: string[];
  baseline?: string;
  writeBaseline?: string;
  gitignore: boolean;
  /** Scan the history of the repositories at PATH through `git log -p` instead of their files. */
  git?: boolean;
  /** With --git: only this revision range (`origin/main..HEAD`). */
  gitRange?: string;
  /** Record the run in this findings store (opt-in: secrets scans often run in hooks, where a store is litter). */
  store?: string;
  quiet: boolean;
}

/** A finding as every format reports it: where, which rule, the redacted value; never the secret. */
export interface ReportedSecret {
  path: string;
  line: number;
  column: number;
  ruleId: string;
  title: string;
  severity: Finding['severity'];
  redacted: string;
  length: number;
  hash: string;
  fingerprint: string;
  accountId?: string;
  testFixture: boolean;
  /** Set for findings in git history (--git): the commit that added the line, its author and date. */
  commit?: string;
  author?: string;
  date?: string;
}

const RULE_IDS = new Set(SECRET_RULES.map((rule) => rule.id));

/** `onus:ignore` mutes every finding on its line; `onus:ignore <rule-id>` only that rule's. */
export function inlineIgnored(lines: readonly string[], finding: Finding): boolean {
  return inlineIgnoredLine(lines[finding.line - 1] ?? '', finding);
}

function inlineIgnoredLine(line: string, finding: Finding): boolean {
  const marker = /onus:ignore(?:[ \t]+([A-Za-z0-9_-]+))?/.exec(line);
  if (!marker) return false;
  const rule = marker[1];
  return rule === undefined || !RULE_IDS.has(rule) || rule === finding.ruleId;
}

function report(finding: Finding, path: string, commit?: CommitInfo): ReportedSecret {
  const reported: ReportedSecret = {
    path,
    line: finding.line,
    column: finding.column,
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    redacted: finding.redacted,
    length: finding.length,
    hash: finding.hash,
    fingerprint: finding.fingerprint,
    testFixture: finding.testFixture,
  };
  if (finding.accountId !== undefined) reported.accountId = finding.accountId;
  if (commit !== undefined) {
    reported.commit = commit.commit;
    reported.author = commit.author;
    reported.date = commit.date;
  }
  return reported;
}

/** A baseline: `{ "fingerprints": [...] }` (what --write-baseline writes) or a bare array of fingerprints. */
function readBaseline(file: string): Set<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'not JSON' : ((error as NodeJS.ErrnoException).code ?? '');
    throw new UserError(`--baseline ${file}: cannot read (${reason})`);
  }
  const list = Array.isArray(parsed)
    ? (parsed as unknown[])
    : (parsed as { fingerprints?: unknown } | null)?.fingerprints;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    throw new UserError(`--baseline ${file}: expected {"fingerprints": ["rule:path:hash", ...]}`);
  }
  return new Set(list);
}

/**
 * `onus secrets PATH...`: scans files, directories (honouring .gitignore) and stdin (`-`) for hardcoded
 * secrets and reports each with its file, line and column and a redacted value. Exit 2 when some input could not
 * be read (after reporting the rest), 3 when findings remain after inline ignores and the baseline, else 0.
 */
export async function secrets(paths: string[], flags: SecretsFlags): Promise<number> {
  const messages = new Messages(flags.quiet);
  if (flags.git === true && paths.length === 0) paths = ['.'];
  if (flags.git === true && paths.includes('-'))
    throw new UserError('onus secrets --git: give repositories, not -');
  if (flags.git !== true && flags.gitRange !== undefined) throw new UserError('--git-range needs --git');
  if (paths.length === 0) throw new UserError('onus secrets: give at least one file, directory or -');
  const baseline = flags.baseline === undefined ? new Set<string>() : readBaseline(flags.baseline);

  const problems: WalkProblem[] = [];
  const found: ReportedSecret[] = [];
  let files = 0;
  let muted = 0;
  let scanned: string;
  if (flags.git === true) {
    let commits = 0;
    for (const repository of paths) {
      let history;
      try {
        history = await scanGitHistory(
          repository,
          flags.gitRange === undefined ? {} : { range: flags.gitRange },
        );
      } catch (error) {
        if (!(error instanceof GitError)) throw error;
        problems.push({ path: repository, message: error.message, severity: 'error' });
        continue;
      }
      commits += history.commits;
      for (const finding of history.findings) {
        if (inlineIgnoredLine(finding.lineText, finding)) muted++;
        else found.push(report(finding, finding.path, finding));
      }
    }
    scanned = `${String(commits)} commit${commits === 1 ? '' : 's'}`;
  } else {
    for (const file of sourceFiles(paths, problems, {
      gitignore: flags.gitignore,
      include: flags.include ?? [],
      exclude: flags.exclude ?? [],
    })) {
      if (file.window === undefined || file.window.firstLine === 1) files++;
      const findings = findingsIn(file);
      if (findings.length === 0) continue;
      const lines = file.text.split('\n');
      const firstLine = file.window?.firstLine ?? 1;
      for (const finding of findings) {
        if (inlineIgnoredLine(lines[finding.line - firstLine] ?? '', finding)) muted++;
        else found.push(report(finding, file.path));
      }
    }
    scanned = `${String(files)} file${files === 1 ? '' : 's'}`;
  }
  for (const problem of problems) {
    const line = `${problem.path}: ${problem.message}`;
    if (problem.severity === 'error') messages.error(line);
    else messages.warn(line);
  }

  if (flags.writeBaseline !== undefined) {
    const fingerprints = [...new Set([...baseline, ...found.map((finding) => finding.fingerprint)])].sort();
    try {
      writeFileSync(flags.writeBaseline, `${JSON.stringify({ version: 1, fingerprints }, null, 2)}\n`);
    } catch (error) {
      throw new UserError(
        `--write-baseline: cannot write ${flags.writeBaseline}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
    messages.info(`wrote ${String(fingerprints.length)} fingerprint(s) to ${flags.writeBaseline}`);
    for (const finding of found) baseline.add(finding.fingerprint);
  }
  const remaining = found.filter((finding) => !baseline.has(finding.fingerprint));
  const inBaseline = found.length - remaining.length;
  messages.info(
    `scanned ${scanned}: ${String(remaining.length)} secret(s)` +
      (muted > 0 ? `, ${String(muted)} ignored inline` : '') +
      (inBaseline > 0 ? `, ${String(inBaseline)} in the baseline` : ''),
  );

  const asReport = () =>
    secretsAsScanReport(remaining, {
      name: (flags.git === true ? ['--git', ...paths] : paths).join(' '),
      generatedAt: new Date().toISOString(),
      tool: { name: 'onus', version: VERSION },
      rules: [...RULE_IDS],
    });
  const text =
    flags.format === 'html'
      ? formatHtmlReport({ report: asReport(), map: null, compliance: [] })
      : render(remaining, flags.format);
  if (await deliver(text, flags.output)) {
    messages.info(`wrote ${flags.format} report to ${flags.output ?? ''}`);
  }
  if (flags.store !== undefined) {
    const { record } = await import('./history.js');
    await record('secrets', asReport(), flags.store, messages);
  }
  if (problems.some((problem) => problem.severity === 'error')) {
    messages.info('some input could not be read (see above): exit code 2');
    return EXIT.badInput;
  }
  if (remaining.length > 0) {
    messages.info(`${String(remaining.length)} secret(s) found: exit code 3`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

export function render(findings: readonly ReportedSecret[], format: Exclude<SecretsFormat, 'html'>): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ tool: { name: 'onus', version: VERSION }, findings }, null, 2)}\n`;
    case 'csv':
      return csvDocument([
        [
          'path',
          'line',
          'column',
          'rule_id',
          'title',
          'severity',
          'redacted',
          'hash',
          'fingerprint',
          'account_id',
          'test_fixture',
          'commit',
          'author',
          'date',
        ],
        ...findings.map((finding) => [
          finding.path,
          finding.line,
          finding.column,
          finding.ruleId,
          finding.title,
          finding.severity,
          finding.redacted,
          finding.hash,
          finding.fingerprint,
          finding.accountId ?? '',
          finding.testFixture ? 'yes' : 'no',
          finding.commit ?? '',
          finding.author ?? '',
          finding.date ?? '',
        ]),
      ]);
    case 'sarif':
      return formatSecretsSarif(findings);
    case 'table':
      return table(findings);
  }
}

function table(findings: readonly ReportedSecret[]): string {
  if (findings.length === 0) return 'no secrets found\n';
  const rows = findings.map((finding) => [
    (finding.commit === undefined ? '' : `${finding.commit.slice(0, 10)} `) +
      `${finding.path}:${String(finding.line)}:${String(finding.column)}`,
    finding.ruleId,
    finding.redacted + (finding.testFixture ? '  (test fixture)' : ''),
  ]);
  return alignedColumns([['LOCATION', 'RULE', 'VALUE (REDACTED)'], ...rows]);
}

const SARIF_LEVEL: Record<Finding['severity'], string> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};
/** GitHub's `security-severity` scale (critical over 9.0, high 7.0 to 8.9...). */
const SECURITY_SEVERITY: Record<Finding['severity'], string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};

function artifactUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0 for GitHub code scanning: one result per finding, at its file, line and column. */
export function formatSecretsSarif(findings: readonly ReportedSecret[]): string {
  const rules: Record<string, unknown>[] = [];
  const ruleIndex = new Map<string, number>();
  const results = findings.map((finding) => {
    let index = ruleIndex.get(finding.ruleId);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(finding.ruleId, index);
      rules.push({
        id: finding.ruleId,
        name: finding.ruleId,
        shortDescription: { text: finding.title },
        defaultConfiguration: { level: SARIF_LEVEL[finding.severity] },
        properties: {
          tags: ['security', 'secret'],
          'security-severity': SECURITY_SEVERITY[finding.severity],
        },
      });
    }
    return {
      ruleId: finding.ruleId,
      ruleIndex: index,
      level: SARIF_LEVEL[finding.severity],
      message: {
        text:
          `${finding.title}: ${finding.redacted}${finding.testFixture ? ' (in a test fixture)' : ''}` +
          (finding.commit === undefined
            ? ''
            : ` (added in commit ${finding.commit.slice(0, 12)} on ${finding.date ?? ''})`),
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(finding.path), uriBaseId: '%SRCROOT%' },
            region: { startLine: finding.line, startColumn: finding.column },
          },
        },
      ],
      partialFingerprints: { 'onusSecret/v1': finding.fingerprint },
      properties: {
        severity: finding.severity,
        testFixture: finding.testFixture,
        ...(finding.commit === undefined
          ? {}
          : { commit: finding.commit, author: finding.author, date: finding.date }),
      },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'onus', version: VERSION, semanticVersion: VERSION, rules } },
        automationDetails: { id: 'onus/secrets/' },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
