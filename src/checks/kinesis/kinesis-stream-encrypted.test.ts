import { withGap } from '../../testing/builders.js';
import { KEY_ARN, kinesisStream } from '../../testing/analytics.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './kinesis-stream-encrypted.js';

testCheck(check, {
  pass: [
    {
      name: 'a stream encrypted with a customer managed key',
      resources: [kinesisStream()],
      message: new RegExp(`^Kinesis stream clicks is encrypted with ${KEY_ARN}$`),
    },
    {
      name: 'a stream encrypted with the AWS managed key',
      resources: [kinesisStream({ keyId: 'alias/aws/kinesis' })],
      message: /encrypted with alias\/aws\/kinesis/,
    },
  ],
  fail: [
    {
      name: 'a stream without server-side encryption',
      resources: [kinesisStream({ encryptionType: 'NONE', keyId: null })],
      message: /^Kinesis stream clicks stores its records without encryption$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the stream summary could not be read',
      resources: [
        withGap(kinesisStream(), 'encryptionType', 'access-denied', 'kinesis:DescribeStreamSummary'),
      ],
      reason: 'access-denied',
    },
    listingFailed(
      'streams could not be listed in the region',
      'kinesis.stream',
      'kinesis:ListStreams',
      'throttled',
    ),
  ],
});
