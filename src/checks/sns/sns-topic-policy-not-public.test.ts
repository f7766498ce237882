import type { AttributesOf } from '../../core/kinds/index.js';
import { resource } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { grantToEveryone, policyCases, resourcePolicy } from '../../testing/resource-policies.js';
import check from './sns-topic-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) =>
  grantToEveryone('sns:Publish', 'arn:aws:sns:eu-west-1:111122223333:alerts', overrides);
const topic = (policy: Record<string, unknown> | null) =>
  // The check reads the name and the policy only.
  resource('sns.topic', 'arn:aws:sns:eu-west-1:111122223333:alerts', {
    name: 'alerts',
    policy,
  } as AttributesOf<'sns.topic'>);
const cases = policyCases({ withPolicy: topic, grant });

testCheck(check, {
  pass: [
    { name: 'it has no policy', resources: [topic(null)], message: /alerts has no access policy/ },
    cases.sharedWithAnotherAccount,
    {
      name: 'the default topic policy, open to "*" on condition the source owner is the account',
      resources: [
        topic(
          resourcePolicy(
            grant({
              Sid: '__default_statement_ID',
              Principal: { AWS: '*' },
              Action: ['SNS:Publish', 'SNS:Subscribe', 'SNS:GetTopicAttributes'],
              Condition: { StringEquals: { 'AWS:SourceOwner': '111122223333' } },
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
      resources: [topic(resourcePolicy(grant()))],
      message: /^Topic alerts is public: anyone can sns:Publish \(write; statement Everyone\)$/,
    },
    {
      name: 'anyone can subscribe an endpoint of their own',
      resources: [topic(resourcePolicy(grant({ Action: 'SNS:Subscribe' })))],
      message: /anyone can SNS:Subscribe/,
    },
  ],
  notEvaluated: [
    cases.notRead(topic(null), 'sns:GetTopicAttributes'),
    listingFailed('the resources could not be listed', 'sns.topic'),
  ],
});
