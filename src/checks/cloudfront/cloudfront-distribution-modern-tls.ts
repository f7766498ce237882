import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'cloudfront-distribution-modern-tls',
  title: 'CloudFront distribution accepts only TLS 1.2 or newer with modern ciphers',
  description:
    'The security policy of a distribution’s viewer certificate must be one of the accepted ones, by default TLSv1.2_2021 or newer (TLSv1.2_2025, TLSv1.3_2025). A distribution on the default *.cloudfront.net certificate always reports TLSv1 and cannot change it: only a custom certificate (from ACM, in us-east-1) lets a minimum be set.',
  risk: 'TLS 1.0 and 1.1 and the older TLS 1.2 cipher suites (CBC, SHA-1) have known weaknesses and are not accepted by PCI DSS; a client or attacker that negotiates down to them gets weaker protection of credentials and session cookies in transit.',
  severity: 'medium',
  service: 'cloudfront',
  domain: 'network',
  kind: 'cloudfront.distribution',
  scope: 'resource',
  reads: ['id', 'domainName', 'minimumProtocolVersion'],
  thresholds: {
    acceptedPolicies: {
      default: ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'],
      description: 'Viewer security policies (minimum protocol versions) counted as modern',
    },
  },
  remediation: {
    text: 'Serve the distribution under your own domain with an ACM certificate (in us-east-1) and set its security policy to TLSv1.2_2021 or newer. The default *.cloudfront.net certificate cannot be restricted.',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> > config.json\n# set ViewerCertificate to {"ACMCertificateArn": "<arn>", "SSLSupportMethod": "sni-only", "MinimumProtocolVersion": "TLSv1.2_2021"}, then:\naws cloudfront update-distribution --id <distribution-id> --if-match <ETag> --distribution-config file://config.json',
    cloudformation:
      'Distribution:\n  Type: AWS::CloudFront::Distribution\n  Properties:\n    DistributionConfig:\n      # ...\n      ViewerCertificate:\n        AcmCertificateArn: !Ref Certificate\n        SslSupportMethod: sni-only\n        MinimumProtocolVersion: TLSv1.2_2021',
    terraform:
      'resource "aws_cloudfront_distribution" "this" {\n  # ...\n  viewer_certificate {\n    acm_certificate_arn      = aws_acm_certificate.cdn.arn\n    ssl_support_method       = "sni-only"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html',
  },
  evaluate(distribution, ctx) {
    const { id, domainName, minimumProtocolVersion } = distribution.attributes;
    const label = `Distribution ${id} (${domainName})`;
    const accepted = ctx.thresholds.acceptedPolicies;
    if (accepted.includes(minimumProtocolVersion)) {
      return pass(`${label} uses security policy ${minimumProtocolVersion}`, { minimumProtocolVersion });
    }
    // The default certificate reports TLSv1 whatever the distribution wants; the fix is a certificate, not a setting.
    const why =
      minimumProtocolVersion === 'TLSv1'
        ? ', which is what the default *.cloudfront.net certificate allows (TLS 1.0 and up); only a custom certificate can raise it'
        : `, older than ${accepted.join(', ')}`;
    return fail(`${label} accepts viewers on security policy ${minimumProtocolVersion}${why}`, {
      minimumProtocolVersion,
      acceptedPolicies: [...accepted],
    });
  },
});
