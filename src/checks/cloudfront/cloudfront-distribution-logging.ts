import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'cloudfront-distribution-logging',
  title: 'CloudFront distribution has standard logging turned on',
  description:
    'Standard (access) logging records every viewer request a distribution receives (FSBP CloudFront.5). Only the logging configured in the distribution itself (legacy logging to S3) is seen: standard logging v2, delivered through CloudWatch Logs, is configured outside the distribution, so a distribution that uses it alone fails here and needs an exception.',
  risk: 'Without request logs, abuse of the content, credential stuffing against the origin, and the source of an incident cannot be traced.',
  severity: 'medium',
  service: 'cloudfront',
  domain: 'logging',
  kind: 'cloudfront.distribution',
  scope: 'resource',
  reads: ['id', 'domainName', 'loggingEnabled'],
  remediation: {
    text: 'Turn on standard logging for the distribution: to an S3 bucket with ACLs enabled (legacy logging, which this check sees), or through standard logging v2 to S3, CloudWatch Logs or Firehose.',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> --query ETag --output text\naws cloudfront get-distribution-config --id <distribution-id> --query DistributionConfig > config.json\n# in config.json set Logging to {"Enabled": true, "IncludeCookies": false, "Bucket": "<bucket>.s3.amazonaws.com", "Prefix": "<prefix>"}, then:\naws cloudfront update-distribution --id <distribution-id> --if-match <ETag> --distribution-config file://config.json',
    cloudformation:
      'Distribution:\n  Type: AWS::CloudFront::Distribution\n  Properties:\n    DistributionConfig:\n      # ...\n      Logging:\n        Bucket: !GetAtt LogBucket.DomainName\n        Prefix: cloudfront/',
    terraform:
      'resource "aws_cloudfront_distribution" "this" {\n  # ...\n  logging_config {\n    bucket = aws_s3_bucket.logs.bucket_domain_name\n    prefix = "cloudfront/"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html',
  },
  evaluate(distribution) {
    const { id, domainName, loggingEnabled } = distribution.attributes;
    const label = `Distribution ${id} (${domainName})`;
    return loggingEnabled
      ? pass(`${label} has standard logging to S3 turned on`, { loggingEnabled })
      : fail(`${label} has no standard logging configured in the distribution`, { loggingEnabled });
  },
});
