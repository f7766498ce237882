import { describe, expect, it } from 'vitest';
import { parsePolicy } from './parse.js';

const SOURCE = 'bucket policy of logs';

function parsed(input: unknown) {
  const result = parsePolicy(input, SOURCE);
  if (!result.ok) throw new Error(result.error);
  return result.policy;
}

function errorOf(input: unknown): string {
  const result = parsePolicy(input, SOURCE);
  if (result.ok) throw new Error('expected a parse error');
  return result.error;
}

const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };

// IAM User Guide, "IAM JSON policy elements reference" (Version, Id, Statement, Sid, Effect, Principal, Action,
// Resource, Condition) and "Grammar of the IAM JSON policy language".
describe('reading valid policies', () => {
  it('reads JSON text and a parsed value alike', () => {
    const document = { Version: '2012-10-17', Statement: [allowAll] };
    expect(parsed(JSON.stringify(document))).toEqual(parsed(document));
  });

  it('reads a full statement, turning single strings into lists', () => {
    const policy = parsed({
      Version: '2012-10-17',
      Id: 'S3PolicyId1',
      Statement: [
        {
          Sid: 'IPAllow',
          Effect: 'Deny',
          Principal: { AWS: 'arn:aws:iam::123456789012:root' },
          Action: 's3:*',
          Resource: 'arn:aws:s3:::logs/*',
          Condition: { NotIpAddress: { 'aws:SourceIp': '54.240.143.0/24' } },
        },
      ],
    });
    expect(policy).toEqual({
      version: '2012-10-17',
      id: 'S3PolicyId1',
      statements: [
        {
          sid: 'IPAllow',
          effect: 'Deny',
          principal: { AWS: ['arn:aws:iam::123456789012:root'] },
          notPrincipal: null,
          action: ['s3:*'],
          notAction: null,
          resource: ['arn:aws:s3:::logs/*'],
          notResource: null,
          conditions: [
            {
              operator: 'NotIpAddress',
              qualifier: null,
              ifExists: false,
              key: 'aws:SourceIp',
              values: ['54.240.143.0/24'],
            },
          ],
          path: '$.Statement[0]',
        },
      ],
    });
  });

  it.each([
    ['a missing Version means 2008-10-17', { Statement: allowAll }, (p: any) => p.version, '2008-10-17'],
    [
      'Version 2008-10-17 is kept',
      { Version: '2008-10-17', Statement: allowAll },
      (p: any) => p.version,
      '2008-10-17',
    ],
    [
      'a single statement object is read as one statement',
      { Version: '2012-10-17', Statement: allowAll },
      (p: any) => p.statements.length,
      1,
    ],
    [
      'a single statement object has the path $.Statement',
      { Version: '2012-10-17', Statement: allowAll },
      (p: any) => p.statements[0].path,
      '$.Statement',
    ],
    [
      'the second statement has the path $.Statement[1]',
      { Version: '2012-10-17', Statement: [allowAll, allowAll] },
      (p: any) => p.statements[1].path,
      '$.Statement[1]',
    ],
    [
      'a missing Sid is null',
      { Version: '2012-10-17', Statement: allowAll },
      (p: any) => p.statements[0].sid,
      null,
    ],
    ['a missing Id is null', { Version: '2012-10-17', Statement: allowAll }, (p: any) => p.id, null],
    [
      'Principal "*" is kept as "*"',
      { Version: '2012-10-17', Statement: { ...allowAll, Principal: '*' } },
      (p: any) => p.statements[0].principal,
      '*',
    ],
    [
      'Principal {"AWS": "*"} becomes a list',
      { Version: '2012-10-17', Statement: { ...allowAll, Principal: { AWS: '*' } } },
      (p: any) => p.statements[0].principal,
      { AWS: ['*'] },
    ],
    [
      'a Service principal list is kept',
      {
        Version: '2012-10-17',
        Statement: { ...allowAll, Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] } },
      },
      (p: any) => p.statements[0].principal,
      { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] },
    ],
    [
      'a Federated principal is kept',
      {
        Version: '2012-10-17',
        Statement: { ...allowAll, Principal: { Federated: 'cognito-identity.amazonaws.com' } },
      },
      (p: any) => p.statements[0].principal,
      { Federated: ['cognito-identity.amazonaws.com'] },
    ],
    [
      'a CanonicalUser principal is kept',
      {
        Version: '2012-10-17',
        Statement: { ...allowAll, Principal: { CanonicalUser: '79a59df900b949e55d96a1e698fbaced' } },
      },
      (p: any) => p.statements[0].principal,
      { CanonicalUser: ['79a59df900b949e55d96a1e698fbaced'] },
    ],
    [
      'NotPrincipal is read into notPrincipal',
      {
        Version: '2012-10-17',
        Statement: { Effect: 'Deny', Action: '*', Resource: '*', NotPrincipal: { AWS: '123456789012' } },
      },
      (p: any) => p.statements[0].notPrincipal,
      { AWS: ['123456789012'] },
    ],
    [
      'a trust policy statement without Resource records null',
      {
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
      },
      (p: any) => [p.statements[0].resource, p.statements[0].notResource],
      [null, null],
    ],
    [
      'NotAction and NotResource are read',
      {
        Version: '2012-10-17',
        Statement: { Effect: 'Deny', NotAction: 'iam:*', NotResource: ['arn:aws:s3:::a'] },
      },
      (p: any) => [p.statements[0].action, p.statements[0].notAction, p.statements[0].notResource],
      [null, ['iam:*'], ['arn:aws:s3:::a']],
    ],
    [
      'a boolean condition value becomes "true"',
      {
        Version: '2012-10-17',
        Statement: { ...allowAll, Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } } },
      },
      (p: any) => p.statements[0].conditions[0].values,
      ['true'],
    ],
    [
      'a number condition value becomes "5"',
      {
        Version: '2012-10-17',
        Statement: { ...allowAll, Condition: { NumericLessThan: { 's3:max-keys': 5 } } },
      },
      (p: any) => p.statements[0].conditions[0].values,
      ['5'],
    ],
    [
      'a list of condition values keeps every value',
      {
        Version: '2012-10-17',
        Statement: {
          ...allowAll,
          Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-west-2'] } },
        },
      },
      (p: any) => p.statements[0].conditions[0].values,
      ['eu-west-1', 'eu-west-2'],
    ],
    [
      'each key under an operator is its own clause',
      {
        Version: '2012-10-17',
        Statement: { ...allowAll, Condition: { StringEquals: { a: '1', b: '2' }, Bool: { c: 'true' } } },
      },
      (p: any) => p.statements[0].conditions.map((c: any) => `${c.operator}:${c.key}`),
      ['StringEquals:a', 'StringEquals:b', 'Bool:c'],
    ],
    [
      'a qualifier and IfExists are split from the operator',
      {
        Version: '2012-10-17',
        Statement: {
          ...allowAll,
          Condition: { 'ForAllValues:StringLikeIfExists': { 'aws:TagKeys': 'env*' } },
        },
      },
      (p: any) => p.statements[0].conditions[0],
      {
        operator: 'StringLike',
        qualifier: 'ForAllValues',
        ifExists: true,
        key: 'aws:TagKeys',
        values: ['env*'],
      },
    ],
    [
      'a Sid may contain spaces in resource policies',
      { Version: '2012-10-17', Statement: { ...allowAll, Sid: 'Allow read for auditors' } },
      (p: any) => p.statements[0].sid,
      'Allow read for auditors',
    ],
  ])('%s', (_situation, input, read, expected) => {
    expect(read(parsed(input))).toEqual(expected);
  });
});

