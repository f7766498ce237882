import { describe, expect, it } from 'vitest';
import { statementMatches } from './match.js';
import { parsePolicy } from './parse.js';
import { matchesPattern, patternText } from './patterns.js';
import type { AccessRequest, PolicyDocument, RequestContext } from './types.js';
import { substituteVariables } from './variables.js';

const ACCOUNT = '123456789012';
const amy: AccessRequest['principal'] = {
  type: 'user',
  arn: `arn:aws:iam::${ACCOUNT}:user/division/amy`,
  account: ACCOUNT,
};
const session: AccessRequest['principal'] = {
  type: 'assumed-role',
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/amy@example.com`,
  account: ACCOUNT,
  roleArn: `arn:aws:iam::${ACCOUNT}:role/Dev`,
};

function document(statement: Record<string, unknown>, version: string | null = '2012-10-17'): PolicyDocument {
  const parsed = parsePolicy(
    { ...(version === null ? {} : { Version: version }), Statement: { Effect: 'Allow', ...statement } },
    'test',
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.policy;
}

function matches(
  policy: PolicyDocument,
  principal: AccessRequest['principal'],
  action: string,
  resource: string,
  context: RequestContext = {},
): boolean {
  const request: AccessRequest = {
    principal,
    action,
    resource: { arn: resource, account: ACCOUNT },
    context,
  };
  return statementMatches(policy.statements[0]!, request, { checkPrincipal: false, version: policy.version });
}

// IAM User Guide, "IAM policy elements: Variables and tags" > Using variables in policies.
describe('variables in Resource', () => {
  const home = document({
    Action: 's3:*',
    Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*',
  });
  it.each([
    [
      'a user reaches objects under their own home folder',
      amy,
      'arn:aws:s3:::amzn-s3-demo-bucket/home/amy/notes.txt',
      {},
      true,
    ],
    [
      "a user does not reach another user's home folder",
      amy,
      'arn:aws:s3:::amzn-s3-demo-bucket/home/bob/notes.txt',
      {},
      false,
    ],
    [
      'a role session has no aws:username, so the resource matches nothing',
      session,
      'arn:aws:s3:::amzn-s3-demo-bucket/home/amy/notes.txt',
      {},
      false,
    ],
    [
      'an explicit aws:username in the context wins over the derived one',
      amy,
      'arn:aws:s3:::amzn-s3-demo-bucket/home/zoe/x',
      { 'aws:username': 'zoe' },
      true,
    ],
  ] as const)('%s', (_situation, principal, resource, context, expected) => {
    expect(matches(home, principal, 's3:GetObject', resource, context)).toBe(expected);
  });

  it.each([
    [
      'a principal tag names the bucket suffix',
      'arn:aws:s3:::amzn-s3-demo-bucket-${aws:PrincipalTag/team}',
      { 'aws:principaltag/team': 'yellow' },
      'arn:aws:s3:::amzn-s3-demo-bucket-yellow',
      true,
    ],
    [
      'another team tag does not reach the yellow bucket',
      'arn:aws:s3:::amzn-s3-demo-bucket-${aws:PrincipalTag/team}',
      { 'aws:principaltag/team': 'blue' },
      'arn:aws:s3:::amzn-s3-demo-bucket-yellow',
      false,
    ],
    [
      'without the tag the resource matches nothing',
      'arn:aws:s3:::amzn-s3-demo-bucket-${aws:PrincipalTag/team}',
      {},
      'arn:aws:s3:::amzn-s3-demo-bucket-',
      false,
    ],
    [
      'a default value applies when the tag is missing',
      "arn:aws:s3:::amzn-s3-demo-bucket-${aws:PrincipalTag/team, 'company-wide'}",
      {},
      'arn:aws:s3:::amzn-s3-demo-bucket-company-wide',
      true,
    ],
    [
      'the default is ignored when the tag is present',
      "arn:aws:s3:::amzn-s3-demo-bucket-${aws:PrincipalTag/team, 'company-wide'}",
      { 'aws:principaltag/team': 'yellow' },
      'arn:aws:s3:::amzn-s3-demo-bucket-company-wide',
      false,
    ],
    [
      'variable names are case-insensitive',
      'arn:aws:s3:::amzn-s3-demo-bucket-${AWS:PRINCIPALTAG/Team}',
      { 'aws:principaltag/team': 'yellow' },
      'arn:aws:s3:::amzn-s3-demo-bucket-yellow',
      true,
    ],
    [
      'a multivalued key cannot be a variable',
      'arn:aws:s3:::amzn-s3-demo-bucket-${aws:TagKeys}',
      { 'aws:tagkeys': ['yellow'] },
      'arn:aws:s3:::amzn-s3-demo-bucket-yellow',
      false,
    ],
    [
      '${*} names a literal asterisk, not a wildcard',
      'arn:aws:s3:::amzn-s3-demo-bucket/${*}',
      {},
      'arn:aws:s3:::amzn-s3-demo-bucket/*',
      true,
    ],
    [
      '${*} does not match an arbitrary key',
      'arn:aws:s3:::amzn-s3-demo-bucket/${*}',
      {},
      'arn:aws:s3:::amzn-s3-demo-bucket/report',
      false,
    ],
    [
      '${?} names a literal question mark',
      'arn:aws:s3:::amzn-s3-demo-bucket/what${?}',
      {},
      'arn:aws:s3:::amzn-s3-demo-bucket/what?',
      true,
    ],
    [
      '${?} does not match any one character',
      'arn:aws:s3:::amzn-s3-demo-bucket/what${?}',
      {},
      'arn:aws:s3:::amzn-s3-demo-bucket/whats',
      false,
    ],
    [
      '${$} names a literal dollar sign',
      'arn:aws:s3:::amzn-s3-demo-bucket/${$}{x}',
      {},
      'arn:aws:s3:::amzn-s3-demo-bucket/${x}',
      true,
    ],
    [
      'a substituted value with * in it is plain text',
      'arn:aws:s3:::amzn-s3-demo-bucket/${aws:PrincipalTag/team}',
      { 'aws:principaltag/team': '*' },
      'arn:aws:s3:::amzn-s3-demo-bucket/secret',
      false,
    ],
    [
      'a wildcard beside a variable still works',
      'arn:aws:s3:::amzn-s3-demo-bucket/${aws:PrincipalTag/team}/*',
      { 'aws:principaltag/team': 'ops' },
      'arn:aws:s3:::amzn-s3-demo-bucket/ops/a/b',
      true,
    ],
  ] as const)('%s', (_situation, resource, context, arn, expected) => {
    expect(matches(document({ Action: 's3:*', Resource: resource }), amy, 's3:GetObject', arn, context)).toBe(
      expected,
    );
  });
});

// "Policy variables" > Version: variables are only replaced in policies with Version 2012-10-17.
describe('policy language version', () => {
  it.each([
    ['a 2012-10-17 policy replaces ${aws:username}', '2012-10-17', 'arn:aws:s3:::b/amy', true],
    ['a 2008-10-17 policy keeps ${aws:username} as text', '2008-10-17', 'arn:aws:s3:::b/amy', false],
    ['a 2008-10-17 policy matches the literal text', '2008-10-17', 'arn:aws:s3:::b/${aws:username}', true],
    ['a policy without Version uses 2008-10-17 rules', null, 'arn:aws:s3:::b/${aws:username}', true],
    ['a policy without Version does not replace variables', null, 'arn:aws:s3:::b/amy', false],
  ] as const)('%s', (_situation, version, arn, expected) => {
    expect(
      matches(
        document({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' }, version),
        amy,
        's3:GetObject',
        arn,
      ),
    ).toBe(expected);
  });
});

// "Policy variables" > Where you can use policy variables: condition values.
describe('variables in condition values', () => {
  it.each([
    [
      's3:prefix must be the user home (ListBucket example)',
      { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } },
      { 's3:prefix': 'home/amy/docs' },
      true,
    ],
    [
      's3:prefix of another user fails',
      { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } },
      { 's3:prefix': 'home/bob/docs' },
      false,
    ],
    [
      'a resource tag must equal the principal tag (ABAC)',
      { StringEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } },
      { 'aws:resourcetag/project': 'apollo', 'aws:principaltag/project': 'apollo' },
      true,
    ],
    [
      'ABAC fails when the tags differ',
      { StringEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } },
      { 'aws:resourcetag/project': 'apollo', 'aws:principaltag/project': 'gemini' },
      false,
    ],
    [
      'ABAC fails when the principal has no tag',
      { StringEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } },
      { 'aws:resourcetag/project': 'apollo' },
      false,
    ],
    [
      'a negated operator with an unresolved variable holds (no equal value exists)',
      { StringNotEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } },
      { 'aws:resourcetag/project': 'apollo' },
      true,
    ],
    [
      'ArnEquals may use aws:PrincipalAccount in an ARN',
      { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:${aws:PrincipalAccount}:*' } },
      { 'aws:sourcearn': `arn:aws:sns:us-east-1:${ACCOUNT}:alerts` },
      true,
    ],
    [
      'a default value applies in a condition too',
      { StringEquals: { 'aws:ResourceTag/team': "${aws:PrincipalTag/team, 'none'}" } },
      { 'aws:resourcetag/team': 'none' },
      true,
    ],
  ] as const)('%s', (_situation, condition, context, expected) => {
    expect(
      matches(
        document({ Action: 's3:ListBucket', Resource: '*', Condition: condition }),
        amy,
        's3:ListBucket',
        'arn:aws:s3:::b',
        context,
      ),
    ).toBe(expected);
  });
});

describe('substituteVariables', () => {
  it.each([
    ['home/${aws:username}/', { 'aws:username': 'amy' }, 'home/amy/'],
    ["${aws:PrincipalTag/team, 'it''s'}", {}, "it's"],
    ["${ aws:username , 'x' }", { 'aws:username': 'amy' }, 'amy'],
    ['no variables at all', {}, 'no variables at all'],
    ['${unclosed', {}, '${unclosed'],
    ['${aws:username}-${aws:username}', { 'aws:username': 'a' }, 'a-a'],
  ])('%s becomes the expected text', (template, context, expected) => {
    const pattern = substituteVariables(template, context, true);
    expect(pattern === null ? null : patternText(pattern)).toBe(expected);
  });
  it.each([
    ['${aws:username}', {}],
    ['${aws:username, unquoted}', {}],
    ['${aws:TagKeys}', { 'aws:tagkeys': ['a', 'b'] }],
  ])('%s has no value', (template, context) => {
    expect(substituteVariables(template, context, true)).toBeNull();
  });
  it('keeps a wildcard written in the policy and escapes a substituted one', () => {
    const pattern = substituteVariables('a/*/${aws:username}', { 'aws:username': '?' }, true)!;
    expect(matchesPattern(pattern, 'a/x/?', { ignoreCase: false, arn: false })).toBe(true);
    expect(matchesPattern(pattern, 'a/x/y', { ignoreCase: false, arn: false })).toBe(false);
  });
});
