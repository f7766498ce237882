import { describe, expect, it } from 'vitest';
import { CHECKS } from '../checks/index.js';
import { configuredChecks, loadConfig, parseConfig } from '../cli/config.js';
import { DEMO_SNAPSHOT } from '../cli/package-info.js';
import { defineCheck } from '../core/check.js';
import type { Finding, Suppression } from '../core/finding.js';
import { fail } from '../core/outcome.js';
import type { ResourceRef } from '../core/resource.js';
import type { Status } from '../core/result.js';
import { scanInventory } from '../core/scan.js';
import { readSnapshotFile } from '../sources/snapshot/read.js';
import { ACCOUNT, inventoryOf, NOW, resource } from '../testing/builders.js';
import { applySuppressions } from './suppressions.js';

const CHECK = 'iam-test-check';

function finding(status: Status, ref: Partial<ResourceRef> = {}, checkId = CHECK): Finding {
  return {
    checkId,
    status,
    reason: status === 'NOT_EVALUATED' ? 'access-denied' : null,
    message: `${status} result`,
    evidence: {},
    resource: {
      kind: 'iam.user',
      id: 'alice',
      name: 'alice',
      arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      account: ACCOUNT,
      region: 'global',
      ...ref,
    },
    gap: null,
    fingerprint: `${checkId}-${ref.id ?? 'alice'}`,
    title: 'test',
    severity: 'high',
    service: 'iam',
    domain: 'identity',
    risk: 'test',
    remediation: { text: 'fix', url: 'https://docs.aws.amazon.com/' },
    compliance: [],
  };
}

let index = 0;
function suppression(
  entry: Omit<Suppression['entry'], 'index' | 'check'> & { check?: string },
  expires: string | null = null,
): Suppression {
  return { reason: 'accepted', expires, entry: { index: index++, check: CHECK, ...entry } };
}

/** The ids of the results muted when `suppressions` apply to `findings` today. */
function mutedIds(findings: Finding[], ...suppressions: Suppression[]): string[] {
  return applySuppressions(findings, suppressions, NOW)
    .findings.filter((f) => f.status === 'MUTED')
    .map((f) => f.resource.id);
}

