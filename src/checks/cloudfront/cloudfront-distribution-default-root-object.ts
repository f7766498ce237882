import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'cloudfront-distribution-default-root-object',
  title: 'CloudFront distribution has a default root object',
  description:
    'A distribution must name a default root object (such as index.html), the object CloudFront returns for a request to the root URL (FSBP CloudFront.1).',
  risk: 'Without one, a request for the root URL is passed to the origin as is: an S3 origin that allows listing returns the list of every object in the bucket, and a custom origin may expose a directory listing or an administrative page.',
  severity: 'medium',
  service: 'cloudfront',
  domain: 'data',
  kind: 'cloudfront.distribution',
  scope: 'resource',
  reads: ['id', 'domainName', 'defaultRootObject'],
  remediation: {
    text: 'Set the distribution’s default root object to the object the root URL should serve (for example index.html).',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> > config.json\n# set DefaultRootObject to "index.html", then:\naws cloudfront update-distribution --id <distribution-id> --if-match <ETag> --distribution-config file://config.json',
    cloudformation:
      'Distribution:\n  Type: AWS::CloudFront::Distribution\n  Properties:\n    DistributionConfig:\n      # ...\n      DefaultRootObject: index.html',
    terraform:
      'resource "aws_cloudfront_distribution" "this" {\n  # ...\n  default_root_object = "index.html"\n}',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html',
  },
  evaluate(distribution) {
    const { id, domainName, defaultRootObject } = distribution.attributes;
    const label = `Distribution ${id} (${domainName})`;
    return defaultRootObject !== null
      ? pass(`${label} serves ${defaultRootObject} at its root`, { defaultRootObject })
      : fail(`${label} has no default root object: a request for / goes to the origin as is`, {
          defaultRootObject,
        });
  },
});
