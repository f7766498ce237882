import { withGap } from '../../testing/builders.js';
import { opensearchDomain } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './opensearch-domain-node-to-node-encryption.js';

testCheck(check, {
  pass: [
    {
      name: 'a domain with node-to-node encryption',
      resources: [opensearchDomain()],
      message: /^OpenSearch domain search encrypts traffic between its nodes$/,
    },
  ],
  fail: [
    {
      name: 'a domain whose nodes talk in clear text',
      resources: [opensearchDomain({ nodeToNodeEncryption: false })],
      message: /^OpenSearch domain search sends data between its nodes without encryption$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the domain could not be described',
      resources: [withGap(opensearchDomain(), 'nodeToNodeEncryption', 'throttled', 'es:DescribeDomains')],
      reason: 'throttled',
    },
  ],
});
