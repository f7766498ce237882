import { withGap } from '../../testing/builders.js';
import { opensearchDomain } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './opensearch-domain-error-logging.js';

testCheck(check, {
  pass: [
    {
      name: 'a domain publishing audit and error logs',
      resources: [opensearchDomain()],
      message: /^OpenSearch domain search publishes error logs to CloudWatch Logs$/,
    },
  ],
  fail: [
    {
      name: 'a domain publishing only its slow logs',
      resources: [opensearchDomain({ logPublishing: ['INDEX_SLOW_LOGS', 'SEARCH_SLOW_LOGS'] })],
      message: /^OpenSearch domain search does not publish error logs$/,
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
