import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './secretsmanager.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

const PUBLIC = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
};

describe('CloudFormation secrets', () => {
  it('joins the resource policy and the rotation schedule of the secret', () => {
    const secret = iacResource('AWS::SecretsManager::Secret', { Name: 'prod/db' }, { address: 'Db' });
    const policy = iacResource(
      'AWS::SecretsManager::ResourcePolicy',
      { SecretId: new Reference('Db', null), ResourcePolicy: PUBLIC },
      { address: 'DbPolicy', line: 8 },
    );
    const rotation = iacResource(
      'AWS::SecretsManager::RotationSchedule',
      { SecretId: new Reference('Db', null), RotationRules: { ScheduleExpression: 'rate(48 hours)' } },
      { address: 'DbRotation', line: 14 },
    );
    const mapped = map(secret, policy, rotation);
    expect(mapped.attributes).toEqual({
      name: 'prod/db',
      kmsKeyId: null,
      policy: PUBLIC,
      rotationEnabled: true,
      rotationIntervalDays: 2,
    });
    expect(mapped.locations.rotationEnabled?.line).toBe(14);
    expect(mapped.locations.policy?.line).toBe(8);
  });

  it('applies the defaults: no rotation, no policy, the AWS managed key', () => {
    expect(map(iacResource('AWS::SecretsManager::Secret', {}, { address: 'Db' })).attributes).toEqual({
      name: 'Db',
      kmsKeyId: null,
      policy: null,
      rotationEnabled: false,
      rotationIntervalDays: null,
    });
  });

  it('makes a gap of an unresolved rotation interval only', () => {
    const secret = iacResource('AWS::SecretsManager::Secret', {}, { address: 'Db' });
    const rotation = iacResource(
      'AWS::SecretsManager::RotationSchedule',
      {
        SecretId: new Reference('Db', null),
        RotationRules: { AutomaticallyAfterDays: new Unresolved('Ref to parameter Days') },
      },
      { address: 'DbRotation' },
    );
    const mapped = map(secret, rotation);
    expect(mapped.gaps).toEqual([
      { field: 'rotationIntervalDays', reason: 'unresolved', detail: 'Ref to parameter Days' },
    ]);
    expect(mapped.attributes.rotationEnabled).toBe(true);
  });
});

describe('Terraform secrets', () => {
  it('joins aws_secretsmanager_secret_policy and aws_secretsmanager_secret_rotation', () => {
    const secret = iacResource('aws_secretsmanager_secret', { name: 'prod/db', kms_key_id: 'alias/db' });
    const policy = iacResource(
      'aws_secretsmanager_secret_policy',
      { secret_arn: new Reference('aws_secretsmanager_secret.this', 'arn'), policy: JSON.stringify(PUBLIC) },
      { address: 'aws_secretsmanager_secret_policy.this' },
    );
    const rotation = iacResource(
      'aws_secretsmanager_secret_rotation',
      {
        secret_id: new Reference('aws_secretsmanager_secret.this', 'id'),
        rotation_rules: [{ automatically_after_days: 30 }],
      },
      { address: 'aws_secretsmanager_secret_rotation.this' },
    );
    expect(map(secret, policy, rotation).attributes).toEqual({
      name: 'prod/db',
      kmsKeyId: 'alias/db',
      policy: PUBLIC,
      rotationEnabled: true,
      rotationIntervalDays: 30,
    });
  });

  it('leaves the interval of a cron schedule to deployment (null), as Secrets Manager computes it', () => {
    const secret = iacResource('aws_secretsmanager_secret', { name: 'prod/db' });
    const rotation = iacResource(
      'aws_secretsmanager_secret_rotation',
      { secret_id: 'prod/db', rotation_rules: [{ schedule_expression: 'cron(0 4 1 * ? *)' }] },
      { address: 'aws_secretsmanager_secret_rotation.this' },
    );
    expect(map(secret, rotation).attributes).toMatchObject({
      rotationEnabled: true,
      rotationIntervalDays: null,
    });
  });
});
