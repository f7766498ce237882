import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved } from '../types.js';
import { MAPPERS } from './opensearch.js';

type Code = ReturnType<typeof iacResource>;

function map(resource: Code, ...others: Code[]) {
  const mapper = MAPPERS.find((candidate) => candidate.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

const PRIVATE_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'es:*' }],
};

describe('opensearch.domain from CloudFormation', () => {
  it('reads a hardened domain', () => {
    const mapped = map(
      iacResource(
        'AWS::OpenSearchService::Domain',
        {
          DomainName: 'catalog-search',
          EncryptionAtRestOptions: { Enabled: true },
          NodeToNodeEncryptionOptions: { Enabled: 'true' },
          DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
          VPCOptions: { SubnetIds: ['subnet-1'] },
          LogPublishingOptions: {
            SEARCH_SLOW_LOGS: { Enabled: false },
            AUDIT_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: new Reference('Logs', 'Arn') },
          },
          AdvancedSecurityOptions: { Enabled: true },
          AccessPolicies: PRIVATE_POLICY,
        },
        { address: 'Search' },
      ),
    );
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes).toEqual({
      name: 'catalog-search',
      encryptionAtRest: true,
      nodeToNodeEncryption: true,
      enforceHttps: true,
      tlsSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07',
      vpc: true,
      logPublishing: ['AUDIT_LOGS'],
      advancedSecurity: true,
      accessPolicies: PRIVATE_POLICY,
    });
  });

  it('applies the CreateDomain defaults: public, unencrypted, plain HTTP accepted, no policy', () => {
    const mapped = map(iacResource('AWS::Elasticsearch::Domain', {}, { address: 'Legacy' }));
    expect(mapped.attributes).toEqual({
      name: 'Legacy',
      encryptionAtRest: false,
      nodeToNodeEncryption: false,
      enforceHttps: false,
      tlsSecurityPolicy: null,
      vpc: false,
      logPublishing: [],
      advancedSecurity: false,
      accessPolicies: null,
    });
  });

  it('leaves the TLS policy of an HTTPS-only endpoint a gap when OpenSearch picks it', () => {
    const mapped = map(
      iacResource(
        'AWS::OpenSearchService::Domain',
        { DomainEndpointOptions: { EnforceHTTPS: true } },
        { address: 'S' },
      ),
    );
    expect(mapped.attributes.enforceHttps).toBe(true);
    expect(mapped.gaps.map((gap) => gap.field)).toEqual(['tlsSecurityPolicy']);
  });

  it('makes an unresolved access policy a gap on that field only', () => {
    const mapped = map(
      iacResource(
        'AWS::OpenSearchService::Domain',
        { AccessPolicies: { Statement: [{ Principal: new Unresolved('Ref to parameter Principal') }] } },
        { address: 'Search' },
      ),
    );
    expect(mapped.gaps).toEqual([
      { field: 'accessPolicies', reason: 'unresolved', detail: 'Ref to parameter Principal' },
    ]);
  });
});

describe('opensearch.domain from Terraform', () => {
  it('reads nested blocks, with enforce_https defaulting to true inside domain_endpoint_options', () => {
    const mapped = map(
      iacResource('aws_opensearch_domain', {
        domain_name: 'catalog-search',
        encrypt_at_rest: [{ enabled: true }],
        domain_endpoint_options: [{ tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10' }],
        log_publishing_options: [
          { log_type: 'ES_APPLICATION_LOGS', cloudwatch_log_group_arn: 'arn:aws:logs:x' },
          { log_type: 'AUDIT_LOGS', enabled: false },
        ],
      }),
    );
    expect(mapped.attributes).toMatchObject({
      encryptionAtRest: true,
      enforceHttps: true,
      tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10',
      logPublishing: ['ES_APPLICATION_LOGS'],
    });
  });

  it('takes the access policy from an aws_opensearch_domain_policy naming the domain', () => {
    const domain = iacResource(
      'aws_opensearch_domain',
      { domain_name: 'catalog-search' },
      { address: 'aws_opensearch_domain.catalog' },
    );
    const attached = iacResource(
      'aws_opensearch_domain_policy',
      {
        domain_name: new Reference('aws_opensearch_domain.catalog', 'domain_name'),
        access_policies: JSON.stringify(PRIVATE_POLICY),
      },
      { address: 'aws_opensearch_domain_policy.catalog', line: 30 },
    );
    const mapped = map(domain, attached);
    expect(mapped.attributes.accessPolicies).toEqual(PRIVATE_POLICY);
    expect(mapped.locations.accessPolicies?.line).toBe(30);
  });
});
