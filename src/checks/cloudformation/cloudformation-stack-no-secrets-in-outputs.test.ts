import { expect, it } from 'vitest';
import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './cloudformation-stack-no-secrets-in-outputs.js';

// Assembled from parts, so that no scanner mistakes this file for a leak.
const KEY_ID = ['AKIA', 'Q3T7ZK5M2XWP4R6N'].join('');
const SECRET_KEY = ['kq7R2m9Xw', 'P4tL8vZ3nB6yH1cJ5sD0fG2aE7uK9oT'].join('');

type Output = AttributesOf<'cloudformation.stack'>['outputs'][number];
const output = (key: string, value: string): Output => ({ key, value, description: null });

function stack(...outputs: Output[]) {
  const stackId = 'arn:aws:cloudformation:eu-west-1:111122223333:stack/api/e722ae60';
  return resource('cloudformation.stack', stackId, {
    stackId,
    name: 'api',
    status: 'CREATE_COMPLETE',
    terminationProtection: true,
    outputs,
    parameters: [],
    roleArn: null,
    driftStatus: 'IN_SYNC',
  });
}

testCheck(check, {
  pass: [
    {
      name: 'a stack that outputs its endpoint and the ARN of its database secret',
      resources: [
        stack(
          output('Endpoint', 'https://api.example.com'),
          output('DbSecretArn', 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:api/db-AbCdEf'),
        ),
      ],
      message: /^Stack api shows no secret in its 2 outputs$/,
    },
    { name: 'a stack without outputs', resources: [stack()] },
  ],
  fail: [
    {
      name: 'a stack that outputs the database password it generated',
      resources: [
        stack(output('Endpoint', 'https://api.example.com'), output('DbPassword', 'Xk9-payments-2026')),
      ],
      message:
        /^Stack api shows secrets in its outputs: DbPassword \(literal value under a secret-like name\)$/,
    },
    {
      name: 'a stack that outputs the access key pair of the IAM user it created',
      resources: [stack(output('DeployUserKeyId', KEY_ID), output('DeployUserSecret', SECRET_KEY))],
      message:
        /DeployUserKeyId \(AWS access key id\), DeployUserSecret \(literal value under a secret-like name\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the outputs could not be read',
      resources: [withGap(stack(), 'outputs', 'collection-error', 'cloudformation:DescribeStacks')],
      reason: 'collection-error',
    },
  ],
});

it('never shows the secrets it found', () => {
  const [result] = runCase(check, {
    name: 'a key pair',
    resources: [stack(output('KeyId', KEY_ID), output('Secret', SECRET_KEY))],
  });
  expect(result?.status).toBe('FAIL');
  const shown = JSON.stringify(result);
  expect(shown).not.toContain(KEY_ID);
  expect(shown).not.toContain(SECRET_KEY);
});
