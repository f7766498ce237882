import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, type IacResource } from '../types.js';
import { MAPPERS } from './ssm.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('parameters', () => {
  it('maps a Terraform SecureString with the AWS managed key by default', () => {
    expect(
      map(iacResource('aws_ssm_parameter', { name: '/prod/db-password', type: 'SecureString' })).attributes,
    ).toEqual({
      name: '/prod/db-password',
      type: 'SecureString',
      keyId: 'alias/aws/ssm',
      tier: 'Standard',
    });
  });

  it('maps a CloudFormation String parameter, named by its logical id when it has no Name', () => {
    expect(
      map(
        iacResource(
          'AWS::SSM::Parameter',
          { Type: 'String', Value: 'x', Tier: 'Advanced' },
          { address: 'Param' },
        ),
      ).attributes,
    ).toEqual({
      name: 'Param',
      type: 'String',
      keyId: null,
      tier: 'Advanced',
    });
  });

  it('does not run the plaintext-secret check on CloudFormation, which cannot create a SecureString', () => {
    const cloudformation = MAPPERS.find((mapper) => mapper.format === 'cloudformation');
    expect(cloudformation?.notOnCode).toContain('ssm-parameter-secret-not-plaintext');
  });

  it('makes a gap of an unresolved type only', () => {
    const mapped = map(
      iacResource('aws_ssm_parameter', { name: '/a', type: new Reference('local.type', null) }),
    );
    expect(mapped.gaps.map((gap) => gap.field).sort()).toEqual(['keyId', 'type']);
    expect(mapped.attributes.name).toBe('/a');
  });
});
