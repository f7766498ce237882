import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'cloudfront-distribution-https-only',
  title: 'CloudFront distribution requires HTTPS from viewers',
  description:
    'The viewer protocol policy of the default cache behavior and of every other cache behavior must be https-only or redirect-to-https; allow-all serves content over plain HTTP (FSBP CloudFront.3). Only viewer traffic is judged, not the connection from CloudFront to the origin.',
  risk: 'Viewers reach the content over plain HTTP, where session cookies, tokens and personal data can be read and responses altered (script injection) by anyone on the network path.',
  severity: 'medium',
  service: 'cloudfront',
  domain: 'network',
  kind: 'cloudfront.distribution',
  scope: 'resource',
  reads: ['id', 'domainName', 'viewerProtocolPolicies'],
  remediation: {
    text: 'Set the viewer protocol policy of every cache behavior, the default one included, to redirect-to-https (or https-only for APIs whose clients never use HTTP).',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> --query ETag --output text\naws cloudfront get-distribution-config --id <distribution-id> --query DistributionConfig > config.json\n# in config.json set ViewerProtocolPolicy to "redirect-to-https" in DefaultCacheBehavior and every CacheBehaviors item, then:\naws cloudfront update-distribution --id <distribution-id> --if-match <ETag> --distribution-config file://config.json',
    cloudformation:
      'Distribution:\n  Type: AWS::CloudFront::Distribution\n  Properties:\n    DistributionConfig:\n      # ...\n      DefaultCacheBehavior:\n        ViewerProtocolPolicy: redirect-to-https\n      CacheBehaviors:\n        - PathPattern: /api/*\n          ViewerProtocolPolicy: https-only',
    terraform:
      'resource "aws_cloudfront_distribution" "this" {\n  # ...\n  default_cache_behavior {\n    viewer_protocol_policy = "redirect-to-https"\n  }\n  ordered_cache_behavior {\n    path_pattern           = "/api/*"\n    viewer_protocol_policy = "https-only"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
  },
  evaluate(distribution) {
    const { id, domainName, viewerProtocolPolicies } = distribution.attributes;
    const label = `Distribution ${id} (${domainName})`;
    const open = viewerProtocolPolicies
      .filter((behavior) => behavior.policy === 'allow-all')
      .map((behavior) => behavior.pathPattern ?? 'default');
    if (open.length > 0) {
      const noun = open.length === 1 ? 'cache behavior' : 'cache behaviors';
      return fail(`${label} allows plain HTTP on ${noun} ${open.join(', ')}`, {
        allowAll: open,
        viewerProtocolPolicies,
      });
    }
    return pass(`${label} requires HTTPS on every cache behavior`, { viewerProtocolPolicies });
  },
});
