import type { AttributesOf } from '../../../core/kinds/index.js';
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
import { idOf } from './resource-ids.js';

type Attributes = AttributesOf<'cloudfront.distribution'>;
type ViewerPolicy = Attributes['viewerProtocolPolicies'][number]['policy'];
type OriginPolicy = Attributes['originProtocolPolicies'][number]['policy'];

const VIEWER_POLICIES: readonly ViewerPolicy[] = ['allow-all', 'https-only', 'redirect-to-https'];
const ORIGIN_POLICIES: readonly OriginPolicy[] = ['http-only', 'match-viewer', 'https-only'];

function viewerPolicy(value: IacValue | undefined, where: string): ViewerPolicy {
  const given = str(value);
  const policy = VIEWER_POLICIES.find((known) => known === given);
  if (!policy)
    throw new UnresolvedValue(
      `${where}: viewer protocol policy ${given ?? '(none)'} is not one CloudFront knows`,
    );
  return policy;
}

function originPolicy(value: IacValue | undefined, where: string): OriginPolicy {
  const given = str(value);
  const policy = ORIGIN_POLICIES.find((known) => known === given);
  if (!policy)
    throw new UnresolvedValue(
      `${where}: origin protocol policy ${given ?? '(none)'} is not one CloudFront knows`,
    );
  return policy;
}

/**
 * The viewer security policy. On the default *.cloudfront.net certificate CloudFront reports `TLSv1` whatever is
 * asked; with a certificate of the customer's, MinimumProtocolVersion defaults to `TLSv1` (CloudFront API
 * ViewerCertificate; Terraform's viewer_certificate documents the same default).
 */
function minimumProtocol(
  certificate: IacObject | undefined,
  keys: { default: string; acm: string; iam: string; min: string },
) {
  const custom =
    certificate !== undefined &&
    bool(get(certificate, keys.default)) !== true &&
    (str(get(certificate, keys.acm)) !== undefined || str(get(certificate, keys.iam)) !== undefined);
  if (!custom) return 'TLSv1';
  return str(get(certificate, keys.min)) ?? 'TLSv1';
}

/** The first alias names the distribution best; its *.cloudfront.net domain exists only after deployment. */
function domainOf(aliases: IacValue | undefined, address: string): string {
  const first = list(aliases)[0];
  return typeof first === 'string' && first !== '' ? first : address;
}

const FIELDS = [
  'id',
  'domainName',
  'enabled',
  'viewerProtocolPolicies',
  'minimumProtocolVersion',
  'originProtocolPolicies',
  'webAclId',
  'loggingEnabled',
  'defaultRootObject',
] as const;

