import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './sqs.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

const PUBLIC = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' }],
};

describe('CloudFormation queues', () => {
  it('joins a QueuePolicy listing the queue, and a KMS key replaces SSE-SQS', () => {
    const queue = iacResource(
      'AWS::SQS::Queue',
      { QueueName: 'orders', KmsMasterKeyId: 'alias/aws/sqs' },
      { address: 'Orders' },
    );
    const policy = iacResource(
      'AWS::SQS::QueuePolicy',
      { Queues: [new Reference('Orders', null)], PolicyDocument: PUBLIC },
      { address: 'OrdersPolicy', line: 20 },
    );
    const mapped = map(queue, policy);
    expect(mapped.attributes).toEqual({
      name: 'orders',
      kmsMasterKeyId: 'alias/aws/sqs',
      sqsManagedSse: false,
      policy: PUBLIC,
    });
    expect(mapped.locations.policy?.line).toBe(20);
  });

  it('applies the defaults: SSE-SQS on, no policy', () => {
    expect(map(iacResource('AWS::SQS::Queue', {}, { address: 'Orders' })).attributes).toEqual({
      name: 'Orders',
      kmsMasterKeyId: null,
      sqsManagedSse: true,
      policy: null,
    });
  });

  it('turns SSE-SQS off when the template says so, and makes a gap of an unresolved flag', () => {
    expect(
      map(iacResource('AWS::SQS::Queue', { SqsManagedSseEnabled: false })).attributes.sqsManagedSse,
    ).toBe(false);
    const mapped = map(
      iacResource('AWS::SQS::Queue', { SqsManagedSseEnabled: new Unresolved('Ref to parameter Sse') }),
    );
    expect(mapped.gaps).toEqual([
      { field: 'sqsManagedSse', reason: 'unresolved', detail: 'Ref to parameter Sse' },
    ]);
  });
});

describe('Terraform queues', () => {
  it('joins an aws_sqs_queue_policy by queue_url', () => {
    const queue = iacResource('aws_sqs_queue', { name: 'orders' });
    const policy = iacResource(
      'aws_sqs_queue_policy',
      { queue_url: new Reference('aws_sqs_queue.this', 'id'), policy: JSON.stringify(PUBLIC) },
      { address: 'aws_sqs_queue_policy.this' },
    );
    expect(map(queue, policy).attributes).toEqual({
      name: 'orders',
      kmsMasterKeyId: null,
      sqsManagedSse: true,
      policy: PUBLIC,
    });
  });

  it('names a key of the same code by its address, and makes a gap of an unknown key id', () => {
    const key = iacResource('aws_kms_key', {}, { address: 'aws_kms_key.q' });
    const queue = iacResource('aws_sqs_queue', { kms_master_key_id: new Reference('aws_kms_key.q', 'arn') });
    expect(map(queue, key).attributes).toMatchObject({
      kmsMasterKeyId: 'aws_kms_key.q',
      sqsManagedSse: false,
    });
    const mapped = map(
      iacResource('aws_sqs_queue', { kms_master_key_id: new Unresolved('var.key has no value') }),
    );
    expect(mapped.gaps.map((gap) => gap.field).sort()).toEqual(['kmsMasterKeyId', 'sqsManagedSse']);
    expect(mapped.attributes.policy).toBeNull();
  });
});
