import { describe, expect, it } from 'vitest';

import { CHECKS } from '../../../checks/index.js';
import { contextOf, iacResource } from '../../../testing/iac.js';
import { runsOnCode } from '../inventory.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './kms.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

const OPEN = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }],
};

describe('CloudFormation keys', () => {
  it('maps a typical key: customer managed, enabled, rotation and policy as written', () => {
    const key = iacResource(
      'AWS::KMS::Key',
      { Description: 'orders', EnableKeyRotation: true, KeyPolicy: OPEN, PendingWindowInDays: 7 },
      { address: 'Key', lines: { KeyPolicy: 6 } },
    );
    const mapped = map(key);
    expect(mapped.attributes).toEqual({
      keyId: 'Key',
      description: 'orders',
      keyManager: 'CUSTOMER',
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      keyState: 'Enabled',
      rotationEnabled: true,
      policy: OPEN,
    });
    expect(mapped.locations.policy?.line).toBe(6);
  });

  it('applies the defaults: rotation off, the default key policy; Enabled: false creates a Disabled key', () => {
    const mapped = map(iacResource('AWS::KMS::Key', { Enabled: 'false' }));
    expect(mapped.attributes.rotationEnabled).toBe(false);
    expect(mapped.attributes.keyState).toBe('Disabled');
    expect(JSON.stringify(mapped.attributes.policy)).toContain('arn:aws:iam::iac:root');
  });

  it('reads ${AWS::AccountId} in the key policy as the deploying account', () => {
    const own = new Unresolved('Ref to AWS::AccountId, known only at deployment');
    const mapped = map(
      iacResource('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: [
            { Effect: 'Allow', Principal: { AWS: own }, Action: 'kms:*', Resource: '*' },
            {
              Effect: 'Allow',
              Principal: '*',
              Action: 'kms:Decrypt',
              Condition: { StringEquals: { 'kms:CallerAccount': own } },
            },
          ],
        },
      }),
    );
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes.policy).toEqual({
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::iac:root' }, Action: 'kms:*', Resource: '*' },
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'kms:Decrypt',
          Condition: { StringEquals: { 'kms:CallerAccount': 'iac' } },
        },
      ],
    });
  });

  it('makes a gap of a key policy with an unresolved principal, and only of it', () => {
    const principal = new Unresolved('Ref to parameter Admin, which has no default');
    const mapped = map(
      iacResource('AWS::KMS::Key', {
        EnableKeyRotation: true,
        KeyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'kms:*' }] },
      }),
    );
    expect(mapped.gaps).toEqual([
      { field: 'policy', reason: 'unresolved', detail: 'Ref to parameter Admin, which has no default' },
    ]);
    expect(mapped.attributes.rotationEnabled).toBe(true);
  });

  it('does not run kms-key-not-pending-deletion on code, which cannot schedule a deletion', () => {
    const check = (id: string) => {
      const found = CHECKS.find((candidate) => candidate.id === id);
      if (!found) throw new Error(id);
      return found;
    };
    for (const language of ['cloudformation', 'terraform'] as const) {
      expect(runsOnCode(check('kms-key-not-pending-deletion'), language, MAPPERS)).toBe(false);
      expect(runsOnCode(check('kms-key-rotation-enabled'), language, MAPPERS)).toBe(true);
    }
  });
});

describe('Terraform keys', () => {
  it('maps a typical key and takes the policy of an aws_kms_key_policy', () => {
    const key = iacResource('aws_kms_key', {
      enable_key_rotation: true,
      is_enabled: false,
      customer_master_key_spec: 'RSA_2048',
    });
    const separate = iacResource(
      'aws_kms_key_policy',
      { key_id: new Reference('aws_kms_key.this', 'id'), policy: JSON.stringify(OPEN) },
      { address: 'aws_kms_key_policy.this', line: 9 },
    );
    const mapped = map(key, separate);
    expect(mapped.attributes).toMatchObject({
      keyState: 'Disabled',
      keySpec: 'RSA_2048',
      rotationEnabled: true,
      policy: OPEN,
    });
    expect(mapped.locations.policy?.line).toBe(9);
  });

  it('applies the provider defaults and makes a gap of an unresolved flag', () => {
    const mapped = map(
      iacResource('aws_kms_key', { enable_key_rotation: new Unresolved('var.rotate has no value') }),
    );
    expect(mapped.attributes).toMatchObject({
      keyState: 'Enabled',
      keySpec: 'SYMMETRIC_DEFAULT',
      origin: 'AWS_KMS',
    });
    expect(mapped.gaps).toEqual([
      { field: 'rotationEnabled', reason: 'unresolved', detail: 'var.rotate has no value' },
    ]);
  });
});
