import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'cloudtrail-log-file-validation-enabled',
  title: 'CloudTrail trail has log file validation enabled',
  description:
    'With log file validation, CloudTrail writes a signed digest file every hour that chains the hashes of the log files it delivered, so any change to or deletion of a log file can be proven.',
  risk: 'An attacker who reaches the log bucket can edit or delete the records of what they did, and nobody can tell the logs were altered.',
  severity: 'medium',
  service: 'cloudtrail',
  domain: 'logging',
  kind: 'cloudtrail.trail',
  scope: 'resource',
  reads: ['name', 'logFileValidationEnabled'],
  remediation: {
    text: 'Enable log file validation on the trail, from its home region. Validate the logs with `aws cloudtrail validate-logs` when you need to rely on them.',
    cli: 'aws cloudtrail update-trail --name <trail> --enable-log-file-validation',
    cloudformation:
      'Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    # ...\n    EnableLogFileValidation: true',
    terraform: 'resource "aws_cloudtrail" "this" {\n  # ...\n  enable_log_file_validation = true\n}',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-enabling.html',
  },
  evaluate(trail) {
    const { name, logFileValidationEnabled } = trail.attributes;
    return logFileValidationEnabled
      ? pass(`Trail ${name} has log file validation enabled`, { logFileValidationEnabled })
      : fail(`Trail ${name} has log file validation disabled`, { logFileValidationEnabled });
  },
});