describe('applySuppressions', () => {
  it('mutes only FAIL results, recording the reason and entry, and leaves the input as it was', () => {
    const findings = (['FAIL', 'PASS', 'NOT_EVALUATED', 'MANUAL'] as const).map((status) =>
      finding(status, { id: status.toLowerCase() }),
    );
    const entry = suppression({}, '2026-12-31');
    const { findings: out } = applySuppressions(findings, [entry], NOW);
    expect(out.map((f) => f.status)).toEqual(['MUTED', 'PASS', 'NOT_EVALUATED', 'MANUAL']);
    expect(out[0]?.suppression).toEqual({ reason: 'accepted', expires: '2026-12-31', entry: entry.entry });
    expect(out.slice(1).every((f) => f.suppression === undefined)).toBe(true);
    expect(findings[0]?.status).toBe('FAIL');
  });

  it('matches the check by id or glob, never by prefix', () => {
    const findings = [
      finding('FAIL', { id: 'a' }, 'iam-user-console-mfa'),
      finding('FAIL', { id: 'b' }, 's3-bucket-versioning'),
      finding('FAIL', { id: 'c' }, 's3-bucket-versioning-extra'),
    ];
    expect(mutedIds(findings, suppression({ check: 's3-*' }))).toEqual(['b', 'c']);
    expect(mutedIds(findings, suppression({ check: 's3-bucket-versioning' }))).toEqual(['b']);
    expect(mutedIds(findings, suppression({ check: 'iam-user-console-mf?' }))).toEqual(['a']);
    expect(mutedIds(findings, suppression({ check: 'iam-user' }))).toEqual([]);
  });

  it('narrows by account and region, with globs', () => {
    const findings = [
      finding('FAIL', { id: 'prod-eu', account: '111122223333', region: 'eu-west-1' }),
      finding('FAIL', { id: 'prod-us', account: '111122223333', region: 'us-east-1' }),
      finding('FAIL', { id: 'dev-eu', account: '444455556666', region: 'eu-central-1' }),
      finding('FAIL', { id: 'dev-global', account: '444455556666', region: 'global' }),
    ];
    expect(mutedIds(findings, suppression({ account: '111122223333' }))).toEqual(['prod-eu', 'prod-us']);
    expect(mutedIds(findings, suppression({ account: '4444*' }))).toEqual(['dev-eu', 'dev-global']);
    expect(mutedIds(findings, suppression({ region: 'eu-*' }))).toEqual(['prod-eu', 'dev-eu']);
    expect(mutedIds(findings, suppression({ region: 'global' }))).toEqual(['dev-global']);
    expect(mutedIds(findings, suppression({ account: '111122223333', region: 'eu-*' }))).toEqual(['prod-eu']);
  });

  it('matches a resource glob against the whole id, name or ARN', () => {
    const trail = finding('FAIL', {
      kind: 'cloudtrail.trail',
      id: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/audit',
      name: 'audit',
      arn: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/audit',
    });
    const sg = finding('FAIL', { id: 'sg-0abc', name: 'legacy-allow-all', arn: null });
    const findings = [trail, sg];
    expect(mutedIds(findings, suppression({ resource: 'audit' }))).toEqual([trail.resource.id]);
    expect(mutedIds(findings, suppression({ resource: 'legacy-*' }))).toEqual(['sg-0abc']);
    expect(mutedIds(findings, suppression({ resource: 'sg-0abc' }))).toEqual(['sg-0abc']);
    expect(mutedIds(findings, suppression({ resource: 'arn:aws:cloudtrail:*:trail/*' }))).toEqual([
      trail.resource.id,
    ]);
    // A glob is anchored: part of a name is not enough.
    expect(mutedIds(findings, suppression({ resource: 'legacy' }))).toEqual([]);
  });

  it('treats /.../ as a regular expression found anywhere, and /.../i as case-insensitive', () => {
    const findings = [
      finding('FAIL', { id: 'prod-db', name: 'prod-db' }),
      finding('FAIL', { id: 'PROD-cache', name: 'PROD-cache' }),
      finding('FAIL', { id: 'staging-prod-copy', name: 'staging-prod-copy' }),
    ];
    expect(mutedIds(findings, suppression({ resource: '/^prod-/' }))).toEqual(['prod-db']);
    expect(mutedIds(findings, suppression({ resource: '/^prod-/i' }))).toEqual(['prod-db', 'PROD-cache']);
    expect(mutedIds(findings, suppression({ resource: '/prod/' }))).toEqual(['prod-db', 'staging-prod-copy']);
  });

  it('needs every tag to be on the resource with a matching value; accounts and regions have no tags', () => {
    const findings = [
      finding('FAIL', { id: 'web', tags: { env: 'prod', team: 'web' } }),
      finding('FAIL', { id: 'batch', tags: { env: 'prod-eu', team: 'data' } }),
      finding('FAIL', { id: 'bare' }),
      finding('FAIL', { kind: 'aws.account', id: ACCOUNT, name: ACCOUNT, arn: null }),
    ];
    expect(mutedIds(findings, suppression({ tags: { env: 'prod' } }))).toEqual(['web']);
    expect(mutedIds(findings, suppression({ tags: { env: 'prod*' } }))).toEqual(['web', 'batch']);
    expect(mutedIds(findings, suppression({ tags: { env: 'prod*', team: 'data' } }))).toEqual(['batch']);
    expect(mutedIds(findings, suppression({ tags: { owner: '*' } }))).toEqual([]);
  });

  it('mutes up to the day before `expires` (UTC) and warns from that day on', () => {
    const findings = [finding('FAIL')];
    const entry: Suppression = {
      reason: 'accepted',
      expires: '2026-10-01',
      entry: { index: 1, check: 'iam-user-console-mfa' },
    };
    const at = (time: string) =>
      applySuppressions(
        [finding('FAIL', {}, 'iam-user-console-mfa')],
        [entry],
        new Date(time),
        'onus.config.yaml',
      );
    expect(at('2026-09-30T23:59:59Z').findings[0]?.status).toBe('MUTED');
    expect(at('2026-09-30T23:59:59Z').warnings).toEqual([]);
    const expired = at('2026-10-01T00:00:00Z');
    expect(expired.findings[0]?.status).toBe('FAIL');
    expect(expired.warnings).toEqual([
      'onus.config.yaml: suppressions[1] (check iam-user-console-mfa) expired on 2026-10-01; it no longer mutes',
    ]);
    expect(applySuppressions(findings, [entry], new Date('2027-01-01T00:00:00Z')).warnings).toHaveLength(1);
  });

  it('records the first matching entry in file order', () => {
    const broad = suppression({ check: 'iam-*' });
    const narrow = suppression({ resource: 'alice' });
    const [muted] = applySuppressions([finding('FAIL')], [broad, narrow], NOW).findings;
    expect(muted?.suppression?.entry.index).toBe(broad.entry.index);
  });

  it('notes an active entry that muted nothing, only when a check it names was run', () => {
    const findings = [finding('PASS', { id: 'alice' }), finding('FAIL', { id: 'bob' }, 'kms-test-check')];
    const stale = { ...suppression({}), entry: { index: 0, check: CHECK } };
    const elsewhere = { ...suppression({}), entry: { index: 1, check: 's3-*' } };
    const used = { ...suppression({}), entry: { index: 2, check: 'kms-test-check' } };
    expect(applySuppressions(findings, [stale, elsewhere, used], NOW, 'team.yaml').notes).toEqual([
      `team.yaml: suppressions[0] (check ${CHECK}) muted nothing: no failing result matches it`,
    ]);
  });

  it('mutes by the tags of the resource a check evaluated', () => {
    const check = defineCheck({
      id: 'iam-test-always-fails',
      title: 'test',
      description: 'test',
      risk: 'test',
      remediation: { text: 'fix', url: 'https://docs.aws.amazon.com/' },
      severity: 'high',
      service: 'iam',
      domain: 'identity',
      kind: 'iam.role',
      scope: 'resource',
      reads: [],
      evaluate: () => fail('always'),
    });
    const role = (name: string, tags: Record<string, string>) =>
      resource('iam.role', name, { name } as never, { tags });
    const report = scanInventory(
      inventoryOf([role('ci-deployer', { purpose: 'ci' }), role('admin', {})]),
      [check],
      {
        now: NOW,
        generatedAt: NOW,
        tool: { name: 'onus', version: 'test' },
        target: { type: 'demo', name: 'x' },
      },
    );
    const entry = suppression({ check: check.id, tags: { purpose: 'ci' } });
    expect(mutedIds(report.findings, entry)).toEqual(['ci-deployer']);
  });
});

