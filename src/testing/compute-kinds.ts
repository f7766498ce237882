import type { EcsContainer } from '../core/kinds/compute.js';
import type { AttributesOf } from '../core/kinds/index.js';
import type { Resource } from '../core/resource.js';
import { ACCOUNT, REGION, resource, withGap } from './builders.js';
import { listingFailed, type CheckCase } from './check-tester.js';

/** Container and Kubernetes builders for check tests: a hardened resource by default, overrides for the case. */

/** A hardened container: unprivileged, read-only root, a non-root user, logs to CloudWatch. */
export function ecsContainer(name: string, overrides: Partial<EcsContainer> = {}): EcsContainer {
  return {
    name,
    image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}:1.4.2`,
    privileged: false,
    readonlyRootFilesystem: true,
    user: '1000',
    environment: {},
    secretsFromParameters: [],
    logDriver: 'awslogs',
    ...overrides,
  };
}

/** Revision 7 of the task definition family `api` (or `overrides.family`), running `containers`. */
export function ecsTaskDefinition(
  containers: EcsContainer[],
  overrides: Partial<AttributesOf<'ecs.task-definition'>> = {},
): Resource<'ecs.task-definition'> {
  const family = overrides.family ?? 'api';
  const revision = overrides.revision ?? 7;
  const attributes: AttributesOf<'ecs.task-definition'> = {
    arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`,
    family,
    revision,
    networkMode: 'awsvpc',
    pidMode: null,
    containers,
    ...overrides,
  };
  return resource('ecs.task-definition', attributes.arn, attributes);
}

/** The EKS cluster `prod` on a supported version: private endpoint, encrypted secrets, control-plane logs on. */
export function eksCluster(overrides: Partial<AttributesOf<'eks.cluster'>> = {}): Resource<'eks.cluster'> {
  const attributes: AttributesOf<'eks.cluster'> = {
    name: 'prod',
    version: '1.33',
    endpointPublicAccess: false,
    endpointPrivateAccess: true,
    publicAccessCidrs: [],
    secretsEncryption: true,
    enabledLogTypes: ['api', 'audit', 'authenticator'],
    ...overrides,
  };
  return resource('eks.cluster', attributes.name, attributes);
}

/**
 * The not-evaluated cases every task definition check shares: DescribeTaskDefinition throttled (leaving `field`
 * unread on a one-container task), and the families not listed in the region.
 */
export function taskDefinitionNotSeenCases(field: 'containers' | 'pidMode'): CheckCase[] {
  return [
    {
      name: 'the task definition could not be described',
      resources: [
        withGap(ecsTaskDefinition([ecsContainer('app')]), field, 'throttled', 'ecs:DescribeTaskDefinition'),
      ],
      reason: 'throttled',
    },
    listingFailed(
      'task definitions could not be listed in the region',
      'ecs.task-definition',
      'ecs:ListTaskDefinitionFamilies',
    ),
  ];
}

/** Running instance i-0abc (or `overrides.instanceId`) in a private subnet, with a role and IMDSv2 required. */
export function ec2Instance(overrides: Partial<AttributesOf<'ec2.instance'>> = {}): Resource<'ec2.instance'> {
  const attributes: AttributesOf<'ec2.instance'> = {
    instanceId: 'i-0abc',
    state: 'running',
    instanceType: 't3.micro',
    imageId: 'ami-0123',
    vpcId: 'vpc-1',
    subnetId: 'subnet-1',
    publicIpAddress: null,
    iamInstanceProfileArn: `arn:aws:iam::${ACCOUNT}:instance-profile/app`,
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 },
    ...overrides,
  };
  return resource('ec2.instance', attributes.instanceId, attributes);
}
