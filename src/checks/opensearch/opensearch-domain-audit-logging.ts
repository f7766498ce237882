import { defineLogPublishingCheck } from './support/log-publishing.js';

export default defineLogPublishingCheck({
  id: 'opensearch-domain-audit-logging',
  title: 'OpenSearch domains publish audit logs to CloudWatch Logs',
  description:
    'Every OpenSearch Service domain must publish its audit logs (AUDIT_LOGS) to CloudWatch Logs, recording who authenticated and which indices and documents they read or changed (Security Hub Opensearch.5). Audit logs need fine-grained access control.',
  risk: 'Without audit logs, failed logins, privilege changes and reads of sensitive indices leave no trace: a compromise or a data leak through the domain cannot be detected or investigated.',
  logType: 'AUDIT_LOGS',
  logs: 'audit',
  remediation:
    'Turn on fine-grained access control, give OpenSearch Service permission to write to a CloudWatch Logs log group (its resource policy), publish AUDIT_LOGS to it, then choose the audited categories in OpenSearch Dashboards (Security, Audit logs).',
  terraformLogGroup: 'search_audit',
  url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html',
});
