import { daysAgo, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { iamRole, serviceLinkedRole } from '../../testing/iam-kinds.js';
import check from './iam-role-unused-services.js';

const used = (service: string, days: number) => ({ service, lastAuthenticatedAt: daysAgo(days) });
const never = (service: string) => ({ service, lastAuthenticatedAt: null });

testCheck(check, {
  pass: [
    {
      name: 'a role reading reports from S3 every day',
      resources: [iamRole('app')],
      message: /^Role app used the one service its policies allow in the last 90 days$/,
    },
    {
      name: 'a role created two weeks ago that has not used its SQS access yet',
      resources: [iamRole('new-worker', { createdAt: daysAgo(14), servicesLastAccessed: [never('sqs')] })],
      message: /^Role new-worker was created 14 days ago, within the 90-day window$/,
    },
    {
      name: 'a role that used S3 89 days ago',
      resources: [iamRole('monthly', { servicesLastAccessed: [used('s3', 89)] })],
    },
  ],
  fail: [
    {
      name: 'a pipeline role allowed DynamoDB and KMS it never used, and S3 last used 95 days ago',
      resources: [
        iamRole('pipeline', {
          servicesLastAccessed: [used('s3', 95), never('dynamodb'), never('kms'), used('sqs', 2)],
        }),
      ],
      message:
        /^Role pipeline may use 3 of 4 services it has not used in 90 days: dynamodb \(never used\), kms \(never used\), s3 \(unused for 95 days\)$/,
    },
    {
      name: 'a role used daily whose S3 grant is idle for 45 days, with the threshold lowered to 30',
      resources: [iamRole('tight', { servicesLastAccessed: [used('s3', 45), used('sqs', 1)] })],
      thresholds: { maxUnusedDays: 30 },
      message: /s3 \(unused for 45 days\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'IAM denied the last-accessed report',
      resources: [
        withGap(
          iamRole('app'),
          'servicesLastAccessed',
          'access-denied',
          'iam:GenerateServiceLastAccessedDetails',
        ),
      ],
      reason: 'access-denied',
    },
  ],
  skip: [
    {
      name: 'a service-linked role, whose policies AWS owns',
      resources: [serviceLinkedRole({ servicesLastAccessed: [never('support')] })],
    },
  ],
});
