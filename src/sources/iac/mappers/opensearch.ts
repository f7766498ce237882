import type { IacObject, IacResource } from '../types.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  block,
  blocks,
  bool,
  get,
  list,
  obj,
  policy,
  str,
  tagsOf,
  type KindMapper,
  type MapContext,
} from './mapper.js';
import { nameOf } from './resource-ids.js';

const FIELDS = [
  'name',
  'encryptionAtRest',
  'nodeToNodeEncryption',
  'enforceHttps',
  'tlsSecurityPolicy',
  'vpc',
  'logPublishing',
  'advancedSecurity',
  'accessPolicies',
] as const;

/** The TLS policy of an endpoint that enforces HTTPS; unresolved when the code leaves it to OpenSearch. */
function tlsPolicy(enforced: boolean, value: string | undefined, argument: string): string | null {
  if (value !== undefined) return value;
  // Without HTTPS enforced the policy does not decide anything (plain HTTP is accepted anyway).
  if (!enforced) return null;
  throw new UnresolvedValue(`${argument} is not set: OpenSearch Service applies its default TLS policy`);
}

const cloudformation: KindMapper<'opensearch.domain'> = {
  kind: 'opensearch.domain',
  format: 'cloudformation',
  types: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  fields: FIELDS,
  map(resource) {
    const p = resource.properties;
    const b = new AttributeBuilder<'opensearch.domain'>(resource);
    // CreateDomain: encryption at rest, node-to-node encryption, HTTPS enforcement and fine-grained access
    // control are all off unless asked for.
    const enforced = (): boolean => bool(get(p, 'DomainEndpointOptions', 'EnforceHTTPS')) ?? false;
    b.set('name', () => nameOf(resource, 'DomainName'), ['DomainName'])
      .set(
        'encryptionAtRest',
        () => bool(get(p, 'EncryptionAtRestOptions', 'Enabled')) ?? false,
        ['EncryptionAtRestOptions', 'Enabled'],
        ['EncryptionAtRestOptions'],
      )
      .set(
        'nodeToNodeEncryption',
        () => bool(get(p, 'NodeToNodeEncryptionOptions', 'Enabled')) ?? false,
        ['NodeToNodeEncryptionOptions', 'Enabled'],
        ['NodeToNodeEncryptionOptions'],
      )
      .set('enforceHttps', enforced, ['DomainEndpointOptions', 'EnforceHTTPS'], ['DomainEndpointOptions'])
      .set(
        'tlsSecurityPolicy',
        () =>
          tlsPolicy(
            enforced(),
            str(get(p, 'DomainEndpointOptions', 'TLSSecurityPolicy')),
            'DomainEndpointOptions.TLSSecurityPolicy',
          ),
        ['DomainEndpointOptions', 'TLSSecurityPolicy'],
        ['DomainEndpointOptions'],
      )
      // A domain in a VPC names its subnets; without VPCOptions it gets a public endpoint.
      .set('vpc', () => list(get(p, 'VPCOptions', 'SubnetIds')).length > 0, ['VPCOptions'])
      .set(
        'logPublishing',
        () =>
          Object.entries(obj(p.LogPublishingOptions) ?? {})
            .filter(([type, option]) => {
              const enabled = bool(get(option, 'Enabled'));
              if (enabled === undefined)
                throw new UnresolvedValue(`LogPublishingOptions.${type}.Enabled is not set`);
              return enabled;
            })
            .map(([type]) => type)
            .sort(),
        ['LogPublishingOptions'],
      )
      .set(
        'advancedSecurity',
        () => bool(get(p, 'AdvancedSecurityOptions', 'Enabled')) ?? false,
        ['AdvancedSecurityOptions', 'Enabled'],
        ['AdvancedSecurityOptions'],
      )
      .set('accessPolicies', () => policy(p.AccessPolicies) ?? null, ['AccessPolicies']);
    return b.build({ tags: tagsOf(p.Tags) });
  },
};

/** The policy resources that set a Terraform domain's access policy, by its name or a reference to it. */
function attachedPolicies(resource: IacResource, ctx: MapContext, name: string): IacResource[] {
  const types = ['aws_opensearch_domain_policy', 'aws_elasticsearch_domain_policy'];
  return ctx.resources.filter(
    (candidate) =>
      types.includes(candidate.type) &&
      (ctx.designates(candidate.properties.domain_name, resource) ||
        candidate.properties.domain_name === name),
  );
}

const terraform: KindMapper<'opensearch.domain'> = {
  kind: 'opensearch.domain',
  format: 'terraform',
  types: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'opensearch.domain'>(resource);
    const name = nameOf(resource, 'domain_name');
    const endpoint = (): IacObject | undefined => block(p, 'domain_endpoint_options');
    const enforced = (): boolean => {
      const options = endpoint();
      // Without domain_endpoint_options the domain keeps CreateDomain's default: HTTPS not enforced. Inside the
      // block, aws_opensearch_domain's enforce_https defaults to true.
      if (options === undefined) return false;
      return bool(options.enforce_https) ?? true;
    };
    const policies = attachedPolicies(resource, ctx, name);
    b.set('name', () => name, ['domain_name'])
      .set(
        'encryptionAtRest',
        () => bool(get(block(p, 'encrypt_at_rest'), 'enabled')) ?? false,
        ['encrypt_at_rest', 0, 'enabled'],
        ['encrypt_at_rest'],
      )
      .set(
        'nodeToNodeEncryption',
        () => bool(get(block(p, 'node_to_node_encryption'), 'enabled')) ?? false,
        ['node_to_node_encryption', 0, 'enabled'],
        ['node_to_node_encryption'],
      )
      .set(
        'enforceHttps',
        enforced,
        ['domain_endpoint_options', 0, 'enforce_https'],
        ['domain_endpoint_options'],
      )
      .set(
        'tlsSecurityPolicy',
        () => tlsPolicy(enforced(), str(get(endpoint(), 'tls_security_policy')), 'tls_security_policy'),
        ['domain_endpoint_options', 0, 'tls_security_policy'],
        ['domain_endpoint_options'],
      )
      .set('vpc', () => list(get(block(p, 'vpc_options'), 'subnet_ids')).length > 0, ['vpc_options'])
      .set(
        'logPublishing',
        () =>
          blocks(p, 'log_publishing_options')
            // log_publishing_options: enabled defaults to true.
            .filter((option) => bool(option.enabled) ?? true)
            .map((option) => {
              const type = str(option.log_type);
              if (type === undefined) throw new UnresolvedValue('log_publishing_options.log_type is not set');
              return type;
            })
            .sort(),
        ['log_publishing_options'],
      )
      .set(
        'advancedSecurity',
        () => bool(get(block(p, 'advanced_security_options'), 'enabled')) ?? false,
        ['advanced_security_options', 0, 'enabled'],
        ['advanced_security_options'],
      )
      .set(
        'accessPolicies',
        () => {
          // A separate domain policy resource replaces the domain's own access_policies.
          const source = policies[0]?.properties.access_policies ?? p.access_policies;
          return policy(source) ?? null;
        },
        ['access_policies'],
      )
      .at('accessPolicies', policies[0]?.locate(['access_policies']) ?? policies[0]?.location);
    return b.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform];
