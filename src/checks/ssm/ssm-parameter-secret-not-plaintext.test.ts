import { describe, expect, it } from 'vitest';
import type { AttributesOf } from '../../core/kinds/index.js';
import { daysAgo, resource, withGap } from '../../testing/builders.js';
import { listingFailed, runCase, testCheck } from '../../testing/check-tester.js';
import check from './ssm-parameter-secret-not-plaintext.js';

type Parameter = AttributesOf<'ssm.parameter'>;

const parameter = (name: string, type: Parameter['type']) =>
  resource('ssm.parameter', name, {
    name,
    type,
    keyId: type === 'SecureString' ? 'alias/aws/ssm' : null,
    lastModifiedDate: daysAgo(10),
    tier: 'Standard',
  });

testCheck(check, {
  pass: [
    {
      name: 'the database password is a SecureString',
      resources: [parameter('/prod/db/password', 'SecureString')],
      message: /^Parameter \/prod\/db\/password is a SecureString$/,
    },
    {
      name: 'a SecureString whose name says nothing about secrets',
      resources: [parameter('/prod/app/config', 'SecureString')],
    },
  ],
  fail: [
    {
      name: 'the database password is stored as a plain String',
      resources: [parameter('/prod/db/password', 'String')],
      message: /^Parameter \/prod\/db\/password is a String parameter, stored in plain text, .*\(password\)$/,
    },
    {
      name: 'an API key in camelCase is a plain String',
      resources: [parameter('/prod/payments/stripeApiKey', 'String')],
      message: /\(api-key\)/,
    },
    {
      name: 'an upper-case private key name is a plain String',
      resources: [parameter('DEPLOY_PRIVATE_KEY', 'String')],
      message: /\(private-key\)/,
    },
    {
      name: 'a list of tokens is a plain StringList',
      resources: [parameter('/ci/github-tokens', 'StringList')],
      message: /StringList .*\(token\)/,
    },
    {
      name: 'service credentials are a plain String',
      resources: [parameter('/legacy/smtp.credentials', 'String')],
      message: /\(credential\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the parameter type was not collected',
      resources: [
        withGap(parameter('/prod/db/password', 'String'), 'type', 'throttled', 'ssm:DescribeParameters'),
      ],
      reason: 'throttled',
    },
    listingFailed('parameters could not be listed in the region', 'ssm.parameter', 'ssm:DescribeParameters'),
  ],
  skip: [
    {
      name: 'a plain String holding an AMI id gets no result',
      resources: [parameter('/prod/ami-id', 'String')],
    },
    {
      name: 'a plain StringList of subnets gets no result',
      resources: [parameter('/network/private-subnets', 'StringList')],
    },
  ],
});

describe('ssm-parameter-secret-not-plaintext evidence', () => {
  it('names the words that made the parameter look secret', () => {
    const [result] = runCase(check, {
      name: 'two words',
      resources: [parameter('/app/oauth_client_secret_token', 'String')],
    });
    expect(result?.evidence).toEqual({ type: 'String', matchedWords: ['secret', 'token'] });
  });
});
