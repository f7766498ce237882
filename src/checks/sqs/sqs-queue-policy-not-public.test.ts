import type { AttributesOf } from '../../core/kinds/index.js';
import { resource } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { grantToEveryone, policyCases, resourcePolicy } from '../../testing/resource-policies.js';
import check from './sqs-queue-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) =>
  grantToEveryone('sqs:SendMessage', 'arn:aws:sqs:eu-west-1:111122223333:orders', overrides);
const queue = (policy: Record<string, unknown> | null) =>
  // The check reads the name and the policy only.
  resource('sqs.queue', 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders', {
    name: 'orders',
    policy,
  } as AttributesOf<'sqs.queue'>);
const cases = policyCases({ withPolicy: queue, grant });

testCheck(check, {
  pass: [
    { name: 'it has no policy', resources: [queue(null)], message: /orders has no access policy/ },
    cases.sharedWithAnotherAccount,
    {
      name: 'a topic of the account may send to it',
      resources: [
        queue(
          resourcePolicy(
            grant({
              Principal: { Service: 'sns.amazonaws.com' },
              Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:orders' } },
            }),
          ),
        ),
      ],
    },
    cases.confinedToOrganization,
  ],
  fail: [
    {
      name: 'anyone is allowed',
      resources: [queue(resourcePolicy(grant()))],
      message: /^Queue orders is public: anyone can sqs:SendMessage \(write; statement Everyone\)$/,
    },
    {
      name: 'anyone can read and delete its messages',
      resources: [queue(resourcePolicy(grant({ Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'] })))],
      message: /anyone can sqs:ReceiveMessage, sqs:DeleteMessage/,
    },
  ],
  notEvaluated: [
    cases.notRead(queue(null), 'sqs:GetQueueAttributes'),
    listingFailed('the resources could not be listed', 'sqs.queue'),
  ],
});
