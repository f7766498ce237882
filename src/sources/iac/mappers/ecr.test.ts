import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './ecr.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

const PUBLIC = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }],
};

describe('repositories', () => {
  it('maps a typical CloudFormation repository with its inline policy and lifecycle policy', () => {
    const repository = iacResource('AWS::ECR::Repository', {
      RepositoryName: 'orders',
      ImageTagMutability: 'IMMUTABLE',
      ImageScanningConfiguration: { ScanOnPush: true },
      EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: 'alias/ecr' },
      RepositoryPolicyText: PUBLIC,
      LifecyclePolicy: { LifecyclePolicyText: '{"rules":[]}' },
    });
    expect(map(repository).attributes).toEqual({
      name: 'orders',
      tagMutability: 'IMMUTABLE',
      scanOnPush: true,
      encryptionType: 'KMS',
      kmsKey: 'alias/ecr',
      policy: PUBLIC,
      hasLifecyclePolicy: true,
    });
  });

  it('applies the defaults: mutable tags, no scan on push, AES256, no policy', () => {
    expect(map(iacResource('aws_ecr_repository', { name: 'orders' })).attributes).toEqual({
      name: 'orders',
      tagMutability: 'MUTABLE',
      scanOnPush: false,
      encryptionType: 'AES256',
      kmsKey: null,
      policy: null,
      hasLifecyclePolicy: false,
    });
  });

  it('joins aws_ecr_repository_policy and aws_ecr_lifecycle_policy by repository name', () => {
    const repository = iacResource('aws_ecr_repository', { name: 'orders' });
    const policy = iacResource(
      'aws_ecr_repository_policy',
      { repository: new Reference('aws_ecr_repository.this', 'name'), policy: JSON.stringify(PUBLIC) },
      { address: 'aws_ecr_repository_policy.this', line: 7 },
    );
    const lifecycle = iacResource(
      'aws_ecr_lifecycle_policy',
      { repository: 'orders', policy: '{}' },
      { address: 'aws_ecr_lifecycle_policy.this' },
    );
    const mapped = map(repository, policy, lifecycle);
    expect(mapped.attributes).toMatchObject({ policy: PUBLIC, hasLifecyclePolicy: true });
    expect(mapped.locations.policy?.line).toBe(7);
  });

  it('makes a gap of an unresolved scan setting only', () => {
    const mapped = map(
      iacResource('aws_ecr_repository', {
        name: 'o',
        image_scanning_configuration: [{ scan_on_push: new Unresolved('var.scan has no value') }],
      }),
    );
    expect(mapped.gaps).toEqual([
      { field: 'scanOnPush', reason: 'unresolved', detail: 'var.scan has no value' },
    ]);
    expect(mapped.attributes.tagMutability).toBe('MUTABLE');
  });
});