describe('suppressions in onus.config.yaml', () => {
  const parse = (yaml: string) => parseConfig(yaml, 'onus.config.yaml', CHECKS).suppressions;
  const problem = (yaml: string): string => {
    try {
      parse(yaml);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the config to be rejected');
  };

  it('reads every key, keeping only those given', () => {
    expect(
      parse(
        [
          'suppressions:',
          '  - check: iam-user-console-mfa',
          '    reason: break-glass user, MFA in the safe',
          '  - check: "s3-*"',
          '    account: "012345678901"',
          '    region: "eu-*"',
          '    resource: /^public-/i',
          '    tags: { exposure: public }',
          '    reason: public website buckets',
          '    expires: 2026-10-01',
        ].join('\n'),
      ),
    ).toEqual([
      {
        reason: 'break-glass user, MFA in the safe',
        expires: null,
        entry: { index: 0, check: 'iam-user-console-mfa' },
      },
      {
        reason: 'public website buckets',
        expires: '2026-10-01',
        entry: {
          index: 1,
          check: 's3-*',
          account: '012345678901',
          region: 'eu-*',
          resource: '/^public-/i',
          tags: { exposure: 'public' },
        },
      },
    ]);
  });

  it('accepts an unquoted 12-digit account, and refuses one YAML shortened by dropping leading zeros', () => {
    const entry = (account: string) =>
      `suppressions:\n  - check: iam-user-console-mfa\n    account: ${account}\n    reason: r\n`;
    expect(parse(entry('123456789012'))[0]?.entry.account).toBe('123456789012');
    expect(problem(entry('012345678901'))).toBe(
      'onus.config.yaml: suppressions[0].account: expected a 12-digit account id or a pattern like "1234*" (quote ids with leading zeros), got 12345678901',
    );
  });

  it.each([
    ['  - check: iam-user-console-mfa\n', 'suppressions[0].reason: required'],
    [
      '  - check: iam-user-console-mfa\n    reason: "  "\n',
      'suppressions[0].reason: must not be empty, got "  "',
    ],
    ['  - reason: r\n', 'suppressions[0].check: required'],
    [
      '  - check: iam-usr-*\n    reason: r\n',
      "suppressions[0].check: 'iam-usr-*' matches no check (see `onus checks`)",
    ],
    [
      '  - check: iam-user-console-mfa\n    reason: r\n    resource: "/(prod/"\n',
      'suppressions[0].resource: not a valid regular expression (Unterminated group), got "/(prod/"',
    ],
    [
      '  - check: iam-user-console-mfa\n    reason: r\n    expires: 2026-02-30\n',
      'suppressions[0].expires: expected a date like 2026-10-01, got "2026-02-30"',
    ],
    [
      '  - check: iam-user-console-mfa\n    reason: r\n    region: eu-wset\n',
      'suppressions[0].region: expected a region, "global" or a pattern like "eu-*", got "eu-wset"',
    ],
    [
      '  - check: iam-user-console-mfa\n    reason: r\n    tags: { tier: 1 }\n',
      'suppressions[0].tags.tier: expected a string (quote values YAML reads as numbers or booleans), got 1',
    ],
    [
      '  - check: iam-user-console-mfa\n    reason: r\n    resorce: x\n',
      'suppressions[0]: unknown key resorce',
    ],
    [
      '  - iam-user-console-mfa\n',
      'suppressions[0]: expected a mapping with at least check and reason, got "iam-user-console-mfa"',
    ],
  ])('rejects %j with one line naming the entry and key', (entries, message) => {
    expect(problem(`suppressions:\n${entries}`)).toBe(`onus.config.yaml: ${message}`);
  });
});

describe('the suppressions in examples/onus.config.yaml', () => {
  it('mute what their comments say in the demo account, until they expire', async () => {
    const config = loadConfig(
      { config: 'examples/onus.config.yaml' },
      CHECKS,
      new URL('../..', import.meta.url).pathname,
    );
    const loaded = await readSnapshotFile(DEMO_SNAPSHOT);
    if (!loaded.ok) throw new Error(loaded.error);
    const { findings } = scanInventory(loaded.inventory, configuredChecks(config, CHECKS), {
      now: NOW,
      generatedAt: NOW,
      tool: { name: 'onus', version: 'test' },
      target: { type: 'demo', name: 'demo' },
    });
    const muted = (now: Date) =>
      applySuppressions(findings, config.suppressions, now)
        .findings.filter((f) => f.status === 'MUTED')
        .map((f) => `${f.checkId} ${f.resource.name}`);
    expect(muted(NOW)).toEqual(['ec2-image-not-public bastion-base']);
    expect(muted(new Date('2027-03-31T00:00:00Z'))).toEqual([]);
  });
});
