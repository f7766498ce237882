import { describe, expect, it } from 'vitest';
import { contextWithDerivedKeys, statementMatches } from './match.js';
import { parsePolicy } from './parse.js';
import type { AccessRequest, RequestPrincipal } from './types.js';

const ACCOUNT = '123456789012';
const OTHER = '444455556666';

const principals = {
  bob: { type: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/Bob`, account: ACCOUNT },
  otherBob: { type: 'user', arn: `arn:aws:iam::${OTHER}:user/Bob`, account: OTHER },
  root: { type: 'root', arn: `arn:aws:iam::${ACCOUNT}:root`, account: ACCOUNT },
  session: {
    type: 'assumed-role',
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Deployer/ci-run-7`,
    account: ACCOUNT,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/ops/Deployer`,
  },
  otherSession: {
    type: 'assumed-role',
    arn: `arn:aws:sts::${OTHER}:assumed-role/Auditor/alice`,
    account: OTHER,
    roleArn: `arn:aws:iam::${OTHER}:role/Auditor`,
  },
  lambda: { type: 'service', arn: 'lambda.amazonaws.com', account: null },
  google: { type: 'web-identity', arn: 'accounts.google.com', account: null },
  saml: { type: 'saml', arn: `arn:aws:iam::${ACCOUNT}:saml-provider/Okta`, account: null },
  federated: {
    type: 'federated-user',
    arn: `arn:aws:sts::${ACCOUNT}:federated-user/carol`,
    account: ACCOUNT,
  },
  anonymous: { type: 'anonymous', arn: '*', account: null },
} satisfies Record<string, RequestPrincipal>;

type PrincipalName = keyof typeof principals;

function request(
  principal: PrincipalName,
  action = 's3:GetObject',
  resource = 'arn:aws:s3:::logs/a.txt',
  context = {},
): AccessRequest {
  return { principal: principals[principal], action, resource: { arn: resource, account: ACCOUNT }, context };
}

function matches(statement: Record<string, unknown>, req: AccessRequest, checkPrincipal = false): boolean {
  const parsed = parsePolicy(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] },
    'test',
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return statementMatches(parsed.policy.statements[0]!, req, {
    checkPrincipal,
    version: parsed.policy.version,
  });
}

// IAM User Guide, "IAM JSON policy elements: Action" and "NotAction".
describe('Action and NotAction', () => {
  it.each([
    ['an exact action matches', 's3:GetObject', 's3:GetObject', true],
    ['action names are case-insensitive', 'S3:getobject', 's3:GetObject', true],
    ['s3:Get* matches every Get action', 's3:Get*', 's3:GetBucketPolicy', true],
    ['s3:Get* does not match s3:PutObject', 's3:Get*', 's3:PutObject', false],
    ['* matches every action of every service', '*', 'iam:CreateUser', true],
    ['s3:* does not match another service', 's3:*', 's3express:CreateSession', false],
    ['iam:*AccessKey* matches CreateAccessKey', 'iam:*AccessKey*', 'iam:CreateAccessKey', true],
    ['iam:*AccessKey* matches ListAccessKeys', 'iam:*AccessKey*', 'iam:ListAccessKeys', true],
    ['? matches one character', 'ec2:?escribeInstances', 'ec2:DescribeInstances', true],
    ['a service prefix alone is not an action', 's3', 's3:GetObject', false],
    [
      'a list matches when any entry does',
      ['sqs:SendMessage', 'sqs:ReceiveMessage'],
      'sqs:ReceiveMessage',
      true,
    ],
    ['a list fails when no entry does', ['sqs:SendMessage', 'sqs:ReceiveMessage'], 'sqs:DeleteQueue', false],
  ] as const)('%s', (_situation, action, requested, expected) => {
    expect(matches({ Action: action, Resource: '*' }, request('bob', requested, '*'))).toBe(expected);
  });

  it.each([
    ['NotAction iam:* matches an S3 action', 'iam:*', 's3:GetObject', true],
    ['NotAction iam:* does not match an IAM action', 'iam:*', 'iam:CreateUser', false],
    ['NotAction is case-insensitive too', 'IAM:*', 'iam:CreateUser', false],
    [
      'NotAction with a list excludes every listed action',
      ['iam:*', 'organizations:*'],
      'organizations:LeaveOrganization',
      false,
    ],
    [
      'NotAction with a list matches an unlisted action',
      ['iam:*', 'organizations:*'],
      'ec2:RunInstances',
      true,
    ],
    ['NotAction * matches nothing', '*', 'ec2:RunInstances', false],
  ] as const)('%s', (_situation, notAction, requested, expected) => {
    expect(matches({ NotAction: notAction, Resource: '*' }, request('bob', requested, '*'))).toBe(expected);
  });
});

// IAM User Guide, "IAM JSON policy elements: Resource" > Using wildcards in resource ARNs; and "NotResource".
describe('Resource and NotResource', () => {
  it.each([
    ['* matches every resource', '*', 'arn:aws:s3:::logs/a.txt', true],
    [
      'an exact ARN matches itself',
      'arn:aws:sqs:us-east-2:123456789012:queue1',
      'arn:aws:sqs:us-east-2:123456789012:queue1',
      true,
    ],
    [
      'resource ARNs are case-sensitive (user Bob is not bob)',
      'arn:aws:iam::123456789012:user/Bob',
      'arn:aws:iam::123456789012:user/bob',
      false,
    ],
    [
      'bucket/* matches every object',
      'arn:aws:s3:::amzn-s3-demo-bucket/*',
      'arn:aws:s3:::amzn-s3-demo-bucket/a/b/c.txt',
      true,
    ],
    [
      'bucket/* does not match the bucket itself',
      'arn:aws:s3:::amzn-s3-demo-bucket/*',
      'arn:aws:s3:::amzn-s3-demo-bucket',
      false,
    ],
    [
      'a path wildcard matches every user under /accounting/',
      'arn:aws:iam::123456789012:user/accounting/*',
      'arn:aws:iam::123456789012:user/accounting/carol',
      true,
    ],
    [
      'a path wildcard does not match another path',
      'arn:aws:iam::123456789012:user/accounting/*',
      'arn:aws:iam::123456789012:user/sales/dan',
      false,
    ],
    [
      '* expands over / inside the resource segment',
      'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*',
      'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3',
      true,
    ],
    [
      'a wildcard in the region segment matches any region',
      'arn:aws:dynamodb:*:123456789012:table/Books',
      'arn:aws:dynamodb:eu-west-1:123456789012:table/Books',
      true,
    ],
    [
      'a * ending a segment may expand beyond colons',
      'arn:aws:ec2:*',
      'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
      true,
    ],
    [
      'a * inside a segment does not span colons',
      'arn:aws:e*2:123456789012:instance/i-1',
      'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
      false,
    ],
    [
      '? matches one character of a segment',
      'arn:aws:sqs:us-east-?:123456789012:queue1',
      'arn:aws:sqs:us-east-2:123456789012:queue1',
      true,
    ],
    [
      '? never matches a colon in the first segments',
      'arn:aws:sqs:us-east-2?123456789012:queue1',
      'arn:aws:sqs:us-east-2:123456789012:queue1',
      false,
    ],
    [
      'a wildcard in the resource id matches colons in it',
      'arn:aws:logs:us-east-1:123456789012:log-group:app*',
      'arn:aws:logs:us-east-1:123456789012:log-group:app:log-stream:x',
      true,
    ],
    [
      'a resource in another account does not match',
      'arn:aws:sqs:us-east-2:123456789012:*',
      'arn:aws:sqs:us-east-2:444455556666:queue1',
      false,
    ],
    [
      'a list matches when any entry does',
      ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'],
      'arn:aws:s3:::b/x',
      true,
    ],
  ] as const)('%s', (_situation, resource, arn, expected) => {
    expect(matches({ Action: '*', Resource: resource }, request('bob', 's3:GetObject', arn))).toBe(expected);
  });

  it.each([
    [
      'NotResource matches a resource outside the list',
      'arn:aws:s3:::HRBucket/Payroll*',
      'arn:aws:s3:::HRBucket/Benefits',
      true,
    ],
    [
      'NotResource does not match a listed resource',
      'arn:aws:s3:::HRBucket/Payroll*',
      'arn:aws:s3:::HRBucket/Payroll/2026.csv',
      false,
    ],
    [
      'NotResource with several entries excludes each',
      ['arn:aws:s3:::a', 'arn:aws:s3:::a/*'],
      'arn:aws:s3:::a',
      false,
    ],
    ['NotResource * matches nothing', '*', 'arn:aws:s3:::a', false],
  ] as const)('%s', (_situation, notResource, arn, expected) => {
    expect(matches({ Action: '*', NotResource: notResource }, request('bob', 's3:GetObject', arn))).toBe(
      expected,
    );
  });

  it('a trust-policy statement without Resource applies to the role it is attached to', () => {
    expect(
      matches(
        { Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } },
        request('lambda', 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/fn`),
        true,
      ),
    ).toBe(true);
  });
});

