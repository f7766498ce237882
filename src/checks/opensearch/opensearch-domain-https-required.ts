import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

/** The lowest TLS version a policy named like `Policy-Min-TLS-1-2-2019-07` admits, as [major, minor]. */
function minimumTls(policy: string): [number, number] | null {
  const match = /Min-TLS-(\d+)-(\d+)/i.exec(policy);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

export default defineCheck({
  id: 'opensearch-domain-https-required',
  title: 'OpenSearch domains require HTTPS with TLS 1.2 or later',
  description:
    'Every OpenSearch Service domain must refuse plain HTTP on its endpoint and use a TLS security policy whose minimum version is TLS 1.2 (Policy-Min-TLS-1-2-2019-07, Policy-Min-TLS-1-2-PFS-2023-10 or later), as Security Hub Opensearch.8 asks.',
  risk: 'Over plain HTTP, or TLS 1.0 and 1.1 with their known weaknesses, the credentials, queries and documents exchanged with the domain can be read or altered on the network path.',
  severity: 'medium',
  service: 'opensearch',
  domain: 'data',
  kind: 'opensearch.domain',
  scope: 'resource',
  reads: ['name', 'enforceHttps', 'tlsSecurityPolicy'],
  remediation: {
    text: 'Require HTTPS on the domain endpoint and choose a TLS 1.2 policy, preferably Policy-Min-TLS-1-2-PFS-2023-10. Clients that only speak TLS 1.0 or 1.1 must be upgraded first.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10',
    cloudformation:
      'Domain:\n  Type: AWS::OpenSearchService::Domain\n  Properties:\n    DomainEndpointOptions:\n      EnforceHTTPS: true\n      TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10',
    terraform:
      'resource "aws_opensearch_domain" "this" {\n  # ...\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"\n  }\n}',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-8',
  },
  evaluate(domain) {
    const { name, enforceHttps, tlsSecurityPolicy } = domain.attributes;
    const evidence = { enforceHttps, tlsSecurityPolicy };
    if (!enforceHttps)
      return fail(`OpenSearch domain ${name} accepts plain HTTP requests on its endpoint`, evidence);
    if (tlsSecurityPolicy === null)
      return fail(
        `OpenSearch domain ${name} names no TLS security policy, so it may accept TLS 1.0 and 1.1`,
        evidence,
      );
    const minimum = minimumTls(tlsSecurityPolicy);
    if (minimum === null)
      return fail(
        `OpenSearch domain ${name} uses TLS policy ${tlsSecurityPolicy}, which onus cannot confirm requires TLS 1.2`,
        evidence,
      );
    const [major, minor] = minimum;
    return major > 1 || (major === 1 && minor >= 2)
      ? pass(`OpenSearch domain ${name} requires HTTPS with ${tlsSecurityPolicy}`, evidence)
      : fail(
          `OpenSearch domain ${name} requires HTTPS but accepts TLS ${major}.${minor} (${tlsSecurityPolicy})`,
          evidence,
        );
  },
});
