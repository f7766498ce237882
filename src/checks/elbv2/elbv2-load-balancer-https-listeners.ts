import { defineCheck } from '../../core/check.js';
import type { LoadBalancerListener } from '../../core/kinds/app.js';
import { fail, pass } from '../../core/outcome.js';

/** A listener that answers over plain HTTP: anything but HTTPS, or HTTP that does not redirect to HTTPS. */
function isPlaintext(listener: LoadBalancerListener): boolean {
  if (listener.protocol === 'HTTPS') return false;
  return !(listener.protocol === 'HTTP' && listener.defaultActionRedirectsToHttps);
}

const label = (listener: LoadBalancerListener) => `${listener.protocol ?? 'unknown'}:${listener.port ?? '-'}`;

export default defineCheck({
  id: 'elbv2-load-balancer-https-listeners',
  title: 'Application Load Balancer serves HTTPS only, or redirects HTTP to HTTPS',
  description:
    'Every listener of an Application Load Balancer must be HTTPS, or an HTTP listener whose default action redirects to HTTPS (FSBP ELB.1). Only the default action is read: listener rules that forward some paths over HTTP are not seen.',
  risk: 'Requests and responses, including credentials, session cookies and personal data, cross the network in clear text, where they can be read or altered by anyone on the path.',
  severity: 'medium',
  service: 'elbv2',
  domain: 'network',
  kind: 'elbv2.load-balancer',
  scope: 'resource',
  reads: ['name', 'type', 'listeners'],
  appliesTo: (balancer) => balancer.attributes.type === 'application',
  remediation: {
    text: 'Add an HTTPS listener with an ACM certificate, and change the default action of each HTTP listener to a permanent (HTTP_301) redirect to HTTPS on port 443 (or remove the HTTP listener).',
    cli: "aws elbv2 modify-listener --listener-arn <http-listener-arn> --default-actions 'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}'",
    cloudformation:
      'HttpListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    LoadBalancerArn: !Ref LoadBalancer\n    Port: 80\n    Protocol: HTTP\n    DefaultActions:\n      - Type: redirect\n        RedirectConfig:\n          Protocol: HTTPS\n          Port: "443"\n          StatusCode: HTTP_301',
    terraform:
      'resource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.this.arn\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      protocol    = "HTTPS"\n      port        = "443"\n      status_code = "HTTP_301"\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html',
  },
  evaluate(balancer) {
    const { name, listeners } = balancer.attributes;
    const plaintext = listeners.filter(isPlaintext).map(label);
    if (plaintext.length > 0) {
      const noun = plaintext.length === 1 ? 'listener' : 'listeners';
      return fail(`Load balancer ${name} serves plain HTTP on ${noun} ${plaintext.join(', ')}`, {
        plaintextListeners: plaintext,
        listeners: listeners.map(label),
      });
    }
    if (listeners.length === 0) return pass(`Load balancer ${name} has no listeners`, { listeners: [] });
    return pass(`Load balancer ${name} serves HTTPS only or redirects HTTP to HTTPS`, {
      listeners: listeners.map(label),
    });
  },
});
