import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './logs-log-group-encrypted.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const group = (kmsKeyId: string | null) =>
  resource('logs.log-group', 'app', { name: 'app', retentionInDays: 365, kmsKeyId, metricFilters: [] });

testCheck(check, {
  pass: [
    {
      name: 'the log group is encrypted with a customer managed key',
      resources: [group(KEY)],
      message: /^Log group app is encrypted with KMS key arn:aws:kms:/,
    },
  ],
  fail: [
    {
      name: 'the log group uses the service owned key',
      resources: [group(null)],
      message: /^Log group app has no KMS key/,
    },
  ],
  notEvaluated: [
    {
      name: 'the log group’s key could not be read',
      resources: [withGap(group(KEY), 'kmsKeyId', 'access-denied', 'logs:DescribeLogGroups')],
      reason: 'access-denied',
    },
    listingFailed('log groups could not be listed in the region', 'logs.log-group', 'logs:DescribeLogGroups'),
  ],
});
