import { describe, expect, it } from 'vitest';
import {
  principalAccount,
  publicTrustStatements,
  unrestrictedOidcStatements,
  unverifiedCrossAccountPrincipals,
} from './trust.js';

const OWN = '111122223333';
const OTHER = '999988887777';
const trust = (statement: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }],
});

describe('public trust', () => {
  it('is "*" or {"AWS": "*"} without a condition pinning the caller', () => {
    expect(publicTrustStatements(trust({ Principal: '*' }))).toHaveLength(1);
    expect(publicTrustStatements(trust({ Principal: { AWS: ['*'] } }))).toHaveLength(1);
    expect(
      publicTrustStatements(
        trust({ Principal: '*', Condition: { StringLike: { 'aws:PrincipalArn': '*' } } }),
      ),
    ).toHaveLength(1);
    expect(
      publicTrustStatements(
        trust({ Principal: '*', Condition: { StringEqualsIfExists: { 'aws:SourceAccount': OWN } } }),
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
        publicTrustStatements(trust({ Principal: '*', Condition: { [operator]: { [key]: value } } })),
        key,
      ).toEqual([]);
    }
    expect(publicTrustStatements(trust({ Principal: { Service: 'ec2.amazonaws.com' } }))).toEqual([]);
  });
});

describe('cross-account trust', () => {
  it('finds principals of other accounts, by id or ARN, without an external id or organization condition', () => {
    expect(principalAccount(OTHER)).toBe(OTHER);
    expect(principalAccount(`arn:aws:sts::${OTHER}:assumed-role/x/y`)).toBe(OTHER);
    expect(principalAccount('ec2.amazonaws.com')).toBeNull();
    expect(
      unverifiedCrossAccountPrincipals(
        trust({
          Sid: 'Vendor',
          Principal: { AWS: [`arn:aws:iam::${OWN}:root`, `arn:aws:iam::${OTHER}:role/x`] },
        }),
        OWN,
      ),
    ).toEqual([{ sid: 'Vendor', principal: `arn:aws:iam::${OTHER}:role/x`, account: OTHER }]);
  });

  it('accepts sts:ExternalId, aws:PrincipalOrgID and aws:PrincipalArn, and ignores services and federation', () => {
    for (const key of ['sts:ExternalId', 'aws:PrincipalOrgID', 'aws:PrincipalArn']) {
      expect(
        unverifiedCrossAccountPrincipals(
          trust({ Principal: { AWS: OTHER }, Condition: { StringEquals: { [key]: 'value-1' } } }),
          OWN,
        ),
      ).toEqual([]);
    }
    expect(
      unverifiedCrossAccountPrincipals(
        trust({
          Principal: { Service: 'lambda.amazonaws.com', Federated: `arn:aws:iam::${OTHER}:saml-provider/x` },
        }),
        OWN,
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
    expect(unrestrictedOidcStatements(github({}))).toHaveLength(1);
    expect(
      unrestrictedOidcStatements(
        github({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }),
      ),
    ).toHaveLength(1);
    expect(
      unrestrictedOidcStatements(
        github({
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' },
        }),
      ),
    ).toEqual([]);
  });
});
