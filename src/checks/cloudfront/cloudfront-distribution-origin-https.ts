import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'cloudfront-distribution-origin-https',
  title: 'CloudFront distribution reaches its custom origins over HTTPS',
  description:
    'Every custom origin of a distribution must be reached over HTTPS (FSBP CloudFront.9): its origin protocol policy may not be `http-only`, nor `match-viewer` while a cache behavior still lets viewers in over plain HTTP (`allow-all`). S3 and VPC origins have no origin protocol policy; distributions with only those are not concerned.',
  risk: 'Traffic from CloudFront to an origin over HTTP crosses the internet in clear text: requests, cookies, authorization headers and responses can be read and altered on the way, even though viewers see a padlock.',
  severity: 'medium',
  service: 'cloudfront',
  domain: 'network',
  kind: 'cloudfront.distribution',
  scope: 'resource',
  reads: ['id', 'domainName', 'originProtocolPolicies', 'viewerProtocolPolicies'],
  appliesTo: (distribution) => distribution.attributes.originProtocolPolicies.length > 0,
  remediation: {
    text: 'Give each custom origin a certificate valid for its domain name and set its origin protocol policy to `https-only` (with TLSv1.2 as the origin SSL protocol).',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> > config.json\n# set each CustomOriginConfig.OriginProtocolPolicy to "https-only", then:\naws cloudfront update-distribution --id <distribution-id> --if-match <ETag> --distribution-config file://config.json',
    cloudformation:
      'Distribution:\n  Type: AWS::CloudFront::Distribution\n  Properties:\n    DistributionConfig:\n      # ...\n      Origins:\n        - Id: api\n          DomainName: api.example.com\n          CustomOriginConfig:\n            OriginProtocolPolicy: https-only\n            OriginSSLProtocols: [TLSv1.2]',
    terraform:
      'resource "aws_cloudfront_distribution" "this" {\n  # ...\n  origin {\n    origin_id   = "api"\n    domain_name = "api.example.com"\n    custom_origin_config {\n      http_port              = 80\n      https_port             = 443\n      origin_protocol_policy = "https-only"\n      origin_ssl_protocols   = ["TLSv1.2"]\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html',
  },
  evaluate(distribution) {
    const { id, domainName, originProtocolPolicies, viewerProtocolPolicies } = distribution.attributes;
    const label = `Distribution ${id} (${domainName})`;
    // match-viewer forwards plain HTTP as plain HTTP, which only happens where a behavior allows it.
    const viewersOnHttp = viewerProtocolPolicies.some((behavior) => behavior.policy === 'allow-all');
    const inClear = originProtocolPolicies.filter(
      (origin) => origin.policy === 'http-only' || (origin.policy === 'match-viewer' && viewersOnHttp),
    );
    if (inClear.length === 0) {
      return pass(`${label} reaches its ${originProtocolPolicies.length} custom origins over HTTPS only`, {
        origins: originProtocolPolicies.map(({ originId, policy }) => ({ originId, policy })),
      });
    }
    const named = inClear.map((origin) => `${origin.originId} (${origin.domainName}, ${origin.policy})`);
    return fail(`${label} reaches custom origins over plain HTTP: ${named.join(', ')}`, {
      origins: inClear.map(({ originId, domainName: origin, policy }) => ({
        originId,
        domainName: origin,
        policy,
      })),
      viewersOnHttp,
    });
  },
});
