import { withGap } from '../../testing/builders.js';
import { dynamodbTable, KEY_ARN } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './dynamodb-table-kms-encryption.js';

testCheck(check, {
  pass: [
    {
      name: 'a table encrypted with a customer managed key',
      resources: [dynamodbTable()],
      message: new RegExp(`^DynamoDB table orders is encrypted with KMS key ${KEY_ARN}$`),
    },
  ],
  fail: [
    {
      name: 'a table left on the default AWS owned key',
      resources: [dynamodbTable({ sseType: 'AWS_OWNED', kmsKeyArn: null })],
      message:
        /^DynamoDB table orders is encrypted with the key DynamoDB owns, not a KMS key of the account$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the table encryption could not be read',
      resources: [withGap(dynamodbTable(), 'sseType', 'access-denied', 'dynamodb:DescribeTable')],
      reason: 'access-denied',
    },
  ],
});
