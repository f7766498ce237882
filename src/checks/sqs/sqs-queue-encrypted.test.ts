import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './sqs-queue-encrypted.js';

const queue = (overrides: Partial<AttributesOf<'sqs.queue'>> = {}) =>
  resource('sqs.queue', 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders', {
    url: 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders',
    arn: 'arn:aws:sqs:eu-west-1:111122223333:orders',
    name: 'orders',
    sqsManagedSse: true,
    kmsMasterKeyId: null,
    policy: null,
    ...overrides,
  });

testCheck(check, {
  pass: [
    {
      name: 'a queue with SSE-SQS',
      resources: [queue()],
      message: /orders is encrypted with SQS managed keys/,
    },
    {
      name: 'a queue with a customer managed KMS key',
      resources: [queue({ sqsManagedSse: false, kmsMasterKeyId: 'alias/orders' })],
      message: /orders is encrypted with KMS key alias\/orders/,
    },
  ],
  fail: [
    {
      name: 'a queue with encryption turned off',
      resources: [queue({ sqsManagedSse: false })],
      message: /^SQS queue orders is not encrypted at rest/,
    },
  ],
  notEvaluated: [
    {
      name: 'the queue attributes could not be read',
      resources: [withGap(queue(), 'kmsMasterKeyId', 'access-denied', 'sqs:GetQueueAttributes')],
      reason: 'access-denied',
    },
    {
      name: 'SSE-SQS could not be read, so a missing KMS key proves nothing',
      resources: [
        withGap(queue({ kmsMasterKeyId: null }), 'sqsManagedSse', 'access-denied', 'sqs:GetQueueAttributes'),
      ],
      reason: 'access-denied',
    },
    {
      name: 'queues could not be listed in the region',
      resources: [],
      scopeGaps: [
        { region: REGION, kind: 'sqs.queue', field: '*', reason: 'throttled', action: 'sqs:ListQueues' },
      ],
      reason: 'throttled',
    },
  ],
});
