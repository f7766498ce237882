import { withGap } from '../../testing/builders.js';
import { dynamodbTable } from '../../testing/analytics.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './dynamodb-table-deletion-protection.js';

testCheck(check, {
  pass: [
    {
      name: 'a protected table',
      resources: [dynamodbTable()],
      message: /^DynamoDB table orders has deletion protection on$/,
    },
  ],
  fail: [
    {
      name: 'a table anyone with dynamodb:DeleteTable can delete in one call',
      resources: [dynamodbTable({ deletionProtection: false })],
      message: /^DynamoDB table orders can be deleted without turning off deletion protection first$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the table could not be described',
      resources: [withGap(dynamodbTable(), 'deletionProtection', 'access-denied', 'dynamodb:DescribeTable')],
      reason: 'access-denied',
    },
    listingFailed('tables could not be listed in the region', 'dynamodb.table', 'dynamodb:ListTables'),
  ],
});
