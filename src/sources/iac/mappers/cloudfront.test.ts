import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './cloudfront.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('CloudFormation distributions', () => {
  it('maps a typical distribution', () => {
    const distribution = iacResource(
      'AWS::CloudFront::Distribution',
      {
        DistributionConfig: {
          Enabled: true,
          Aliases: ['www.example.com'],
          DefaultRootObject: 'index.html',
          WebACLId: new Reference('WebAcl', 'Arn'),
          Logging: { Bucket: 'logs.s3.amazonaws.com' },
          ViewerCertificate: {
            AcmCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/x',
            MinimumProtocolVersion: 'TLSv1.2_2021',
          },
          Origins: [
            { Id: 'bucket', DomainName: 'b.s3.amazonaws.com', S3OriginConfig: {} },
            {
              Id: 'app',
              DomainName: 'app.example.com',
              CustomOriginConfig: { OriginProtocolPolicy: 'match-viewer', OriginSSLProtocols: ['TLSv1.2'] },
            },
          ],
          DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
          CacheBehaviors: [{ PathPattern: '/api/*', ViewerProtocolPolicy: 'allow-all' }],
        },
      },
      { address: 'Cdn' },
    );
    const acl = iacResource('AWS::WAFv2::WebACL', {}, { address: 'WebAcl' });
    expect(map(distribution, acl).attributes).toEqual({
      id: 'Cdn',
      domainName: 'www.example.com',
      enabled: true,
      viewerProtocolPolicies: [
        { pathPattern: null, policy: 'redirect-to-https' },
        { pathPattern: '/api/*', policy: 'allow-all' },
      ],
      minimumProtocolVersion: 'TLSv1.2_2021',
      originProtocolPolicies: [
        { originId: 'app', domainName: 'app.example.com', policy: 'match-viewer', sslProtocols: ['TLSv1.2'] },
      ],
      webAclId: 'WebAcl',
      loggingEnabled: true,
      defaultRootObject: 'index.html',
    });
  });

  it('defaults: the default certificate reports TLSv1, no WAF, no logging, no root object', () => {
    const distribution = iacResource('AWS::CloudFront::Distribution', {
      DistributionConfig: { Enabled: true, DefaultCacheBehavior: { ViewerProtocolPolicy: 'https-only' } },
    });
    expect(map(distribution).attributes).toMatchObject({
      domainName: 'Resource',
      minimumProtocolVersion: 'TLSv1',
      webAclId: null,
      loggingEnabled: false,
      defaultRootObject: null,
      originProtocolPolicies: [],
    });
  });
});

describe('Terraform distributions', () => {
  it('reads the nested blocks', () => {
    const distribution = iacResource('aws_cloudfront_distribution', {
      enabled: true,
      default_root_object: '',
      origin: [
        {
          origin_id: 'app',
          domain_name: 'app.example.com',
          custom_origin_config: [{ origin_protocol_policy: 'http-only', origin_ssl_protocols: ['TLSv1.2'] }],
        },
      ],
      default_cache_behavior: [{ viewer_protocol_policy: 'allow-all' }],
      ordered_cache_behavior: [{ path_pattern: '/img/*', viewer_protocol_policy: 'https-only' }],
      viewer_certificate: [
        { cloudfront_default_certificate: true, minimum_protocol_version: 'TLSv1.2_2021' },
      ],
      logging_config: [{ bucket: 'logs.s3.amazonaws.com' }],
    });
    expect(map(distribution).attributes).toMatchObject({
      viewerProtocolPolicies: [
        { pathPattern: null, policy: 'allow-all' },
        { pathPattern: '/img/*', policy: 'https-only' },
      ],
      // The default certificate ignores minimum_protocol_version.
      minimumProtocolVersion: 'TLSv1',
      originProtocolPolicies: [{ originId: 'app', policy: 'http-only' }],
      loggingEnabled: true,
      defaultRootObject: null,
    });
  });

  it('an unresolved web ACL is a gap on webAclId only', () => {
    const distribution = iacResource('aws_cloudfront_distribution', {
      enabled: true,
      web_acl_id: new Unresolved('var.web_acl_id'),
      default_cache_behavior: [{ viewer_protocol_policy: 'https-only' }],
    });
    const mapped = map(distribution);
    expect(mapped.gaps).toEqual([{ field: 'webAclId', reason: 'unresolved', detail: 'var.web_acl_id' }]);
    expect(mapped.attributes.viewerProtocolPolicies).toEqual([{ pathPattern: null, policy: 'https-only' }]);
  });
});
