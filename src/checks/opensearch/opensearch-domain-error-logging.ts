import { defineLogPublishingCheck } from './support/log-publishing.js';

export default defineLogPublishingCheck({
  id: 'opensearch-domain-error-logging',
  title: 'OpenSearch domains publish error logs to CloudWatch Logs',
  description:
    'Every OpenSearch Service domain must publish its error logs (ES_APPLICATION_LOGS) to CloudWatch Logs, keeping the errors and warnings the cluster raises (Security Hub Opensearch.4).',
  risk: 'Without error logs, failures of indexing, snapshots, plugins and security configuration go unseen until the domain is unavailable, and there is nothing to diagnose them with afterwards.',
  logType: 'ES_APPLICATION_LOGS',
  logs: 'error',
  remediation:
    'Give OpenSearch Service permission to write to a CloudWatch Logs log group (its resource policy) and publish ES_APPLICATION_LOGS to it.',
  terraformLogGroup: 'search_errors',
  url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html',
});
