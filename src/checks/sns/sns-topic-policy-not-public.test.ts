import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './sns-topic-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) => ({
  Sid: 'Everyone',
  Effect: 'Allow',
  Principal: '*',
  Action: 'sns:Publish',
  Resource: 'arn:aws:sns:eu-west-1:111122223333:alerts',
  ...overrides,
});
const policy = (...statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
const topic = (policy: Record<string, unknown> | null) =>
  // The check reads the name and the policy only.
  resource('sns.topic', 'arn:aws:sns:eu-west-1:111122223333:alerts', {
    name: 'alerts',
    policy,
  } as AttributesOf<'sns.topic'>);

testCheck(check, {
  pass: [
    { name: 'it has no policy', resources: [topic(null)], message: /alerts has no access policy/ },
    {
      name: 'it is shared with one other account',
      resources: [topic(policy(grant({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })))],
      message: /does not grant access to everyone \(shared with account 444455556666\)/,
    },
    {
      name: 'the default topic policy, open to "*" on condition the source owner is the account',
      resources: [
        topic(
          policy(
            grant({
              Sid: '__default_statement_ID',
              Principal: { AWS: '*' },
              Action: ['SNS:Publish', 'SNS:Subscribe', 'SNS:GetTopicAttributes'],
              Condition: { StringEquals: { 'AWS:SourceOwner': '111122223333' } },
            }),
          ),
        ),
      ],
    },
    {
      name: 'the grant to everyone is confined to the organization by a Deny',
      resources: [
        topic(
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
      resources: [topic(policy(grant()))],
      message: /^Topic alerts is public: anyone can sns:Publish \(statement Everyone\)$/,
    },
    {
      name: 'anyone can subscribe an endpoint of their own',
      resources: [topic(policy(grant({ Action: 'SNS:Subscribe' })))],
      message: /anyone can SNS:Subscribe/,
    },
  ],
  notEvaluated: [
    {
      name: 'the policy could not be read',
      resources: [withGap(topic(null), 'policy', 'access-denied', 'sns:GetTopicAttributes')],
      reason: 'access-denied',
    },
    {
      name: 'the resources could not be listed',
      resources: [],
      scopeGaps: [{ region: REGION, kind: 'sns.topic', field: '*', reason: 'access-denied' }],
      reason: 'access-denied',
    },
  ],
});
