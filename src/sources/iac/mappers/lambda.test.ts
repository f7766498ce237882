import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacObject, type IacResource } from '../types.js';
import { MAPPERS } from './lambda.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('CloudFormation functions', () => {
  const fn = (extra: IacObject = {}) =>
    iacResource(
      'AWS::Lambda::Function',
      {
        FunctionName: 'orders',
        Runtime: 'python3.13',
        Role: 'arn:aws:iam::111122223333:role/fn',
        ...extra,
      },
      { address: 'Fn' },
    );

  it('maps a typical function; environment values from other resources are placeholders, literals kept', () => {
    const mapped = map(
      fn({
        Environment: {
          Variables: { TABLE: new Reference('Orders', null), STAGE: 'prod', DB_PASSWORD: 'hunter2hunter2' },
        },
        VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] },
      }),
    );
    expect(mapped.attributes).toEqual({
      name: 'orders',
      runtime: 'python3.13',
      packageType: 'Zip',
      role: 'arn:aws:iam::111122223333:role/fn',
      environment: { TABLE: '${Orders}', STAGE: 'prod', DB_PASSWORD: 'hunter2hunter2' },
      kmsKeyArn: null,
      vpcConfigured: true,
      urlAuthType: null,
      policy: null,
    });
  });

  it('builds the resource policy from permissions and reads the unqualified function URL', () => {
    const permission = iacResource(
      'AWS::Lambda::Permission',
      { FunctionName: new Reference('Fn', null), Action: 'lambda:InvokeFunction', Principal: '*' },
      { address: 'Anyone', line: 20 },
    );
    const fromTopic = iacResource(
      'AWS::Lambda::Permission',
      {
        FunctionName: new Reference('Fn', 'Arn'),
        Principal: 'sns.amazonaws.com',
        SourceArn: new Reference('Topic', null),
      },
      { address: 'FromTopic' },
    );
    const aliasUrl = iacResource(
      'AWS::Lambda::Url',
      { TargetFunctionArn: new Reference('Fn', 'Arn'), AuthType: 'AWS_IAM', Qualifier: 'live' },
      { address: 'AliasUrl' },
    );
    const url = iacResource(
      'AWS::Lambda::Url',
      { TargetFunctionArn: new Reference('Fn', 'Arn'), AuthType: 'NONE' },
      { address: 'Url', line: 30 },
    );
    const mapped = map(fn(), permission, fromTopic, aliasUrl, url);
    expect(mapped.attributes.urlAuthType).toBe('NONE');
    expect(mapped.locations.urlAuthType?.line).toBe(30);
    expect(mapped.attributes.policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: '*' },
        {
          Sid: 'FromTopic',
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'lambda:InvokeFunction',
          Resource: '*',
          Condition: { ArnLike: { 'AWS:SourceArn': 'Topic' } },
        },
      ],
    });
    expect(mapped.locations.policy?.line).toBe(20);
  });

  it('gives an Image function no runtime', () => {
    expect(map(fn({ PackageType: 'Image' })).attributes).toMatchObject({
      packageType: 'Image',
      runtime: null,
    });
  });

  it('makes a gap of a secret-named variable set from an unknown parameter, and only of the environment', () => {
    const mapped = map(
      fn({
        Environment: {
          Variables: { DB_PASSWORD: new Unresolved('Ref to parameter Pw, which has no default') },
        },
      }),
    );
    expect(mapped.gaps).toEqual([
      {
        field: 'environment',
        reason: 'unresolved',
        detail: 'DB_PASSWORD: Ref to parameter Pw, which has no default',
      },
    ]);
    expect(mapped.attributes.runtime).toBe('python3.13');
  });
});

describe('Terraform functions', () => {
  it('joins aws_lambda_permission and aws_lambda_function_url by function name', () => {
    const fn = iacResource('aws_lambda_function', {
      function_name: 'orders',
      runtime: 'nodejs16.x',
      role: 'arn:aws:iam::111122223333:role/fn',
      environment: [{ variables: { STAGE: 'prod' } }],
    });
    const permission = iacResource(
      'aws_lambda_permission',
      {
        function_name: new Reference('aws_lambda_function.this', 'function_name'),
        principal: '111122223333',
        source_account: '111122223333',
      },
      { address: 'aws_lambda_permission.account' },
    );
    const url = iacResource(
      'aws_lambda_function_url',
      { function_name: 'orders', authorization_type: 'AWS_IAM' },
      { address: 'aws_lambda_function_url.this' },
    );
    const mapped = map(fn, permission, url);
    expect(mapped.attributes).toMatchObject({
      name: 'orders',
      runtime: 'nodejs16.x',
      packageType: 'Zip',
      environment: { STAGE: 'prod' },
      vpcConfigured: false,
      urlAuthType: 'AWS_IAM',
      policy: {
        Statement: [
          {
            Sid: 'aws_lambda_permission.account',
            Principal: { AWS: '111122223333' },
            Condition: { StringEquals: { 'AWS:SourceAccount': '111122223333' } },
          },
        ],
      },
    });
  });

  it('makes a gap of an unresolved runtime only', () => {
    const mapped = map(
      iacResource('aws_lambda_function', {
        function_name: 'f',
        role: 'r',
        runtime: new Unresolved('var.runtime has no value'),
      }),
    );
    expect(mapped.gaps).toEqual([
      { field: 'runtime', reason: 'unresolved', detail: 'var.runtime has no value' },
    ]);
    expect(mapped.attributes.policy).toBeNull();
  });
});
