import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'opensearch-domain-error-logging',
  title: 'OpenSearch domains publish error logs to CloudWatch Logs',
  description:
    'Every OpenSearch Service domain must publish its error logs (ES_APPLICATION_LOGS) to CloudWatch Logs, keeping the errors and warnings the cluster raises (Security Hub Opensearch.4).',
  risk: 'Without error logs, failures of indexing, snapshots, plugins and security configuration go unseen until the domain is unavailable, and there is nothing to diagnose them with afterwards.',
  severity: 'medium',
  service: 'opensearch',
  domain: 'logging',
  kind: 'opensearch.domain',
  scope: 'resource',
  reads: ['name', 'logPublishing'],
  remediation: {
    text: 'Give OpenSearch Service permission to write to a CloudWatch Logs log group (its resource policy) and publish ES_APPLICATION_LOGS to it.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --log-publishing-options "ES_APPLICATION_LOGS={CloudWatchLogsLogGroupArn=<log-group-arn>,Enabled=true}"',
    cloudformation:
      'Domain:\n  Type: AWS::OpenSearchService::Domain\n  Properties:\n    LogPublishingOptions:\n      ES_APPLICATION_LOGS:\n        CloudWatchLogsLogGroupArn: <log-group-arn>\n        Enabled: true',
    terraform:
      'resource "aws_opensearch_domain" "this" {\n  # ...\n  log_publishing_options {\n    log_type                 = "ES_APPLICATION_LOGS"\n    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search_errors.arn\n  }\n}',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html',
  },
  evaluate(domain) {
    const { name, logPublishing } = domain.attributes;
    return logPublishing.includes('ES_APPLICATION_LOGS')
      ? pass(`OpenSearch domain ${name} publishes error logs to CloudWatch Logs`, { logPublishing })
      : fail(`OpenSearch domain ${name} does not publish error logs`, { logPublishing });
  },
});
