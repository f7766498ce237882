import type { IacObject, IacValue } from '../types.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  block,
  blocks,
  bool,
  get,
  list,
  obj,
  str,
  tagsOf,
  type KindMapper,
} from './mapper.js';
import { nameOf } from './resource-ids.js';

const strings = (value: IacValue | undefined): string[] =>
  list(value).flatMap((entry) => {
    const text = str(entry);
    return text === undefined ? [] : [text];
  });

/** Without a version, EKS creates the cluster on its default version of the day: the code does not decide it. */
function versionOf(value: IacValue | undefined): string {
  const version = str(value);
  if (version === undefined)
    throw new UnresolvedValue('no Kubernetes version: EKS picks its default at creation');
  return version;
}

/**
 * EKS endpoint access defaults (CreateCluster, AWS::EKS::Cluster ResourcesVpcConfig, aws_eks_cluster vpc_config):
 * public endpoint on, private endpoint off, public access from 0.0.0.0/0. The kind has no CIDRs for a private-only
 * endpoint.
 */
function access(config: IacObject | undefined, keys: { public: string; private: string; cidrs: string }) {
  const isPublic = bool(get(config, keys.public)) ?? true;
  const cidrs = strings(get(config, keys.cidrs));
  return {
    endpointPublicAccess: isPublic,
    endpointPrivateAccess: bool(get(config, keys.private)) ?? false,
    publicAccessCidrs: isPublic ? (cidrs.length > 0 ? cidrs : ['0.0.0.0/0']) : [],
  };
}

const FIELDS = [
  'name',
  'version',
  'endpointPublicAccess',
  'endpointPrivateAccess',
  'publicAccessCidrs',
  'secretsEncryption',
  'enabledLogTypes',
] as const;

const cfnCluster: KindMapper<'eks.cluster'> = {
  kind: 'eks.cluster',
  format: 'cloudformation',
  types: ['AWS::EKS::Cluster'],
  fields: FIELDS,
  map(resource) {
    const p = resource.properties;
    const endpoint = () =>
      access(obj(get(p, 'ResourcesVpcConfig')), {
        public: 'EndpointPublicAccess',
        private: 'EndpointPrivateAccess',
        cidrs: 'PublicAccessCidrs',
      });
    const vpc = (key: string) => ['ResourcesVpcConfig', key];
    const builder = new AttributeBuilder<'eks.cluster'>(resource);
    builder
      .set('name', () => nameOf(resource, 'Name'), ['Name'])
      .set('version', () => versionOf(get(p, 'Version')), ['Version'])
      .set('endpointPublicAccess', () => endpoint().endpointPublicAccess, vpc('EndpointPublicAccess'), [
        'ResourcesVpcConfig',
      ])
      .set('endpointPrivateAccess', () => endpoint().endpointPrivateAccess, vpc('EndpointPrivateAccess'), [
        'ResourcesVpcConfig',
      ])
      .set('publicAccessCidrs', () => endpoint().publicAccessCidrs, vpc('PublicAccessCidrs'), [
        'ResourcesVpcConfig',
      ])
      // A key that is only known at deployment (a parameter, another stack's export) is still the customer's key.
      .set(
        'secretsEncryption',
        () =>
          list(get(p, 'EncryptionConfig')).some(
            (entry) =>
              strings(get(entry, 'Resources')).includes('secrets') &&
              get(entry, 'Provider', 'KeyArn') !== undefined,
          ),
        ['EncryptionConfig'],
      )
      .set(
        'enabledLogTypes',
        () =>
          list(get(p, 'Logging', 'ClusterLogging', 'EnabledTypes')).flatMap((entry) => {
            const type = str(get(entry, 'Type'));
            return type === undefined ? [] : [type];
          }),
        ['Logging', 'ClusterLogging', 'EnabledTypes'],
        ['Logging'],
      );
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const tfCluster: KindMapper<'eks.cluster'> = {
  kind: 'eks.cluster',
  format: 'terraform',
  types: ['aws_eks_cluster'],
  fields: FIELDS,
  map(resource) {
    const p = resource.properties;
    const endpoint = () =>
      access(block(p, 'vpc_config'), {
        public: 'endpoint_public_access',
        private: 'endpoint_private_access',
        cidrs: 'public_access_cidrs',
      });
    const vpc = (key: string) => ['vpc_config', 0, key];
    const builder = new AttributeBuilder<'eks.cluster'>(resource);
    builder
      .set('name', () => nameOf(resource, 'name'), ['name'])
      .set('version', () => versionOf(get(p, 'version')), ['version'])
      .set('endpointPublicAccess', () => endpoint().endpointPublicAccess, vpc('endpoint_public_access'), [
        'vpc_config',
      ])
      .set('endpointPrivateAccess', () => endpoint().endpointPrivateAccess, vpc('endpoint_private_access'), [
        'vpc_config',
      ])
      .set('publicAccessCidrs', () => endpoint().publicAccessCidrs, vpc('public_access_cidrs'), [
        'vpc_config',
      ])
      .set(
        'secretsEncryption',
        () =>
          blocks(p, 'encryption_config').some(
            (entry) =>
              strings(get(entry, 'resources')).includes('secrets') &&
              get(block(entry, 'provider'), 'key_arn') !== undefined,
          ),
        ['encryption_config'],
      )
      // aws_eks_cluster enabled_cluster_log_types: none unless listed.
      .set('enabledLogTypes', () => strings(get(p, 'enabled_cluster_log_types')), [
        'enabled_cluster_log_types',
      ]);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cfnCluster, tfCluster] as KindMapper[];
