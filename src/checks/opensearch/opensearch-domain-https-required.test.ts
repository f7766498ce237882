import { withGap } from '../../testing/builders.js';
import { opensearchDomain } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './opensearch-domain-https-required.js';

testCheck(check, {
  pass: [
    {
      name: 'HTTPS only, with the TLS 1.2 forward-secrecy policy',
      resources: [opensearchDomain()],
      message: /^OpenSearch domain search requires HTTPS with Policy-Min-TLS-1-2-PFS-2023-10$/,
    },
    {
      name: 'HTTPS only, with the 2019 TLS 1.2 policy',
      resources: [opensearchDomain({ tlsSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' })],
    },
    {
      name: 'HTTPS only, with the FIPS TLS 1.2 policy',
      resources: [opensearchDomain({ tlsSecurityPolicy: 'Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08' })],
    },
  ],
  fail: [
    {
      name: 'the endpoint still answers plain HTTP',
      resources: [opensearchDomain({ enforceHttps: false })],
      message: /^OpenSearch domain search accepts plain HTTP requests on its endpoint$/,
    },
    {
      name: 'HTTPS is required but TLS 1.0 is still allowed',
      resources: [opensearchDomain({ tlsSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' })],
      message: /accepts TLS 1\.0 \(Policy-Min-TLS-1-0-2019-07\)/,
    },
    {
      name: 'HTTPS is required but no TLS policy is named',
      resources: [opensearchDomain({ tlsSecurityPolicy: null })],
      message: /names no TLS security policy/,
    },
    {
      name: 'a TLS policy name onus does not know',
      resources: [opensearchDomain({ tlsSecurityPolicy: 'Policy-Custom-2030' })],
      message: /cannot confirm requires TLS 1\.2/,
    },
  ],
  notEvaluated: [
    {
      name: 'the endpoint options could not be read',
      resources: [withGap(opensearchDomain(), 'tlsSecurityPolicy', 'not-collected', 'es:DescribeDomains')],
      reason: 'not-collected',
    },
  ],
});
