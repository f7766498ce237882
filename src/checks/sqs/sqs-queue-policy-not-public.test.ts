import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './sqs-queue-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) => ({
  Sid: 'Everyone',
  Effect: 'Allow',
  Principal: '*',
  Action: 'sqs:SendMessage',
  Resource: 'arn:aws:sqs:eu-west-1:111122223333:orders',
  ...overrides,
});
const policy = (...statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
const queue = (policy: Record<string, unknown> | null) =>
  // The check reads the name and the policy only.
  resource('sqs.queue', 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders', {
    name: 'orders',
    policy,
  } as AttributesOf<'sqs.queue'>);

testCheck(check, {
  pass: [
    { name: 'it has no policy', resources: [queue(null)], message: /orders has no access policy/ },
    {
      name: 'it is shared with one other account',
      resources: [queue(policy(grant({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })))],
      message: /does not grant access to everyone \(shared with account 444455556666\)/,
    },
    {
      name: 'a topic of the account may send to it',
      resources: [
        queue(
          policy(
            grant({
              Principal: { Service: 'sns.amazonaws.com' },
              Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:orders' } },
            }),
          ),
        ),
      ],
    },
    {
      name: 'the grant to everyone is confined to the organization by a Deny',
      resources: [
        queue(
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
      resources: [queue(policy(grant()))],
      message: /^Queue orders is public: anyone can sqs:SendMessage \(statement Everyone\)$/,
    },
    {
      name: 'anyone can read and delete its messages',
      resources: [queue(policy(grant({ Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'] })))],
      message: /anyone can sqs:ReceiveMessage, sqs:DeleteMessage/,
    },
  ],
  notEvaluated: [
    {
      name: 'the policy could not be read',
      resources: [withGap(queue(null), 'policy', 'access-denied', 'sqs:GetQueueAttributes')],
      reason: 'access-denied',
    },
    {
      name: 'the resources could not be listed',
      resources: [],
      scopeGaps: [{ region: REGION, kind: 'sqs.queue', field: '*', reason: 'access-denied' }],
      reason: 'access-denied',
    },
  ],
});
