import { describe, expect, it } from 'vitest';
import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './lambda-function-no-secrets-in-environment.js';

// Assembled from parts, so that no scanner mistakes this file for a leak.
const GITHUB_TOKEN = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');

function fn(environment: Record<string, string>) {
  const attributes: AttributesOf<'lambda.function'> = {
    name: 'order-webhook',
    runtime: 'nodejs20.x',
    packageType: 'Zip',
    role: 'arn:aws:iam::111122223333:role/order-webhook',
    environment,
    kmsKeyArn: null,
    vpcConfigured: false,
    urlAuthType: null,
    policy: null,
  };
  return resource('lambda.function', attributes.name, attributes);
}

testCheck(check, {
  pass: [
    {
      name: 'a function that reads its database password from Secrets Manager by ARN',
      resources: [
        fn({
          LOG_LEVEL: 'info',
          DB_SECRET_ARN: `arn:aws:secretsmanager:${REGION}:111122223333:secret:prod/db-AbCdEf`,
        }),
      ],
      message: /^Function order-webhook has no hardcoded secret in its 2 environment variables$/,
    },
    {
      name: 'a function without environment variables',
      resources: [fn({})],
      message: /^Function order-webhook has no environment variables$/,
    },
  ],
  fail: [
    {
      name: 'a database password typed into the environment',
      resources: [fn({ DB_PASSWORD: 'Winter2026!', LOG_LEVEL: 'info' })],
      message:
        /^Function order-webhook has hardcoded secrets in its environment: DB_PASSWORD \(literal value under a secret-like name\)$/,
    },
    {
      name: 'a GitHub token under an innocent name',
      resources: [fn({ DEPLOY_URL: `https://${GITHUB_TOKEN}@github.com/acme/app.git` })],
      message: /DEPLOY_URL \(GitHub token\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the function configuration could not be read',
      resources: [withGap(fn({}), 'environment', 'access-denied', 'lambda:GetFunctionConfiguration')],
      reason: 'access-denied',
    },
  ],
});

describe('lambda-function-no-secrets-in-environment evidence', () => {
  it('names the variable and shows the secret redacted, never in full', () => {
    const [result] = runCase(check, { name: 'a token', resources: [fn({ GH: GITHUB_TOKEN })] });
    expect(result?.evidence).toEqual({
      findings: [{ where: 'GH', rule: 'github-token', redacted: 'ghp_…(40 chars)' }],
    });
    expect(JSON.stringify(result)).not.toContain(GITHUB_TOKEN.slice(4));
  });
});
