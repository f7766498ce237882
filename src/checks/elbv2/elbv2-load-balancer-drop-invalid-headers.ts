import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'elbv2-load-balancer-drop-invalid-headers',
  title: 'Application Load Balancer drops invalid HTTP header fields',
  description:
    'With routing.http.drop_invalid_header_fields.enabled, an Application Load Balancer removes header fields whose names do not match the HTTP grammar (letters, digits and hyphens) before forwarding the request (FSBP ELB.4). The setting exists on Application Load Balancers only.',
  risk: 'Malformed headers reach the targets, where differences in how the load balancer and the application parse them enable HTTP request smuggling and header injection.',
  severity: 'medium',
  service: 'elbv2',
  domain: 'network',
  kind: 'elbv2.load-balancer',
  scope: 'resource',
  reads: ['name', 'dropInvalidHeaderFields'],
  appliesTo: (balancer) => balancer.attributes.dropInvalidHeaderFields !== null,
  remediation: {
    text: 'Turn on dropping of invalid header fields on the load balancer. Check first that no client relies on header names with underscores or other characters outside the HTTP grammar.',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <load-balancer-arn> --attributes Key=routing.http.drop_invalid_header_fields.enabled,Value=true',
    cloudformation:
      'LoadBalancer:\n  Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  Properties:\n    # ...\n    LoadBalancerAttributes:\n      - Key: routing.http.drop_invalid_header_fields.enabled\n        Value: "true"',
    terraform: 'resource "aws_lb" "this" {\n  # ...\n  drop_invalid_header_fields = true\n}',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes',
  },
  evaluate(balancer) {
    const { name, dropInvalidHeaderFields } = balancer.attributes;
    return dropInvalidHeaderFields
      ? pass(`Load balancer ${name} drops invalid header fields`, { dropInvalidHeaderFields })
      : fail(`Load balancer ${name} forwards invalid header fields to its targets`, {
          dropInvalidHeaderFields,
        });
  },
});