// IAM User Guide, "AWS JSON policy elements: Principal".
describe('Principal', () => {
  it.each([
    ['"*" names every caller', '*', 'otherBob', true],
    ['"*" names anonymous callers', '*', 'anonymous', true],
    ['{"AWS": "*"} names every caller too', { AWS: '*' }, 'otherSession', true],
    ['{"AWS": "*"} names anonymous callers too', { AWS: '*' }, 'anonymous', true],
    ['an account id names a user of that account', { AWS: ACCOUNT }, 'bob', true],
    ['an account id names a role session of that account', { AWS: ACCOUNT }, 'session', true],
    ['an account id names its root user', { AWS: ACCOUNT }, 'root', true],
    ['an account id does not name another account', { AWS: ACCOUNT }, 'otherBob', false],
    [
      'the root ARN names every principal of the account',
      { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      'session',
      true,
    ],
    [
      'the root ARN of another account names its users',
      { AWS: `arn:aws:iam::${OTHER}:root` },
      'otherBob',
      true,
    ],
    [
      'the root ARN does not name anonymous callers',
      { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      'anonymous',
      false,
    ],
    ['a user ARN names that user', { AWS: `arn:aws:iam::${ACCOUNT}:user/Bob` }, 'bob', true],
    [
      'a user ARN does not name a user of the same name elsewhere',
      { AWS: `arn:aws:iam::${ACCOUNT}:user/Bob` },
      'otherBob',
      false,
    ],
    [
      'a role ARN names sessions of that role',
      { AWS: `arn:aws:iam::${ACCOUNT}:role/ops/Deployer` },
      'session',
      true,
    ],
    [
      'a role ARN does not name sessions of another role',
      { AWS: `arn:aws:iam::${OTHER}:role/Other` },
      'otherSession',
      false,
    ],
    [
      'a session ARN names that session',
      { AWS: `arn:aws:sts::${OTHER}:assumed-role/Auditor/alice` },
      'otherSession',
      true,
    ],
    [
      'a session ARN does not name another session',
      { AWS: `arn:aws:sts::${OTHER}:assumed-role/Auditor/bob` },
      'otherSession',
      false,
    ],
    [
      'a federated user ARN names that federated user',
      { AWS: `arn:aws:sts::${ACCOUNT}:federated-user/carol` },
      'federated',
      true,
    ],
    ['a service principal names that service', { Service: 'lambda.amazonaws.com' }, 'lambda', true],
    [
      'a service principal in a list names that service',
      { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] },
      'lambda',
      true,
    ],
    ['a service principal does not name a user', { Service: 'lambda.amazonaws.com' }, 'bob', false],
    ['an account id does not name a service', { AWS: ACCOUNT }, 'lambda', false],
    [
      'a web identity provider names its federated callers',
      { Federated: 'accounts.google.com' },
      'google',
      true,
    ],
    [
      'a SAML provider ARN names its federated callers',
      { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/Okta` },
      'saml',
      true,
    ],
    [
      'a web identity provider does not name a SAML caller',
      { Federated: 'accounts.google.com' },
      'saml',
      false,
    ],
    [
      'a mixed block names anyone it lists',
      { AWS: `arn:aws:iam::${OTHER}:root`, Service: 'lambda.amazonaws.com' },
      'lambda',
      true,
    ],
  ] as const)('%s', (_situation, principal, caller, expected) => {
    expect(
      matches({ Principal: principal, Action: 's3:GetObject', Resource: '*' }, request(caller), true),
    ).toBe(expected);
  });

  it('an identity policy statement (principal not checked) matches whoever holds it', () => {
    expect(matches({ Action: 's3:GetObject', Resource: '*' }, request('bob'), false)).toBe(true);
  });
  it('a statement naming no principal matches nobody when principals are checked', () => {
    expect(matches({ Action: 's3:GetObject', Resource: '*' }, request('bob'), true)).toBe(false);
  });
});

// IAM User Guide, "AWS JSON policy elements: NotPrincipal" (Deny with NotPrincipal must list the account too).
describe('NotPrincipal', () => {
  const bobAndAccount = { AWS: [`arn:aws:iam::${OTHER}:user/Bob`, `arn:aws:iam::${OTHER}:root`] };
  it.each([
    ['a user listed with its account is excluded', bobAndAccount, 'otherBob', false],
    [
      'a user listed without its account is not excluded',
      { AWS: `arn:aws:iam::${OTHER}:user/Bob` },
      'otherBob',
      true,
    ],
    ['another user of the listed account is not excluded', bobAndAccount, 'otherSession', true],
    ['a caller of another account is not excluded', bobAndAccount, 'bob', true],
    [
      'the account root listed alone excludes the root user',
      { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      'root',
      false,
    ],
    [
      'the account root listed alone does not exclude its users',
      { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      'bob',
      true,
    ],
    [
      'a role session is excluded by its session ARN and account',
      { AWS: [`arn:aws:sts::${OTHER}:assumed-role/Auditor/alice`, OTHER] },
      'otherSession',
      false,
    ],
    [
      'a role session is excluded by its role ARN and account',
      { AWS: [`arn:aws:iam::${OTHER}:role/Auditor`, `arn:aws:iam::${OTHER}:root`] },
      'otherSession',
      false,
    ],
    [
      'a role session is excluded by the assumed-role ARN without session name',
      { AWS: [`arn:aws:sts::${OTHER}:assumed-role/Auditor`, OTHER] },
      'otherSession',
      false,
    ],
    ['a service named in NotPrincipal is excluded', { Service: 'lambda.amazonaws.com' }, 'lambda', false],
    ['a service not named in NotPrincipal is not excluded', { Service: 'ec2.amazonaws.com' }, 'lambda', true],
    ['anonymous callers are never excluded by an AWS account', bobAndAccount, 'anonymous', true],
  ] as const)('%s', (_situation, notPrincipal, caller, expected) => {
    expect(
      matches(
        { Effect: 'Deny', NotPrincipal: notPrincipal, Action: 's3:*', Resource: '*' },
        request(caller),
        true,
      ),
    ).toBe(expected);
  });
});

// IAM User Guide, "AWS global condition context keys": keys AWS fills from the caller.
describe('derived context keys', () => {
  it.each([
    ['a user has its name as aws:username', 'bob', 'aws:username', 'Bob'],
    ['a user ARN is aws:PrincipalArn', 'bob', 'aws:principalarn', `arn:aws:iam::${ACCOUNT}:user/Bob`],
    [
      'a role session has the role ARN as aws:PrincipalArn',
      'session',
      'aws:principalarn',
      `arn:aws:iam::${ACCOUNT}:role/ops/Deployer`,
    ],
    ['a role session has no aws:username', 'session', 'aws:username', undefined],
    ['a role session is of type AssumedRole', 'session', 'aws:principaltype', 'AssumedRole'],
    ['a user is of type User', 'bob', 'aws:principaltype', 'User'],
    ['the root user is of type Account', 'root', 'aws:principaltype', 'Account'],
    ['the root user has the account id as aws:userid', 'root', 'aws:userid', ACCOUNT],
    ['a federated user is of type FederatedUser', 'federated', 'aws:principaltype', 'FederatedUser'],
    ['an anonymous caller is of type Anonymous', 'anonymous', 'aws:principaltype', 'Anonymous'],
    ['a caller account is aws:PrincipalAccount', 'otherBob', 'aws:principalaccount', OTHER],
    ['a service has no aws:PrincipalAccount', 'lambda', 'aws:principalaccount', undefined],
    ['a federated user has account:name as aws:userid', 'federated', 'aws:userid', `${ACCOUNT}:carol`],
    [
      'a service has its name as aws:PrincipalServiceName',
      'lambda',
      'aws:principalservicename',
      'lambda.amazonaws.com',
    ],
    [
      'a service is an AWS service (aws:PrincipalIsAWSService)',
      'lambda',
      'aws:principalisawsservice',
      'true',
    ],
    ['a user is not an AWS service', 'bob', 'aws:principalisawsservice', 'false'],
    [
      'an anonymous request has no aws:PrincipalIsAWSService',
      'anonymous',
      'aws:principalisawsservice',
      undefined,
    ],
  ] as const)('%s', (_situation, caller, key, expected) => {
    expect(contextWithDerivedKeys(request(caller))[key]).toBe(expected);
  });

  it('a condition on aws:PrincipalArn sees the role of a session (ArnLike)', () => {
    const statement = {
      Action: '*',
      Resource: '*',
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ops/*' } },
    };
    expect(matches(statement, request('session'))).toBe(true);
    expect(matches(statement, request('bob'))).toBe(false);
  });
  it('a value already in the request context is kept', () => {
    expect(
      contextWithDerivedKeys(request('bob', 's3:GetObject', '*', { 'aws:principaltype': 'Custom' }))[
        'aws:principaltype'
      ],
    ).toBe('Custom');
  });
});

// Cases other tools get wrong (issue 5): a statement matches on all of its elements at once.
describe('whole statements', () => {
  it.each([
    [
      'Deny "Action": "*" matches an S3 read',
      { Effect: 'Deny', Action: '*', Resource: '*' },
      request('bob'),
      true,
    ],
    [
      's3:Get* matches a read of an object',
      { Action: 's3:Get*', Resource: 'arn:aws:s3:::logs/*' },
      request('bob'),
      true,
    ],
    [
      's3:Get* on another bucket does not match',
      { Action: 's3:Get*', Resource: 'arn:aws:s3:::other/*' },
      request('bob'),
      false,
    ],
    [
      'Principal * with aws:PrincipalOrgID matches a caller of the organization',
      {
        Principal: '*',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
      },
      request('otherBob', 's3:GetObject', 'arn:aws:s3:::logs/a.txt', { 'aws:principalorgid': 'o-abc' }),
      true,
    ],
    [
      'Principal * with aws:PrincipalOrgID does not match an anonymous caller',
      {
        Principal: '*',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
      },
      request('anonymous'),
      false,
    ],
    [
      'the deny-insecure-transport statement matches plain HTTP',
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      request('bob', 's3:GetObject', 'arn:aws:s3:::logs/a.txt', { 'aws:securetransport': 'false' }),
      true,
    ],
    [
      'the deny-insecure-transport statement does not match TLS',
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      request('bob', 's3:GetObject', 'arn:aws:s3:::logs/a.txt', { 'aws:securetransport': 'true' }),
      false,
    ],
    [
      's3:GetObject does not match s3:GetObjectAcl',
      { Action: 's3:GetObject', Resource: '*' },
      request('bob', 's3:GetObjectAcl'),
      false,
    ],
  ] as const)('%s', (_situation, statement, req, expected) => {
    expect(matches(statement, req, 'Principal' in statement)).toBe(expected);
  });
});
