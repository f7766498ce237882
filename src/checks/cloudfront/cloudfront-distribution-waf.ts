import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'cloudfront-distribution-waf',
  title: 'CloudFront distribution is protected by an AWS WAF web ACL',
  description:
    'Every CloudFront distribution must be associated with an AWS WAF web ACL (WAF or WAF Classic), so that requests are filtered before they reach the cache or the origin (FSBP CloudFront.6). Whether the web ACL has useful rules is not read.',
  risk: 'Without a web ACL, nothing in front of the application blocks common web exploits (SQL injection, cross-site scripting, known bad inputs), bots, credential stuffing or request floods: every request reaches the origin unless the application itself refuses it.',
  severity: 'medium',
  service: 'cloudfront',
  domain: 'network',
  kind: 'cloudfront.distribution',
  scope: 'resource',
  reads: ['id', 'domainName', 'webAclId'],
  remediation: {
    text: 'Create an AWS WAF web ACL with scope CLOUDFRONT (in us-east-1), starting from the AWS managed rule groups (core rule set, known bad inputs, IP reputation) and a rate-based rule, and associate it with the distribution.',
    cli: 'aws wafv2 create-web-acl --scope CLOUDFRONT --region us-east-1 --name <name> --default-action Allow={} --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=<name> --rules file://managed-rules.json\n# then set DistributionConfig.WebACLId to the web ACL ARN:\naws cloudfront update-distribution --id <distribution-id> --if-match <ETag> --distribution-config file://config.json',
    cloudformation:
      'Distribution:\n  Type: AWS::CloudFront::Distribution\n  Properties:\n    DistributionConfig:\n      # ...\n      WebACLId: !GetAtt WebAcl.Arn',
    terraform:
      'resource "aws_cloudfront_distribution" "this" {\n  # ...\n  web_acl_id = aws_wafv2_web_acl.cdn.arn\n}',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-awswaf.html',
  },
  evaluate(distribution) {
    const { id, domainName, webAclId } = distribution.attributes;
    const label = `Distribution ${id} (${domainName})`;
    return webAclId !== null
      ? pass(`${label} is protected by web ACL ${webAclId}`, { webAclId })
      : fail(`${label} has no AWS WAF web ACL in front of it`, { webAclId });
  },
});
