import { withGap } from '../../testing/builders.js';
import { opensearchDomain } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './opensearch-domain-in-vpc.js';

testCheck(check, {
  pass: [
    {
      name: 'a domain in private subnets of a VPC',
      resources: [opensearchDomain()],
      message: /^OpenSearch domain search is reachable only from its VPC$/,
    },
  ],
  fail: [
    {
      name: 'a domain with a public endpoint',
      resources: [opensearchDomain({ vpc: false })],
      message: /^OpenSearch domain search has a public endpoint outside any VPC$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the domain could not be described',
      resources: [withGap(opensearchDomain(), 'vpc', 'access-denied', 'es:DescribeDomains')],
      reason: 'access-denied',
    },
  ],
});
