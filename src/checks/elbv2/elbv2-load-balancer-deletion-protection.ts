import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'elbv2-load-balancer-deletion-protection',
  title: 'Load balancer has deletion protection on',
  description:
    'Every Application, Network and Gateway Load Balancer must have deletion protection on (attribute `deletion_protection.enabled`, FSBP ELB.6), so that it cannot be deleted until the attribute is turned off.',
  risk: 'A load balancer deleted by mistake (a console click, a script, a stack teardown) takes the application offline, and the one recreated gets a new DNS name, so every record and client pointing at the old one breaks until updated.',
  severity: 'medium',
  service: 'elbv2',
  domain: 'compute',
  kind: 'elbv2.load-balancer',
  scope: 'resource',
  reads: ['name', 'type', 'deletionProtection'],
  remediation: {
    text: 'Turn on deletion protection for every load balancer that serves production traffic; turn it off deliberately before a planned deletion.',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=deletion_protection.enabled,Value=true',
    cloudformation:
      'LoadBalancer:\n  Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  Properties:\n    # ...\n    LoadBalancerAttributes:\n      - Key: deletion_protection.enabled\n        Value: "true"',
    terraform: 'resource "aws_lb" "this" {\n  # ...\n  enable_deletion_protection = true\n}',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#deletion-protection',
  },
  evaluate(balancer) {
    const { name, type, deletionProtection } = balancer.attributes;
    return deletionProtection
      ? pass(`Load balancer ${name} (${type}) has deletion protection on`, { deletionProtection })
      : fail(`Load balancer ${name} (${type}) can be deleted without turning off deletion protection first`, {
          deletionProtection,
        });
  },
});
