import { describe, expect, it } from 'vitest';
import { grantsFullAdmin, isServiceWildcard, matchesEveryAction, wildcardGrants } from './admin.js';

const doc = (...Statement: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement });
const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };

describe('full administrator access', () => {
  it('is an unconditional Allow of * (or *:*) on *', () => {
    expect(grantsFullAdmin(doc(allowAll))).toBe(true);
    expect(grantsFullAdmin(doc({ Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: ['*'] }))).toBe(
      true,
    );
    expect(grantsFullAdmin({ Statement: allowAll })).toBe(true);
  });

  it('counts NotAction only when it leaves nothing out', () => {
    expect(grantsFullAdmin(doc({ Effect: 'Allow', NotAction: [], Resource: '*' }))).toBe(true);
    expect(grantsFullAdmin(doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }))).toBe(false);
  });

  it('is not a service wildcard, a conditioned grant, or a grant on some resources', () => {
    expect(grantsFullAdmin(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }))).toBe(false);
    expect(
      grantsFullAdmin(doc({ ...allowAll, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })),
    ).toBe(false);
    expect(grantsFullAdmin(doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::logs/*' }))).toBe(
      false,
    );
    expect(grantsFullAdmin(doc({ Effect: 'Deny', Action: '*', Resource: '*' }))).toBe(false);
  });

  it('is cancelled by an unconditional Deny of everything or of all of IAM, not by a narrow or conditioned Deny', () => {
    expect(grantsFullAdmin(doc(allowAll, { Effect: 'Deny', Action: '*', Resource: '*' }))).toBe(false);
    expect(grantsFullAdmin(doc(allowAll, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }))).toBe(false);
    expect(grantsFullAdmin(doc(allowAll, { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }))).toBe(
      true,
    );
    expect(
      grantsFullAdmin(
        doc(allowAll, {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
        }),
      ),
    ).toBe(true);
  });
});

describe('service wildcards', () => {
  it('are patterns naming every action of a service, or of all', () => {
    expect(isServiceWildcard('s3:*')).toBe(true);
    expect(isServiceWildcard('S3:*')).toBe(true);
    expect(isServiceWildcard('*')).toBe(true);
    expect(isServiceWildcard('*:*')).toBe(true);
    expect(isServiceWildcard('s3:Get*')).toBe(false);
    expect(isServiceWildcard('s3:GetObject')).toBe(false);
    expect(matchesEveryAction('s3:*')).toBe(false);
  });

  it('are reported for Allow statements, with NotAction as a grant of everything else', () => {
    expect(
      wildcardGrants(
        doc(
          { Sid: 'A', Effect: 'Allow', Action: ['s3:*', 's3:Get*'], Resource: '*' },
          { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
          { Effect: 'Deny', Action: 'kms:*', Resource: '*' },
          { Effect: 'Allow', Action: '*', Resource: '*' },
        ),
      ),
    ).toEqual([
      { sid: 'A', grant: 's3:*' },
      { sid: null, grant: 'NotAction: iam:*' },
      { sid: null, grant: '* (every service)' },
    ]);
  });
});
