import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './dynamodb.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('tables', () => {
  it('maps a typical CloudFormation table with a KMS key, recovery and deletion protection', () => {
    const table = iacResource('AWS::DynamoDB::Table', {
      TableName: 'orders',
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/orders' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(map(table).attributes).toEqual({
      name: 'orders',
      sseType: 'KMS',
      kmsKeyArn: 'alias/orders',
      pointInTimeRecovery: true,
      deletionProtection: true,
      billingMode: 'PAY_PER_REQUEST',
    });
  });

  it('applies the defaults: the key DynamoDB owns, no recovery, no protection, provisioned', () => {
    expect(map(iacResource('aws_dynamodb_table', { name: 'orders' })).attributes).toEqual({
      name: 'orders',
      sseType: 'AWS_OWNED',
      kmsKeyArn: null,
      pointInTimeRecovery: false,
      deletionProtection: false,
      billingMode: 'PROVISIONED',
    });
  });

  it('reads Terraform blocks, a key of the same code by its address', () => {
    const key = iacResource('aws_kms_key', {}, { address: 'aws_kms_key.t' });
    const table = iacResource('aws_dynamodb_table', {
      name: 'orders',
      server_side_encryption: [{ enabled: true, kms_key_arn: new Reference('aws_kms_key.t', 'arn') }],
      point_in_time_recovery: [{ enabled: true }],
    });
    expect(map(table, key).attributes).toMatchObject({
      sseType: 'KMS',
      kmsKeyArn: 'aws_kms_key.t',
      pointInTimeRecovery: true,
    });
  });

  it('makes a gap of unresolved deletion protection only', () => {
    const mapped = map(
      iacResource('AWS::DynamoDB::Table', {
        DeletionProtectionEnabled: new Unresolved('condition Prod depends on parameter Env'),
      }),
    );
    expect(mapped.gaps).toEqual([
      {
        field: 'deletionProtection',
        reason: 'unresolved',
        detail: 'condition Prod depends on parameter Env',
      },
    ]);
    expect(mapped.attributes.pointInTimeRecovery).toBe(false);
  });
});
