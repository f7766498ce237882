import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { managedPolicy, policy } from '../../testing/iam-kinds.js';
import check from './iam-policy-no-wildcard-service-actions.js';

const allow = (statement: Record<string, unknown>) =>
  managedPolicy('uploads', {
    defaultVersionDocument: policy({ Effect: 'Allow', Resource: '*', ...statement }),
  });

testCheck(check, {
  pass: [
    {
      name: 'a policy listing the S3 actions it needs',
      resources: [allow({ Action: ['s3:GetObject', 's3:PutObject'] })],
      message: /^Policy uploads allows no whole service/,
    },
    {
      name: 'a policy allowing s3:Get* (a prefix, not the whole service)',
      resources: [allow({ Action: 's3:Get*' })],
    },
    {
      name: 'a policy that only denies a whole service',
      resources: [
        managedPolicy('guard', {
          defaultVersionDocument: policy({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }),
        }),
      ],
    },
  ],
  fail: [
    {
      name: 'a policy allowing s3:*',
      resources: [allow({ Sid: 'Uploads', Action: ['s3:*', 'sqs:SendMessage'] })],
      message: /^Policy uploads allows whole services: s3:\* \(statement Uploads\)$/,
    },
    {
      name: 'a policy allowing every action (*)',
      resources: [allow({ Action: '*' })],
      message: /: \* \(every service\)$/,
    },
    {
      name: 'a policy allowing everything but IAM through NotAction',
      resources: [allow({ NotAction: ['iam:*'] })],
      message: /NotAction: iam:\*/,
    },
  ],
  notEvaluated: [
    {
      name: 'the default policy version could not be parsed',
      resources: [withGap(managedPolicy('uploads'), 'defaultVersionDocument', 'collection-error')],
      reason: 'collection-error',
    },
  ],
  skip: [
    {
      name: 'the AWS managed AmazonS3FullAccess policy',
      resources: [
        managedPolicy('AmazonS3FullAccess', {
          awsManaged: true,
          defaultVersionDocument: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
        }),
      ],
    },
  ],
});
