import type { AttributesOf } from '../../core/kinds/index.js';
import { resource } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { grantToEveryone, policyCases, resourcePolicy } from '../../testing/resource-policies.js';
import check from './lambda-function-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) =>
  grantToEveryone(
    'lambda:InvokeFunction',
    'arn:aws:lambda:eu-west-1:111122223333:function:order-webhook',
    overrides,
  );
const fn = (policy: Record<string, unknown> | null) =>
  // The check reads the name and the policy only.
  resource('lambda.function', 'order-webhook', {
    name: 'order-webhook',
    policy,
  } as AttributesOf<'lambda.function'>);
const cases = policyCases({ withPolicy: fn, grant });

testCheck(check, {
  pass: [
    {
      name: 'it has no policy',
      resources: [fn(null)],
      message: /order-webhook has no resource-based policy/,
    },
    cases.sharedWithAnotherAccount,
    {
      name: 'S3 may invoke it for events from one bucket',
      resources: [
        fn(
          resourcePolicy(
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
          resourcePolicy(
            grant({
              Action: 'lambda:InvokeFunctionUrl',
              Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } },
            }),
          ),
        ),
      ],
    },
    cases.confinedToOrganization,
  ],
  fail: [
    {
      name: 'anyone is allowed',
      resources: [fn(resourcePolicy(grant()))],
      message:
        /^Function order-webhook is public: anyone can lambda:InvokeFunction \(write; statement Everyone\)$/,
    },
    {
      name: 'its function URL is open to anyone',
      resources: [
        fn(
          resourcePolicy(
            grant({
              Sid: 'FunctionURLAllowPublicAccess',
              Action: 'lambda:InvokeFunctionUrl',
              Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
            }),
          ),
        ),
      ],
      message: /anyone can lambda:InvokeFunctionUrl \(write; statement FunctionURLAllowPublicAccess\)/,
    },
  ],
  notEvaluated: [
    cases.notRead(fn(null), 'lambda:GetPolicy'),
    listingFailed('the resources could not be listed', 'lambda.function'),
  ],
});
