import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

const DAY = 86_400_000;

export default defineCheck({
  id: 'iam-server-certificate-not-expired',
  title: 'No expired SSL/TLS certificate is stored in IAM',
  description:
    'Server certificates uploaded to IAM (for load balancers and CloudFront in regions or setups without ACM) are removed once they expire (CIS 1.18).',
  risk: 'An expired certificate can still be deployed to a load balancer or distribution by mistake, breaking TLS for clients or training them to click through warnings; old certificates also clutter the inventory that rotation relies on.',
  severity: 'medium',
  service: 'iam',
  domain: 'keys',
  kind: 'iam.server-certificate',
  scope: 'resource',
  reads: ['name', 'expiration'],
  remediation: {
    text: 'Make sure nothing uses the certificate any more, then delete it from IAM. Prefer AWS Certificate Manager, which renews certificates itself.',
    cli: 'aws iam delete-server-certificate --server-certificate-name <name>',
    terraform: '# remove the aws_iam_server_certificate resource and apply',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html',
  },
  evaluate(certificate, ctx) {
    const { name, expiration } = certificate.attributes;
    const days = Math.floor((Date.parse(expiration) - ctx.now.getTime()) / DAY);
    if (days >= 0)
      return pass(`Certificate ${name} is valid until ${expiration} (${days} days left)`, { expiration });
    return fail(
      `Certificate ${name} expired on ${expiration}, ${-days} days ago, and is still stored in IAM`,
      {
        expiration,
      },
    );
  },
});
