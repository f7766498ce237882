import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacObject, type IacResource } from '../types.js';
import { MAPPERS } from './cloudformation.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

function template(properties: IacObject) {
  return iacResource('AWS::CloudFormation::Template', properties, { address: 'Template' });
}

describe('templates as stacks', () => {
  it('shows parameters as DescribeStacks will: NoEcho masked, SSM types by name, defaults in clear', () => {
    const mapped = map(
      template({
        Parameters: {
          Password: { Type: 'String', NoEcho: true, Default: 'hunter2', Value: 'hunter2' },
          Env: { Type: 'String', NoEcho: false, Value: 'prod' },
          Ami: { Type: 'AWS::SSM::Parameter::Value<String>', NoEcho: false, Default: '/ami', Value: '/ami' },
          VpcId: {
            Type: 'AWS::EC2::VPC::Id',
            NoEcho: false,
            Value: new Unresolved('parameter VpcId has no default and no value was given'),
          },
        },
        Outputs: {
          Arn: { Description: 'the bucket', Value: new Reference('Bucket', 'Arn') },
          Stage: { Value: 'env-prod' },
        },
      }),
    );
    expect(mapped.attributes).toEqual({
      name: 'template.yaml',
      parameters: [
        { key: 'Password', value: '****', resolvedFromSsm: false },
        { key: 'Env', value: 'prod', resolvedFromSsm: false },
        { key: 'Ami', value: '/ami', resolvedFromSsm: true },
        {
          key: 'VpcId',
          value: '${parameter VpcId has no default and no value was given}',
          resolvedFromSsm: false,
        },
      ],
      outputs: [
        { key: 'Arn', value: '${Bucket.Arn}', description: 'the bucket' },
        { key: 'Stage', value: 'env-prod', description: null },
      ],
    });
  });

  it('makes a gap of a secret-named parameter whose value is given only at deployment', () => {
    const mapped = map(
      template({
        Parameters: {
          DbPassword: {
            Type: 'String',
            NoEcho: false,
            Value: new Unresolved('parameter DbPassword has no default'),
          },
        },
        Outputs: {},
      }),
    );
    expect(mapped.gaps).toEqual([
      {
        field: 'parameters',
        reason: 'unresolved',
        detail: 'DbPassword: parameter DbPassword has no default',
      },
    ]);
    expect(mapped.attributes.outputs).toEqual([]);
  });

  it('makes a gap of an output returning an access key secret', () => {
    const mapped = map(
      template({ Parameters: {}, Outputs: { Secret: { Value: new Reference('Key', 'SecretAccessKey') } } }),
    );
    expect(mapped.gaps.map((gap) => gap.field)).toEqual(['outputs']);
  });
});
