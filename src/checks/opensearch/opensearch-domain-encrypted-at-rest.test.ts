import { withGap } from '../../testing/builders.js';
import { opensearchDomain } from '../../testing/analytics.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './opensearch-domain-encrypted-at-rest.js';

testCheck(check, {
  pass: [
    {
      name: 'a domain encrypted with a KMS key',
      resources: [opensearchDomain()],
      message: /^OpenSearch domain search is encrypted at rest$/,
    },
  ],
  fail: [
    {
      name: 'a domain created without encryption at rest',
      resources: [opensearchDomain({ encryptionAtRest: false })],
      message: /^OpenSearch domain search stores its data without encryption at rest$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the domain could not be described',
      resources: [withGap(opensearchDomain(), 'encryptionAtRest', 'access-denied', 'es:DescribeDomains')],
      reason: 'access-denied',
    },
    listingFailed('domains could not be listed in the region', 'opensearch.domain', 'es:ListDomainNames'),
  ],
});
