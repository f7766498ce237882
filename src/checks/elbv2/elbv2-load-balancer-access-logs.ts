import { defineCheck } from '../../core/check.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'elbv2-load-balancer-access-logs',
  title: 'Load balancer writes access logs to S3',
  description:
    'Access logs record every request an Application Load Balancer receives (FSBP ELB.5), and every TLS connection a Network Load Balancer terminates. Network Load Balancers without a TLS listener write no access logs at all, so they are not concerned; nor are Gateway Load Balancers, which have none.',
  risk: 'Without access logs there is no record of who sent which requests: attacks against the application, data scraping and the source of an incident cannot be traced.',
  severity: 'medium',
  service: 'elbv2',
  domain: 'logging',
  kind: 'elbv2.load-balancer',
  scope: 'resource',
  reads: ['name', 'type', 'listeners', 'accessLogsEnabled'],
  appliesTo: ({ attributes }) =>
    attributes.type === 'application' ||
    (attributes.type === 'network' && attributes.listeners.some((listener) => listener.protocol === 'TLS')),
  remediation: {
    text: 'Create an S3 bucket in the load balancer’s region (SSE-S3 encryption; SSE-KMS is not supported) whose bucket policy lets Elastic Load Balancing log delivery write to it, then turn on access logs for the load balancer.',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <load-balancer-arn> --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<bucket> Key=access_logs.s3.prefix,Value=<prefix>',
    cloudformation:
      'LoadBalancer:\n  Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  Properties:\n    # ...\n    LoadBalancerAttributes:\n      - Key: access_logs.s3.enabled\n        Value: "true"\n      - Key: access_logs.s3.bucket\n        Value: !Ref LogBucket',
    terraform:
      'resource "aws_lb" "this" {\n  # ...\n  access_logs {\n    bucket  = aws_s3_bucket.lb_logs.id\n    enabled = true\n  }\n}',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
  },
  evaluate(balancer) {
    const { name, type, accessLogsEnabled } = balancer.attributes;
    if (accessLogsEnabled === null) {
      return notEvaluated(
        { field: 'accessLogsEnabled', reason: 'not-collected', detail: `no access log setting for ${name}` },
        `Could not tell whether ${type} load balancer ${name} writes access logs`,
      );
    }
    return accessLogsEnabled
      ? pass(`Load balancer ${name} writes access logs`, { type, accessLogsEnabled })
      : fail(`Load balancer ${name} (${type}) has access logs turned off`, { type, accessLogsEnabled });
  },
});
