import { expect, it } from 'vitest';
import type { StackParameter } from '../../core/kinds/app.js';
import { resource, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './cloudformation-stack-secret-parameters-no-echo.js';

// Assembled from parts, so that no scanner mistakes this file for a leak.
const GITHUB_TOKEN = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');

const parameter = (key: string, value: string, resolvedFromSsm = false): StackParameter => ({
  key,
  value,
  resolvedFromSsm,
});

function stack(...parameters: StackParameter[]) {
  const stackId = 'arn:aws:cloudformation:eu-west-1:111122223333:stack/api/e722ae60';
  return resource('cloudformation.stack', stackId, {
    stackId,
    name: 'api',
    status: 'UPDATE_COMPLETE',
    terminationProtection: true,
    outputs: [],
    parameters,
    roleArn: null,
    driftStatus: 'IN_SYNC',
  });
}

testCheck(check, {
  pass: [
    {
      name: 'a database password parameter declared NoEcho',
      resources: [stack(parameter('Stage', 'production'), parameter('DbPassword', '****'))],
      message: /^Stack api shows no secret among its 2 parameters$/,
    },
    {
      name: 'a token parameter resolved from Parameter Store by name',
      resources: [stack(parameter('ApiToken', '/api/prod/token', true))],
    },
    { name: 'a stack without parameters', resources: [stack()] },
  ],
  fail: [
    {
      name: 'a database password parameter without NoEcho',
      resources: [stack(parameter('Stage', 'production'), parameter('DbPassword', 'Xk9-payments-2026'))],
      message:
        /^Stack api shows secret parameters in clear text \(no NoEcho\): DbPassword \(literal value under a secret-like name\)$/,
    },
    {
      name: 'a GitHub token passed as a plain parameter',
      resources: [stack(parameter('SourceConnection', GITHUB_TOKEN))],
      message: /SourceConnection \(GitHub token\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the parameters could not be read',
      resources: [withGap(stack(), 'parameters', 'collection-error', 'cloudformation:DescribeStacks')],
      reason: 'collection-error',
    },
  ],
});

it('never shows the value it found', () => {
  const [result] = runCase(check, { name: 'a token', resources: [stack(parameter('Token', GITHUB_TOKEN))] });
  expect(result?.status).toBe('FAIL');
  expect(JSON.stringify(result)).not.toContain(GITHUB_TOKEN.slice(4));
});
