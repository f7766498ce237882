import { withGap } from '../../testing/builders.js';
import { opensearchDomain } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './opensearch-domain-audit-logging.js';

testCheck(check, {
  pass: [
    {
      name: 'a domain publishing audit and error logs',
      resources: [opensearchDomain()],
      message: /^OpenSearch domain search publishes audit logs to CloudWatch Logs$/,
    },
  ],
  fail: [
    {
      name: 'a domain publishing only its error and slow logs',
      resources: [opensearchDomain({ logPublishing: ['ES_APPLICATION_LOGS', 'SEARCH_SLOW_LOGS'] })],
      message: /^OpenSearch domain search does not publish audit logs$/,
    },
    {
      name: 'a domain publishing no logs at all',
      resources: [opensearchDomain({ logPublishing: [] })],
    },
  ],
  notEvaluated: [
    {
      name: 'the log publishing options could not be read',
      resources: [withGap(opensearchDomain(), 'logPublishing', 'access-denied', 'es:DescribeDomains')],
      reason: 'access-denied',
    },
  ],
});
