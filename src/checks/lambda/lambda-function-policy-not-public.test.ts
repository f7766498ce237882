import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './lambda-function-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) => ({
  Sid: 'Everyone',
  Effect: 'Allow',
  Principal: '*',
  Action: 'lambda:InvokeFunction',
  Resource: 'arn:aws:lambda:eu-west-1:111122223333:function:order-webhook',
  ...overrides,
});
const policy = (...statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
const fn = (policy: Record<string, unknown> | null) =>
  // The check reads the name and the policy only.
  resource('lambda.function', 'order-webhook', {
    name: 'order-webhook',
    policy,
  } as AttributesOf<'lambda.function'>);

testCheck(check, {
  pass: [
    {
      name: 'it has no policy',
      resources: [fn(null)],
      message: /order-webhook has no resource-based policy/,
    },
    {
      name: 'it is shared with one other account',
      resources: [fn(policy(grant({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })))],
      message: /does not grant access to everyone \(shared with account 444455556666\)/,
    },
    {
      name: 'S3 may invoke it for events from one bucket',
      resources: [
        fn(
          policy(
            grant({
              Principal: { Service: 's3.amazonaws.com' },
              Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' } },
            }),
          ),
        ),
      ],
    },
    {
      name: 'its function URL requires IAM auth',
      resources: [
        fn(
          policy(
            grant({
              Action: 'lambda:InvokeFunctionUrl',
              Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } },
            }),
          ),
        ),
      ],
    },
    {
      name: 'the grant to everyone is confined to the organization by a Deny',
      resources: [
        fn(
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
      resources: [fn(policy(grant()))],
      message: /^Function order-webhook is public: anyone can lambda:InvokeFunction \(statement Everyone\)$/,
    },
    {
      name: 'its function URL is open to anyone',
      resources: [
        fn(
          policy(
            grant({
              Sid: 'FunctionURLAllowPublicAccess',
              Action: 'lambda:InvokeFunctionUrl',
              Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
            }),
          ),
        ),
      ],
      message: /anyone can lambda:InvokeFunctionUrl \(statement FunctionURLAllowPublicAccess\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the policy could not be read',
      resources: [withGap(fn(null), 'policy', 'access-denied', 'lambda:GetPolicy')],
      reason: 'access-denied',
    },
    {
      name: 'the resources could not be listed',
      resources: [],
      scopeGaps: [{ region: REGION, kind: 'lambda.function', field: '*', reason: 'access-denied' }],
      reason: 'access-denied',
    },
  ],
});
