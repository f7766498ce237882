import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './logs.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('log groups', () => {
  it('maps a typical CloudFormation log group', () => {
    const group = iacResource(
      'AWS::Logs::LogGroup',
      {
        LogGroupName: '/app/orders',
        RetentionInDays: 30,
        KmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k',
      },
      { lines: { RetentionInDays: 5 } },
    );
    const mapped = map(group);
    expect(mapped.attributes).toEqual({
      name: '/app/orders',
      retentionInDays: 30,
      kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k',
    });
    expect(mapped.locations.retentionInDays?.line).toBe(5);
  });

  it('applies the defaults: never expire, the CloudWatch Logs owned key; Terraform 0 also means never', () => {
    expect(map(iacResource('AWS::Logs::LogGroup', {}, { address: 'Logs' })).attributes).toEqual({
      name: 'Logs',
      retentionInDays: null,
      kmsKeyId: null,
    });
    expect(
      map(iacResource('aws_cloudwatch_log_group', { name: 'a', retention_in_days: 0 })).attributes
        .retentionInDays,
    ).toBeNull();
  });

  it('names a KMS key of the same code by its address and makes a gap of an unknown retention', () => {
    const key = iacResource('aws_kms_key', {}, { address: 'aws_kms_key.logs' });
    const group = iacResource('aws_cloudwatch_log_group', {
      name: 'a',
      kms_key_id: new Reference('aws_kms_key.logs', 'arn'),
      retention_in_days: new Unresolved('var.days has no value'),
    });
    const mapped = map(group, key);
    expect(mapped.attributes.kmsKeyId).toBe('aws_kms_key.logs');
    expect(mapped.gaps).toEqual([
      { field: 'retentionInDays', reason: 'unresolved', detail: 'var.days has no value' },
    ]);
  });
});
