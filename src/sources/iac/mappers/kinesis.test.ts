import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './kinesis.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('streams', () => {
  it('maps a CloudFormation stream encrypted with KMS', () => {
    const stream = iacResource('AWS::Kinesis::Stream', {
      Name: 'events',
      StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
      RetentionPeriodHours: 48,
    });
    expect(map(stream).attributes).toEqual({
      name: 'events',
      encryptionType: 'KMS',
      keyId: 'alias/aws/kinesis',
      retentionHours: 48,
    });
  });

  it('applies the defaults: unencrypted, 24 hours', () => {
    expect(map(iacResource('aws_kinesis_stream', { name: 'events' })).attributes).toEqual({
      name: 'events',
      encryptionType: 'NONE',
      keyId: null,
      retentionHours: 24,
    });
  });

  it('makes a gap of an unresolved encryption type', () => {
    const mapped = map(
      iacResource('aws_kinesis_stream', {
        name: 'e',
        encryption_type: new Unresolved('var.enc has no value'),
      }),
    );
    expect(mapped.gaps.map((gap) => gap.field).sort()).toEqual(['encryptionType', 'keyId']);
    expect(mapped.attributes.retentionHours).toBe(24);
  });
});
