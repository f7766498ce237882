import { defineCheck, type Check } from '../../../core/check.js';
import { fail, pass } from '../../../core/outcome.js';

/** One OpenSearch log type that a domain must publish to CloudWatch Logs. */
export interface LogPublishingSpec {
  id: string;
  title: string;
  description: string;
  risk: string;
  /** The log publishing option, e.g. `AUDIT_LOGS`. */
  logType: string;
  /** The logs in messages: `audit` for "publishes audit logs". */
  logs: string;
  /** How to turn it on; the CLI, CloudFormation and Terraform snippets follow from `logType`. */
  remediation: string;
  /** The CloudWatch Logs log group resource named in the Terraform snippet: `search_audit`. */
  terraformLogGroup: string;
  url: string;
}

/** A check that every domain publishes `logType` to CloudWatch Logs. */
export function defineLogPublishingCheck(spec: LogPublishingSpec): Check {
  const { logType, logs } = spec;
  return defineCheck({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    risk: spec.risk,
    severity: 'medium',
    service: 'opensearch',
    domain: 'logging',
    kind: 'opensearch.domain',
    scope: 'resource',
    reads: ['name', 'logPublishing'],
    remediation: {
      text: spec.remediation,
      cli: `aws opensearch update-domain-config --domain-name <domain> --log-publishing-options "${logType}={CloudWatchLogsLogGroupArn=<log-group-arn>,Enabled=true}"`,
      cloudformation: `Domain:\n  Type: AWS::OpenSearchService::Domain\n  Properties:\n    LogPublishingOptions:\n      ${logType}:\n        CloudWatchLogsLogGroupArn: <log-group-arn>\n        Enabled: true`,
      terraform: `resource "aws_opensearch_domain" "this" {\n  # ...\n  log_publishing_options {\n    log_type                 = "${logType}"\n    cloudwatch_log_group_arn = aws_cloudwatch_log_group.${spec.terraformLogGroup}.arn\n  }\n}`,
      url: spec.url,
    },
    evaluate(domain) {
      const { name, logPublishing } = domain.attributes;
      return logPublishing.includes(logType)
        ? pass(`OpenSearch domain ${name} publishes ${logs} logs to CloudWatch Logs`, { logPublishing })
        : fail(`OpenSearch domain ${name} does not publish ${logs} logs`, { logPublishing });
    },
  });
}
