import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'opensearch-domain-audit-logging',
  title: 'OpenSearch domains publish audit logs to CloudWatch Logs',
  description:
    'Every OpenSearch Service domain must publish its audit logs (AUDIT_LOGS) to CloudWatch Logs, recording who authenticated and which indices and documents they read or changed (Security Hub Opensearch.5). Audit logs need fine-grained access control.',
  risk: 'Without audit logs, failed logins, privilege changes and reads of sensitive indices leave no trace: a compromise or a data leak through the domain cannot be detected or investigated.',
  severity: 'medium',
  service: 'opensearch',
  domain: 'logging',
  kind: 'opensearch.domain',
  scope: 'resource',
  reads: ['name', 'logPublishing'],
  remediation: {
    text: 'Turn on fine-grained access control, give OpenSearch Service permission to write to a CloudWatch Logs log group (its resource policy), publish AUDIT_LOGS to it, then choose the audited categories in OpenSearch Dashboards (Security, Audit logs).',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --log-publishing-options "AUDIT_LOGS={CloudWatchLogsLogGroupArn=<log-group-arn>,Enabled=true}"',
    cloudformation:
      'Domain:\n  Type: AWS::OpenSearchService::Domain\n  Properties:\n    LogPublishingOptions:\n      AUDIT_LOGS:\n        CloudWatchLogsLogGroupArn: <log-group-arn>\n        Enabled: true',
    terraform:
      'resource "aws_opensearch_domain" "this" {\n  # ...\n  log_publishing_options {\n    log_type                 = "AUDIT_LOGS"\n    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search_audit.arn\n  }\n}',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html',
  },
  evaluate(domain) {
    const { name, logPublishing } = domain.attributes;
    return logPublishing.includes('AUDIT_LOGS')
      ? pass(`OpenSearch domain ${name} publishes audit logs to CloudWatch Logs`, { logPublishing })
      : fail(`OpenSearch domain ${name} does not publish audit logs`, { logPublishing });
  },
});
