import { describe, expect, it } from 'vitest';
import {
  fullAdminStatements,
  isServiceWildcard,
  publicTrustStatements,
  unrestrictedOidcStatements,
  unverifiedCrossAccountPrincipals,
  wildcardGrants,
} from './documents.js';

const grantsFullAdmin = (document: unknown) => fullAdminStatements(document).length > 0;

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
    expect(grantsFullAdmin(doc({ Effect: 'Allow', NotAction: 'onusprobe:none', Resource: '*' }))).toBe(true);
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
    expect(isServiceWildcard('s*:*')).toBe(true);
    expect(isServiceWildcard('s3:*Object')).toBe(false);
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

const OWN = '111122223333';
const OTHER = '999988887777';
const ROLE = { arn: `arn:aws:iam::${OWN}:role/deploy`, account: OWN, name: 'deploy' };
const trust = (statement: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }],
});

describe('public trust', () => {
  it('is "*" or {"AWS": "*"} without a condition pinning the caller', () => {
    expect(publicTrustStatements(trust({ Principal: '*' }), ROLE)).toHaveLength(1);
    expect(publicTrustStatements(trust({ Principal: { AWS: ['*'] } }), ROLE)).toHaveLength(1);
    expect(
      publicTrustStatements(
        trust({ Principal: '*', Condition: { StringLike: { 'aws:PrincipalArn': '*' } } }),
        ROLE,
      ),
    ).toHaveLength(1);
    expect(
      publicTrustStatements(
        trust({ Principal: '*', Condition: { StringEqualsIfExists: { 'aws:SourceAccount': OWN } } }),
        ROLE,
      ),
    ).toHaveLength(1);
  });

  it('is closed by an organization, account, ARN or external id condition with a specific value', () => {
    for (const [operator, key, value] of <[string, string, string][]>[
      ['StringEquals', 'aws:PrincipalOrgID', 'o-abc'],
      ['StringEquals', 'aws:PrincipalAccount', OWN],
      ['ArnLike', 'aws:PrincipalArn', `arn:aws:iam::${OWN}:role/*`],
      ['StringEquals', 'sts:ExternalId', 'x1'],
      ['ArnEquals', 'aws:SourceArn', `arn:aws:sns:eu-west-1:${OWN}:topic`],
    ]) {
      expect(
        publicTrustStatements(trust({ Principal: '*', Condition: { [operator]: { [key]: value } } }), ROLE),
        key,
      ).toEqual([]);
    }
    expect(publicTrustStatements(trust({ Principal: { Service: 'ec2.amazonaws.com' } }), ROLE)).toEqual([]);
  });
});

describe('cross-account trust', () => {
  it('finds principals of other accounts, by id or ARN, without an external id or organization condition', () => {
    expect(
      unverifiedCrossAccountPrincipals(
        trust({
          Sid: 'Vendor',
          Principal: { AWS: [`arn:aws:iam::${OWN}:root`, `arn:aws:iam::${OTHER}:role/x`] },
        }),
        ROLE,
      ),
    ).toEqual([{ statement: 'Vendor', principal: `arn:aws:iam::${OTHER}:role/x`, account: OTHER }]);
  });

  it('accepts sts:ExternalId, aws:PrincipalOrgID and aws:PrincipalArn, and ignores services and federation', () => {
    for (const key of ['sts:ExternalId', 'aws:PrincipalOrgID', 'aws:PrincipalArn']) {
      expect(
        unverifiedCrossAccountPrincipals(
          trust({ Principal: { AWS: OTHER }, Condition: { StringEquals: { [key]: 'value-1' } } }),
          ROLE,
        ),
      ).toEqual([]);
    }
    expect(
      unverifiedCrossAccountPrincipals(
        trust({
          Principal: { Service: 'lambda.amazonaws.com', Federated: `arn:aws:iam::${OTHER}:saml-provider/x` },
        }),
        ROLE,
      ),
    ).toEqual([]);
  });
});

describe('GitHub Actions OIDC trust', () => {
  const github = (condition: Record<string, unknown>) =>
    trust({
      Principal: { Federated: `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: condition,
    });

  it('must pin the subject claim', () => {
    expect(unrestrictedOidcStatements(github({}), ROLE)).toHaveLength(1);
    expect(
      unrestrictedOidcStatements(
        github({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }),
        ROLE,
      ),
    ).toHaveLength(1);
    expect(
      unrestrictedOidcStatements(
        github({
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' },
        }),
        ROLE,
      ),
    ).toEqual([]);
  });
});

describe('cases string-matching scanners get wrong', () => {
  it('a Deny with "Action": "*" is neither an administrator grant nor a service wildcard', () => {
    const denyAll = doc({ Effect: 'Deny', Action: '*', Resource: '*' });
    expect(grantsFullAdmin(denyAll)).toBe(false);
    expect(wildcardGrants(denyAll)).toEqual([]);
  });

  it('s3:Get* is read access to S3, not a service wildcard', () => {
    expect(wildcardGrants(doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }))).toEqual([]);
  });

  it('a trust policy Deny for callers outside the organization closes a "*" trust', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
        },
      ],
    };
    expect(publicTrustStatements(policy, ROLE)).toEqual([]);
    expect(publicTrustStatements({ ...policy, Statement: [policy.Statement[0]] }, ROLE)).toEqual(['Anyone']);
  });

  it('an MFA condition does not verify a third party: only an external id, organization or ARN does', () => {
    expect(
      unverifiedCrossAccountPrincipals(
        trust({ Principal: { AWS: OTHER }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
        ROLE,
      ),
    ).toEqual([{ statement: '#1', principal: OTHER, account: OTHER }]);
  });

  it('a subject pattern that any repository matches does not pin the subject', () => {
    const github = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } },
        },
      ],
    };
    expect(unrestrictedOidcStatements(github, ROLE)).toEqual(['#1']);
  });

  it('names the JSON path of a document it cannot read', () => {
    expect(() =>
      wildcardGrants({ Statement: [{ Effect: 'Allow', Action: 7 }] }, 'inline policy ops'),
    ).toThrow('inline policy ops: $.Statement[0].Action');
  });
});
