import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './sns-topic-encrypted.js';

const topic = (kmsMasterKeyId: string | null) =>
  resource('sns.topic', 'arn:aws:sns:eu-west-1:111122223333:alerts', {
    arn: 'arn:aws:sns:eu-west-1:111122223333:alerts',
    name: 'alerts',
    kmsMasterKeyId,
    policy: { Version: '2012-10-17', Statement: [] },
    confirmedSubscriptions: 1,
  });

testCheck(check, {
  pass: [
    {
      name: 'a topic encrypted with the AWS managed key',
      resources: [topic('alias/aws/sns')],
      message: /alerts is encrypted with KMS key alias\/aws\/sns/,
    },
    { name: 'a topic encrypted with a customer managed key', resources: [topic('alias/alerts')] },
  ],
  fail: [
    {
      name: 'a topic without server-side encryption',
      resources: [topic(null)],
      message: /^SNS topic alerts is not encrypted at rest$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the topic attributes could not be read',
      resources: [withGap(topic(null), 'kmsMasterKeyId', 'access-denied', 'sns:GetTopicAttributes')],
      reason: 'access-denied',
    },
    {
      name: 'topics could not be listed in the region',
      resources: [],
      scopeGaps: [
        { region: REGION, kind: 'sns.topic', field: '*', reason: 'access-denied', action: 'sns:ListTopics' },
      ],
      reason: 'access-denied',
    },
  ],
});
