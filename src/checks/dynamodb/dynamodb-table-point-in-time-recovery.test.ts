import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './dynamodb-table-point-in-time-recovery.js';

const table = (pointInTimeRecovery: boolean) =>
  resource('dynamodb.table', 'orders', {
    name: 'orders',
    sseType: 'AWS_OWNED',
    kmsKeyArn: null,
    pointInTimeRecovery,
    deletionProtection: true,
    billingMode: 'PAY_PER_REQUEST',
  });

testCheck(check, {
  pass: [
    {
      name: 'a table with continuous backups',
      resources: [table(true)],
      message: /orders has point-in-time recovery on/,
    },
  ],
  fail: [
    {
      name: 'a table that can only be restored from on-demand backups',
      resources: [table(false)],
      message: /^DynamoDB table orders has point-in-time recovery off$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the continuous backups setting could not be read',
      resources: [
        withGap(table(true), 'pointInTimeRecovery', 'access-denied', 'dynamodb:DescribeContinuousBackups'),
      ],
      reason: 'access-denied',
    },
    listingFailed('tables could not be listed in the region', 'dynamodb.table', 'dynamodb:ListTables'),
  ],
});
