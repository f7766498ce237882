import { defineCheck } from '../../core/check.js';
import type { LoadBalancerListener } from '../../core/kinds/app.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';

const ENCRYPTED = new Set(['HTTPS', 'TLS']);
const isEncrypted = (listener: LoadBalancerListener) => ENCRYPTED.has(listener.protocol ?? '');
const label = (listener: LoadBalancerListener) => `${listener.protocol ?? 'unknown'}:${listener.port ?? '-'}`;

/**
 * The predefined ELB security policies that negotiate TLS 1.2 or later only, from the Application and Network
 * Load Balancer security policy tables. Left out on purpose: ELBSecurityPolicy-TLS13-1-0-* and -TLS13-1-1-*
 * (TLS 1.3 policies that still accept TLS 1.0 / 1.1), ELBSecurityPolicy-2016-08 (the CLI/CloudFormation
 * default) and every other policy that accepts TLS 1.0 or 1.1.
 */
const TLS12_PLUS = [
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS-1-2-2017-01',
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
  'ELBSecurityPolicy-FS-1-2-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10',
] as const;

export default defineCheck({
  id: 'elbv2-load-balancer-modern-tls',
  title: 'Load balancer HTTPS and TLS listeners only accept TLS 1.2 or later',
  description:
    'Every HTTPS listener (Application Load Balancer) and TLS listener (Network Load Balancer) must use a security policy from the allowed list: by default the predefined ELB policies that negotiate TLS 1.2 or TLS 1.3 only. The default policy of listeners created with the CLI, CloudFormation or the CDK, ELBSecurityPolicy-2016-08, still accepts TLS 1.0 and 1.1. In the spirit of FSBP ELB.17.',
  risk: 'Clients can be made to negotiate TLS 1.0 or 1.1, deprecated protocols with weak ciphers and known attacks, and compliance regimes such as PCI DSS forbid them.',
  severity: 'medium',
  service: 'elbv2',
  domain: 'network',
  kind: 'elbv2.load-balancer',
  scope: 'resource',
  reads: ['name', 'listeners'],
  thresholds: {
    allowedPolicies: {
      default: TLS12_PLUS,
      description:
        'Security policies an HTTPS or TLS listener may use (by default, those allowing only TLS 1.2+)',
    },
  },
  appliesTo: (balancer) => balancer.attributes.listeners.some(isEncrypted),
  remediation: {
    text: 'Switch each HTTPS or TLS listener to a TLS 1.2+ policy. AWS recommends ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 (or ELBSecurityPolicy-TLS13-1-2-2021-06); check first, from access or connection logs, that no client still needs TLS 1.0 or 1.1. Set the policy explicitly in templates: omitting it yields ELBSecurityPolicy-2016-08.',
    cli: 'aws elbv2 modify-listener --listener-arn <listener-arn> --ssl-policy ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
    cloudformation:
      'HttpsListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    # ...\n    Protocol: HTTPS\n    SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
    terraform:
      'resource "aws_lb_listener" "https" {\n  # ...\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"\n}',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
  },
  evaluate(balancer, ctx) {
    const { name, listeners } = balancer.attributes;
    const allowed = new Set<string>(ctx.thresholds.allowedPolicies);
    const encrypted = listeners.filter(isEncrypted);
    const outdated = encrypted
      .filter((listener) => listener.sslPolicy !== null && !allowed.has(listener.sslPolicy))
      .map((listener) => ({ listener: label(listener), sslPolicy: listener.sslPolicy }));
    if (outdated.length > 0) {
      const list = outdated.map((item) => `${item.listener} (${item.sslPolicy})`).join(', ');
      return fail(`Load balancer ${name} has listeners on a policy outside the allowed list: ${list}`, {
        outdated,
      });
    }
    const unknown = encrypted.find((listener) => listener.sslPolicy === null);
    if (unknown) {
      return notEvaluated(
        {
          field: 'listeners',
          reason: 'not-collected',
          detail: `no security policy was collected for listener ${label(unknown)} of ${name}`,
        },
        `Could not tell which security policy listener ${label(unknown)} of ${name} uses`,
      );
    }
    const policies = encrypted.map((listener) => ({
      listener: label(listener),
      sslPolicy: listener.sslPolicy,
    }));
    return pass(`Load balancer ${name}'s HTTPS/TLS listeners all use an allowed policy`, { policies });
  },
});
