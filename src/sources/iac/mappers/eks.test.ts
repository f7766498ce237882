import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './eks.js';

function map(resource: IacResource) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('EKS clusters', () => {
  it('CloudFormation: maps a typical cluster, a key from another resource counting as encryption', () => {
    const cluster = iacResource('AWS::EKS::Cluster', {
      Name: 'platform',
      Version: '1.33',
      ResourcesVpcConfig: { EndpointPublicAccess: true, PublicAccessCidrs: ['203.0.113.0/24'] },
      EncryptionConfig: [{ Resources: ['secrets'], Provider: { KeyArn: new Reference('Key', 'Arn') } }],
      Logging: { ClusterLogging: { EnabledTypes: [{ Type: 'api' }, { Type: 'audit' }] } },
    });
    expect(map(cluster).attributes).toEqual({
      name: 'platform',
      version: '1.33',
      endpointPublicAccess: true,
      endpointPrivateAccess: false,
      publicAccessCidrs: ['203.0.113.0/24'],
      secretsEncryption: true,
      enabledLogTypes: ['api', 'audit'],
    });
  });

  it('Terraform defaults: a public endpoint open to 0.0.0.0/0, no secrets encryption, no logs', () => {
    const cluster = iacResource('aws_eks_cluster', {
      name: 'platform',
      version: '1.31',
      vpc_config: [{ subnet_ids: ['s'] }],
    });
    expect(map(cluster).attributes).toMatchObject({
      endpointPublicAccess: true,
      endpointPrivateAccess: false,
      publicAccessCidrs: ['0.0.0.0/0'],
      secretsEncryption: false,
      enabledLogTypes: [],
    });
    const closed = iacResource('aws_eks_cluster', {
      name: 'p',
      version: '1.31',
      vpc_config: [{ endpoint_public_access: false }],
    });
    expect(map(closed).attributes.publicAccessCidrs).toEqual([]);
  });

  it('a version left to EKS, or unresolved, is a gap on version only', () => {
    expect(map(iacResource('aws_eks_cluster', { name: 'p' })).gaps).toEqual([
      {
        field: 'version',
        reason: 'unresolved',
        detail: 'no Kubernetes version: EKS picks its default at creation',
      },
    ]);
    expect(
      map(iacResource('AWS::EKS::Cluster', { Version: new Unresolved('Ref to parameter K8sVersion') })).gaps,
    ).toEqual([{ field: 'version', reason: 'unresolved', detail: 'Ref to parameter K8sVersion' }]);
  });
});
