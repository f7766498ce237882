import { describe, expect, it } from 'vitest';
import { fingerprintOf, type Finding } from '../core/finding.js';
import type { Status } from '../core/result.js';
import { covers, diffRuns, sameScope, type RunDiff, type RunWithFindings } from './diff.js';
import type { RunRecord, RunScope } from './store/types.js';

const ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '444455556666';

function finding(
  checkId: string,
  status: Status,
  resource = 'bucket-a',
  region = 'eu-west-1',
  account = ACCOUNT,
): Finding {
  return {
    checkId,
    status,
    reason: status === 'NOT_EVALUATED' ? 'access-denied' : null,
    message: `${checkId} ${status}`,
    evidence: {},
    resource: { kind: 's3.bucket', id: resource, name: resource, arn: null, account, region },
    gap: null,
    fingerprint: fingerprintOf(checkId, account, region, resource),
    title: checkId,
    severity: 'high',
    service: 's3',
    domain: 'data',
    risk: 'risk',
    remediation: { text: 'fix it', url: 'https://docs.aws.amazon.com/' },
    compliance: [],
  };
}

function run(findings: Finding[], scope: Partial<RunScope> = {}, id = 'run'): RunWithFindings {
  const record: RunRecord = {
    id,
    kind: 'scan',
    startedAt: '2026-06-01T12:00:00.000Z',
    finishedAt: '2026-06-01T12:00:00.000Z',
    target: { type: 'snapshot', name: 'inventory.json' },
    toolVersion: 'test',
    scope: {
      accounts: [ACCOUNT],
      regions: ['eu-west-1', 'us-east-1'],
      checkIds: ['s3-a', 's3-b'],
      ...scope,
    },
    counts: {},
  };
  return { run: record, findings };
}

/** Each bucket of the diff as `checkId resource before->after`, so a wrong bucket shows in the message. */
function buckets(diff: RunDiff): Record<keyof RunDiff, string[]> {
  const show = (entries: RunDiff['new']) =>
    entries.map(
      (entry) =>
        `${entry.finding.checkId} ${entry.finding.resource.id} ${entry.before ?? '-'}->${entry.after ?? '-'}`,
    );
  return {
    new: show(diff.new),
    resolved: show(diff.resolved),
    stillFailing: show(diff.stillFailing),
    muted: show(diff.muted),
    notRechecked: show(diff.notRechecked),
  };
}

const NONE = { new: [], resolved: [], stillFailing: [], muted: [], notRechecked: [] };

