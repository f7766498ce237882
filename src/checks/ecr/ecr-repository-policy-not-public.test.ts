import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './ecr-repository-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) => ({
  Sid: 'Everyone',
  Effect: 'Allow',
  Principal: '*',
  Action: 'ecr:BatchGetImage',
  Resource: 'arn:aws:ecr:eu-west-1:111122223333:repository/storefront',
  ...overrides,
});
const policy = (...statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
const repository = (policy: Record<string, unknown> | null) =>
  // The check reads the name and the policy only.
  resource('ecr.repository', 'storefront', { name: 'storefront', policy } as AttributesOf<'ecr.repository'>);

testCheck(check, {
  pass: [
    {
      name: 'it has no policy',
      resources: [repository(null)],
      message: /storefront has no repository policy/,
    },
    {
      name: 'it is shared with one other account',
      resources: [repository(policy(grant({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })))],
      message: /does not grant access to everyone \(shared with account 444455556666\)/,
    },
    {
      name: 'every account of the organization may pull',
      resources: [
        repository(
          policy(
            grant({
              Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            }),
          ),
        ),
      ],
    },
    {
      name: 'the grant to everyone is confined to the organization by a Deny',
      resources: [
        repository(
          policy(
            grant(),
            grant({
              Sid: 'OrgOnly',
              Effect: 'Deny',
              Action: '*',
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            }),
          ),
        ),
      ],
      message: /confined by Deny statement OrgOnly/,
    },
  ],
  fail: [
    {
      name: 'anyone is allowed',
      resources: [repository(policy(grant()))],
      message: /^Repository storefront is public: anyone can ecr:BatchGetImage \(statement Everyone\)$/,
    },
    {
      name: 'anyone can push images',
      resources: [repository(policy(grant({ Action: ['ecr:PutImage', 'ecr:InitiateLayerUpload'] })))],
      message: /anyone can ecr:PutImage, ecr:InitiateLayerUpload/,
    },
  ],
  notEvaluated: [
    {
      name: 'the policy could not be read',
      resources: [withGap(repository(null), 'policy', 'access-denied', 'ecr:GetRepositoryPolicy')],
      reason: 'access-denied',
    },
    {
      name: 'the resources could not be listed',
      resources: [],
      scopeGaps: [{ region: REGION, kind: 'ecr.repository', field: '*', reason: 'access-denied' }],
      reason: 'access-denied',
    },
  ],
});
