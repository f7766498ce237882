import { daysAgo, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { iamUser } from '../../testing/iam-kinds.js';
import check from './iam-user-unused-services.js';

const used = (service: string, days: number) => ({ service, lastAuthenticatedAt: daysAgo(days) });
const never = (service: string) => ({ service, lastAuthenticatedAt: null });

testCheck(check, {
  pass: [
    {
      name: 'a user who used S3 yesterday, the one service its group allows',
      resources: [iamUser('alice')],
      message: /^User alice used the one service its policies allow in the last 90 days$/,
    },
    {
      name: 'a user created last month whose EC2 access is not used yet',
      resources: [iamUser('new-hire', { createdAt: daysAgo(30), servicesLastAccessed: [never('ec2')] })],
      message: /^User new-hire was created 30 days ago, within the 90-day window$/,
    },
    {
      name: 'a user whose policies allow no service at all',
      resources: [iamUser('no-rights', { groups: [], servicesLastAccessed: [] })],
      message: /allow no AWS service/,
    },
    {
      name: 'a quarterly job’s user idle for 120 days, with the threshold raised to 180',
      resources: [iamUser('quarterly', { servicesLastAccessed: [used('s3', 120)] })],
      thresholds: { maxUnusedDays: 180 },
    },
  ],
  fail: [
    {
      name: 'a user allowed EC2 but never using it, and S3 last used 200 days ago',
      resources: [iamUser('bob', { servicesLastAccessed: [used('s3', 200), never('ec2'), used('sts', 3)] })],
      message:
        /^User bob may use 2 of 3 services it has not used in 90 days: ec2 \(never used\), s3 \(unused for 200 days\)$/,
    },
    {
      name: 'an administrator user who used a handful of the hundreds of services it may use',
      resources: [
        iamUser('admin', {
          servicesLastAccessed: [
            used('iam', 1),
            ...Array.from({ length: 20 }, (_, index) => never(`service${String(index).padStart(2, '0')}`)),
          ],
        }),
      ],
      message: /^User admin may use 20 of 21 services .*service11 \(never used\) and 8 more$/,
    },
  ],
  notEvaluated: [
    {
      name: 'IAM denied the last-accessed report',
      resources: [
        withGap(
          iamUser('alice'),
          'servicesLastAccessed',
          'access-denied',
          'iam:GenerateServiceLastAccessedDetails',
        ),
      ],
      reason: 'access-denied',
    },
    {
      name: 'the last-accessed job failed',
      resources: [
        withGap(
          iamUser('alice'),
          'servicesLastAccessed',
          'collection-error',
          'iam:GetServiceLastAccessedDetails',
        ),
      ],
    },
  ],
});