describe('rejecting invalid policies with the JSON path', () => {
  it.each([
    ['text that is not JSON', '{"Version": ', '$: not valid JSON'],
    ['a document that is a list', [allowAll], '$: expected an object, got a list'],
    [
      'an unknown top-level element',
      { Version: '2012-10-17', Statement: allowAll, Statment: [] },
      '$.Statment: unknown element "Statment"',
    ],
    [
      'an unsupported Version',
      { Version: '2012-10-18', Statement: allowAll },
      '$.Version: expected "2012-10-17" or "2008-10-17", got "2012-10-18"',
    ],
    [
      'a Version written as a date value of another type',
      { Version: 2012, Statement: allowAll },
      '$.Version: expected "2012-10-17" or "2008-10-17", got 2012',
    ],
    ['a missing Statement', { Version: '2012-10-17' }, '$: missing required element "Statement"'],
    [
      'an empty Statement list',
      { Version: '2012-10-17', Statement: [] },
      '$.Statement: expected at least one statement',
    ],
    [
      'a statement that is a string',
      { Version: '2012-10-17', Statement: ['Allow'] },
      '$.Statement[0]: expected an object, got "Allow"',
    ],
    [
      'Effect in lower case',
      { Version: '2012-10-17', Statement: [allowAll, { ...allowAll, Effect: 'allow' }] },
      '$.Statement[1].Effect: expected "Allow" or "Deny", got "allow"',
    ],
    [
      'a missing Effect',
      { Version: '2012-10-17', Statement: { Action: '*', Resource: '*' } },
      '$.Statement: missing required element "Effect"',
    ],
    [
      'both Action and NotAction',
      { Version: '2012-10-17', Statement: { ...allowAll, NotAction: 'iam:*' } },
      '$.Statement: has both "Action" and "NotAction"',
    ],
    [
      'neither Action nor NotAction',
      { Version: '2012-10-17', Statement: { Effect: 'Allow', Resource: '*' } },
      '$.Statement: missing "Action" or "NotAction"',
    ],
    [
      'both Resource and NotResource',
      { Version: '2012-10-17', Statement: { ...allowAll, NotResource: '*' } },
      '$.Statement: has both "Resource" and "NotResource"',
    ],
    [
      'both Principal and NotPrincipal',
      { Version: '2012-10-17', Statement: { ...allowAll, Principal: '*', NotPrincipal: '*' } },
      '$.Statement: has both "Principal" and "NotPrincipal"',
    ],
    [
      'an unknown statement element',
      { Version: '2012-10-17', Statement: [{ ...allowAll, Actions: 's3:*' }] },
      '$.Statement[0].Actions: unknown element "Actions"',
    ],
    [
      'an Action that is a number',
      { Version: '2012-10-17', Statement: { ...allowAll, Action: 5 } },
      '$.Statement.Action: expected a string or a list of strings, got 5',
    ],
    [
      'a non-string inside an Action list',
      { Version: '2012-10-17', Statement: { ...allowAll, Action: ['s3:GetObject', null] } },
      '$.Statement.Action[1]: expected a string, got null',
    ],
    [
      'an empty Resource list',
      { Version: '2012-10-17', Statement: { ...allowAll, Resource: [] } },
      '$.Statement.Resource: expected at least one value',
    ],
    [
      'a Principal string other than "*"',
      { Version: '2012-10-17', Statement: { ...allowAll, Principal: '123456789012' } },
      '$.Statement.Principal: expected "*" or an object',
    ],
    [
      'an unknown principal type',
      { Version: '2012-10-17', Statement: { ...allowAll, Principal: { User: 'bob' } } },
      '$.Statement.Principal.User: unknown principal type "User"',
    ],
    [
      'an empty Principal object',
      { Version: '2012-10-17', Statement: { ...allowAll, Principal: {} } },
      '$.Statement.Principal: expected at least one of AWS',
    ],
    [
      'a Sid that is a number',
      { Version: '2012-10-17', Statement: { ...allowAll, Sid: 1 } },
      '$.Statement.Sid: expected a string, got 1',
    ],
    [
      'an Id that is an object',
      { Version: '2012-10-17', Id: {}, Statement: allowAll },
      '$.Id: expected a string, got an object',
    ],
    [
      'a Condition that is a list',
      { Version: '2012-10-17', Statement: { ...allowAll, Condition: [] } },
      '$.Statement.Condition: expected an object, got a list',
    ],
    [
      'an unknown condition operator',
      { Version: '2012-10-17', Statement: { ...allowAll, Condition: { StringEqual: { a: 'b' } } } },
      '$.Statement.Condition.StringEqual: unknown condition operator "StringEqual"',
    ],
    [
      'Null with IfExists',
      { Version: '2012-10-17', Statement: { ...allowAll, Condition: { NullIfExists: { a: 'true' } } } },
      '$.Statement.Condition.NullIfExists: unknown condition operator',
    ],
    [
      'an operator whose keys are not an object',
      { Version: '2012-10-17', Statement: { ...allowAll, Condition: { StringEquals: 'a' } } },
      '$.Statement.Condition.StringEquals: expected an object, got "a"',
    ],
    [
      'an operator with no keys',
      { Version: '2012-10-17', Statement: { ...allowAll, Condition: { StringEquals: {} } } },
      '$.Statement.Condition.StringEquals: expected at least one condition key',
    ],
    [
      'a condition value that is an object',
      { Version: '2012-10-17', Statement: { ...allowAll, Condition: { StringEquals: { k: { v: 1 } } } } },
      '$.Statement.Condition.StringEquals.k: expected a string, number or boolean, got an object',
    ],
    [
      'a null inside a condition value list',
      { Version: '2012-10-17', Statement: { ...allowAll, Condition: { StringEquals: { k: ['a', null] } } } },
      '$.Statement.Condition.StringEquals.k[1]: expected a string, number or boolean, got null',
    ],
    [
      'an empty condition value list',
      { Version: '2012-10-17', Statement: { ...allowAll, Condition: { StringEquals: { k: [] } } } },
      '$.Statement.Condition.StringEquals.k: expected at least one value',
    ],
  ])('%s', (_situation, input, expected) => {
    const error = errorOf(input);
    expect(error.startsWith(`${SOURCE}: `)).toBe(true);
    expect(error).toContain(expected);
    expect(error).not.toContain('\n');
  });

  it('names the source and the path in the documented form', () => {
    expect(errorOf({ Version: '2012-10-17', Statement: [allowAll, { ...allowAll, Effect: 'allow' }] })).toBe(
      'bucket policy of logs: $.Statement[1].Effect: expected "Allow" or "Deny", got "allow"',
    );
  });
});
