import { withGap } from '../../testing/builders.js';
import { opensearchDomain } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './opensearch-domain-fine-grained-access-control.js';

testCheck(check, {
  pass: [
    {
      name: 'a domain with fine-grained access control',
      resources: [opensearchDomain()],
      message: /^OpenSearch domain search has fine-grained access control on$/,
    },
  ],
  fail: [
    {
      name: 'a domain guarded only by its access policy',
      resources: [opensearchDomain({ advancedSecurity: false })],
      message: /^OpenSearch domain search has no fine-grained access control/,
    },
  ],
  notEvaluated: [
    {
      name: 'the advanced security options could not be read',
      resources: [withGap(opensearchDomain(), 'advancedSecurity', 'access-denied', 'es:DescribeDomains')],
      reason: 'access-denied',
    },
  ],
});