describe('diffRuns', () => {
  it('a finding failing in both runs is still failing', () => {
    const diff = diffRuns(run([finding('s3-a', 'FAIL')]), run([finding('s3-a', 'FAIL')]));
    expect(buckets(diff)).toEqual({ ...NONE, stillFailing: ['s3-a bucket-a FAIL->FAIL'] });
  });

  it('a finding failing in A and passing in B is resolved', () => {
    const diff = diffRuns(run([finding('s3-a', 'FAIL')]), run([finding('s3-a', 'PASS')]));
    expect(buckets(diff)).toEqual({ ...NONE, resolved: ['s3-a bucket-a FAIL->PASS'] });
    expect(diff.resolved[0]?.finding.status).toBe('PASS');
  });

  it('a finding failing in A and gone from B, inside B scope, is resolved (the resource was deleted)', () => {
    const diff = diffRuns(run([finding('s3-a', 'FAIL')]), run([finding('s3-b', 'PASS')]));
    expect(buckets(diff)).toEqual({ ...NONE, resolved: ['s3-a bucket-a FAIL->-'] });
  });

  it('a finding failing in B and absent, passing or not evaluated in A is new', () => {
    const diff = diffRuns(
      run([finding('s3-b', 'PASS'), finding('s3-a', 'NOT_EVALUATED', 'bucket-c')]),
      run([finding('s3-a', 'FAIL'), finding('s3-b', 'FAIL'), finding('s3-a', 'FAIL', 'bucket-c')]),
    );
    expect(buckets(diff)).toEqual({
      ...NONE,
      new: ['s3-a bucket-a -->FAIL', 's3-b bucket-a PASS->FAIL', 's3-a bucket-c NOT_EVALUATED->FAIL'],
    });
  });

  it('a muted finding is not failing: muted in B is listed apart, muted in A then failing is new', () => {
    const diff = diffRuns(
      run([finding('s3-a', 'FAIL'), finding('s3-b', 'MUTED')]),
      run([finding('s3-a', 'MUTED'), finding('s3-b', 'FAIL')]),
    );
    expect(buckets(diff)).toEqual({
      ...NONE,
      muted: ['s3-a bucket-a FAIL->MUTED'],
      new: ['s3-b bucket-a MUTED->FAIL'],
    });
  });

  it('a finding B could not evaluate, or that needs a person, is not re-checked, never resolved', () => {
    const diff = diffRuns(
      run([finding('s3-a', 'FAIL'), finding('s3-b', 'FAIL')]),
      run([finding('s3-a', 'NOT_EVALUATED'), finding('s3-b', 'MANUAL')]),
    );
    expect(buckets(diff)).toEqual({
      ...NONE,
      notRechecked: ['s3-a bucket-a FAIL->NOT_EVALUATED', 's3-b bucket-a FAIL->MANUAL'],
    });
  });

  it('a finding of a check B did not run is not re-checked', () => {
    const diff = diffRuns(
      run([finding('s3-a', 'FAIL'), finding('s3-b', 'FAIL')]),
      run([finding('s3-a', 'FAIL')], { checkIds: ['s3-a'] }),
    );
    expect(buckets(diff)).toEqual({
      ...NONE,
      stillFailing: ['s3-a bucket-a FAIL->FAIL'],
      notRechecked: ['s3-b bucket-a FAIL->-'],
    });
  });

  it('a finding in a region B did not scan is not re-checked', () => {
    const diff = diffRuns(
      run([finding('s3-a', 'FAIL', 'bucket-a', 'us-east-1'), finding('s3-a', 'FAIL', 'bucket-b')]),
      run([], { regions: ['eu-west-1'] }),
    );
    expect(buckets(diff)).toEqual({
      ...NONE,
      resolved: ['s3-a bucket-b FAIL->-'],
      notRechecked: ['s3-a bucket-a FAIL->-'],
    });
  });

  it('a finding in an account B did not scan is not re-checked', () => {
    const diff = diffRuns(
      run([finding('s3-a', 'FAIL', 'bucket-a', 'eu-west-1', OTHER_ACCOUNT)], {
        accounts: [ACCOUNT, OTHER_ACCOUNT],
      }),
      run([]),
    );
    expect(buckets(diff)).toEqual({ ...NONE, notRechecked: ['s3-a bucket-a FAIL->-'] });
  });

  it('global findings are covered wherever their account is, whatever the regions', () => {
    const diff = diffRuns(
      run([finding('s3-a', 'FAIL', 'root', 'global')]),
      run([], { regions: ['us-east-1'] }),
    );
    expect(buckets(diff)).toEqual({ ...NONE, resolved: ['s3-a root FAIL->-'] });
  });

  it('findings that were never failing are not listed at all', () => {
    const diff = diffRuns(
      run([finding('s3-a', 'PASS'), finding('s3-b', 'NOT_EVALUATED')]),
      run([finding('s3-a', 'PASS')]),
    );
    expect(buckets(diff)).toEqual(NONE);
  });
});

describe('covers and sameScope', () => {
  it('covers needs the check, the account and the region', () => {
    const scope: RunScope = { accounts: [ACCOUNT], regions: ['eu-west-1'], checkIds: ['s3-a'] };
    expect(covers(scope, finding('s3-a', 'FAIL'))).toBe(true);
    expect(covers(scope, finding('s3-b', 'FAIL'))).toBe(false);
    expect(covers(scope, finding('s3-a', 'FAIL', 'b', 'us-east-1'))).toBe(false);
    expect(covers(scope, finding('s3-a', 'FAIL', 'b', 'eu-west-1', OTHER_ACCOUNT))).toBe(false);
  });

  it('sameScope compares kind, accounts, regions and checks, not their order', () => {
    const a = run([]).run;
    expect(sameScope(a, { ...a, scope: { ...a.scope, regions: ['us-east-1', 'eu-west-1'] } })).toBe(true);
    expect(sameScope(a, { ...a, scope: { ...a.scope, checkIds: ['s3-a'] } })).toBe(false);
    expect(sameScope(a, { ...a, scope: { ...a.scope, accounts: [OTHER_ACCOUNT] } })).toBe(false);
    expect(sameScope(a, { ...a, kind: 'iac' })).toBe(false);
  });
});