const cfnDistribution: KindMapper<'cloudfront.distribution'> = {
  kind: 'cloudfront.distribution',
  format: 'cloudformation',
  types: ['AWS::CloudFront::Distribution'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const config = (): IacObject => obj(get(p, 'DistributionConfig')) ?? {};
    const builder = new AttributeBuilder<'cloudfront.distribution'>(resource);
    const at = (...path: (string | number)[]) => ['DistributionConfig', ...path];
    builder
      .set('id', () => resource.address)
      .set('domainName', () => domainOf(get(config(), 'Aliases'), resource.address), at('Aliases'))
      .set('enabled', () => bool(get(config(), 'Enabled')) ?? true, at('Enabled'))
      .set(
        'viewerProtocolPolicies',
        () => [
          {
            pathPattern: null,
            policy: viewerPolicy(
              get(config(), 'DefaultCacheBehavior', 'ViewerProtocolPolicy'),
              'default cache behavior',
            ),
          },
          ...list(get(config(), 'CacheBehaviors')).map((behavior) => {
            const pathPattern = str(get(behavior, 'PathPattern')) ?? '';
            return { pathPattern, policy: viewerPolicy(get(behavior, 'ViewerProtocolPolicy'), pathPattern) };
          }),
        ],
        at('DefaultCacheBehavior', 'ViewerProtocolPolicy'),
      )
      .set(
        'minimumProtocolVersion',
        () =>
          minimumProtocol(obj(get(config(), 'ViewerCertificate')), {
            default: 'CloudFrontDefaultCertificate',
            acm: 'AcmCertificateArn',
            iam: 'IamCertificateId',
            min: 'MinimumProtocolVersion',
          }),
        at('ViewerCertificate', 'MinimumProtocolVersion'),
        at('ViewerCertificate'),
      )
      .set(
        'originProtocolPolicies',
        () =>
          list(get(config(), 'Origins')).flatMap((origin) => {
            const custom = obj(get(origin, 'CustomOriginConfig'));
            if (custom === undefined) return [];
            const originId = str(get(origin, 'Id')) ?? '';
            return [
              {
                originId,
                domainName: str(get(origin, 'DomainName')) ?? '',
                policy: originPolicy(get(custom, 'OriginProtocolPolicy'), originId),
                // As written; no check reads it, and its default is not documented for CloudFormation.
                sslProtocols: list(get(custom, 'OriginSSLProtocols')).flatMap((entry) => {
                  const text = str(entry);
                  return text === undefined ? [] : [text];
                }),
              },
            ];
          }),
        at('Origins'),
      )
      .set('webAclId', () => idOf(get(config(), 'WebACLId'), ctx) || null, at('WebACLId'))
      .set('loggingEnabled', () => obj(get(config(), 'Logging')) !== undefined, at('Logging'))
      .set(
        'defaultRootObject',
        () => str(get(config(), 'DefaultRootObject')) || null,
        at('DefaultRootObject'),
      );
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const tfDistribution: KindMapper<'cloudfront.distribution'> = {
  kind: 'cloudfront.distribution',
  format: 'terraform',
  types: ['aws_cloudfront_distribution'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'cloudfront.distribution'>(resource);
    builder
      .set('id', () => resource.address)
      .set('domainName', () => domainOf(get(p, 'aliases'), resource.address), ['aliases'])
      .set('enabled', () => bool(get(p, 'enabled')) ?? true, ['enabled'])
      .set(
        'viewerProtocolPolicies',
        () => [
          {
            pathPattern: null,
            policy: viewerPolicy(
              get(block(p, 'default_cache_behavior'), 'viewer_protocol_policy'),
              'default cache behavior',
            ),
          },
          ...blocks(p, 'ordered_cache_behavior').map((behavior) => {
            const pathPattern = str(get(behavior, 'path_pattern')) ?? '';
            return {
              pathPattern,
              policy: viewerPolicy(get(behavior, 'viewer_protocol_policy'), pathPattern),
            };
          }),
        ],
        ['default_cache_behavior', 0, 'viewer_protocol_policy'],
        ['default_cache_behavior'],
      )
      .set(
        'minimumProtocolVersion',
        () =>
          minimumProtocol(block(p, 'viewer_certificate'), {
            default: 'cloudfront_default_certificate',
            acm: 'acm_certificate_arn',
            iam: 'iam_certificate_id',
            min: 'minimum_protocol_version',
          }),
        ['viewer_certificate', 0, 'minimum_protocol_version'],
        ['viewer_certificate'],
      )
      .set(
        'originProtocolPolicies',
        () =>
          blocks(p, 'origin').flatMap((origin) => {
            const custom = block(origin, 'custom_origin_config');
            if (custom === undefined) return [];
            const originId = str(get(origin, 'origin_id')) ?? '';
            return [
              {
                originId,
                domainName: str(get(origin, 'domain_name')) ?? '',
                policy: originPolicy(get(custom, 'origin_protocol_policy'), originId),
                sslProtocols: list(get(custom, 'origin_ssl_protocols')).flatMap((entry) => {
                  const text = str(entry);
                  return text === undefined ? [] : [text];
                }),
              },
            ];
          }),
        ['origin'],
      )
      .set('webAclId', () => idOf(get(p, 'web_acl_id'), ctx) || null, ['web_acl_id'])
      .set('loggingEnabled', () => block(p, 'logging_config') !== undefined, ['logging_config'])
      .set('defaultRootObject', () => str(get(p, 'default_root_object')) || null, ['default_root_object']);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cfnDistribution, tfDistribution] as KindMapper[];
