import type { AttributesOf } from '../../core/kinds/index.js';
import type { LoadBalancerListener } from '../../core/kinds/app.js';
import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './elbv2-load-balancer-modern-tls.js';

type Balancer = AttributesOf<'elbv2.load-balancer'>;

const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188';
const listener = (sslPolicy: string | null, protocol = 'HTTPS', port = 443): LoadBalancerListener => ({
  port,
  protocol,
  sslPolicy,
  defaultActionRedirectsToHttps: false,
});
const HTTP_REDIRECT: LoadBalancerListener = {
  port: 80,
  protocol: 'HTTP',
  sslPolicy: null,
  defaultActionRedirectsToHttps: true,
};
const balancer = (listeners: LoadBalancerListener[], overrides: Partial<Balancer> = {}) =>
  resource(
    'elbv2.load-balancer',
    ARN,
    {
      arn: ARN,
      name: 'web',
      type: 'application',
      scheme: 'internet-facing',
      listeners,
      dropInvalidHeaderFields: true,
      accessLogsEnabled: true,
      deletionProtection: true,
      ...overrides,
    },
    { arn: ARN },
  );
const nlb = (listeners: LoadBalancerListener[]) =>
  balancer(listeners, { type: 'network', dropInvalidHeaderFields: null });

testCheck(check, {
  pass: [
    {
      name: 'the HTTPS listener uses the recommended TLS 1.3 policy',
      resources: [balancer([HTTP_REDIRECT, listener('ELBSecurityPolicy-TLS13-1-2-2021-06')])],
      message: /web's HTTPS\/TLS listeners all use an allowed policy/,
    },
    {
      name: 'the HTTPS listener uses the post-quantum console default',
      resources: [balancer([listener('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09')])],
    },
    {
      name: 'a Network Load Balancer TLS listener uses a TLS 1.2-only FIPS policy',
      resources: [nlb([listener('ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04', 'TLS')])],
    },
    {
      name: 'an older TLS 1.2-only policy is still allowed',
      resources: [balancer([listener('ELBSecurityPolicy-TLS-1-2-Ext-2018-06')])],
    },
  ],
  fail: [
    {
      name: 'the HTTPS listener kept the CLI default policy that accepts TLS 1.0',
      resources: [balancer([listener('ELBSecurityPolicy-2016-08')])],
      message: /^Load balancer web has listeners .*: HTTPS:443 \(ELBSecurityPolicy-2016-08\)$/,
    },
    {
      name: 'a TLS 1.3 policy that still accepts TLS 1.0',
      resources: [balancer([listener('ELBSecurityPolicy-TLS13-1-0-2021-06')])],
      message: /TLS13-1-0-2021-06/,
    },
    {
      name: 'one of two HTTPS listeners is outdated: only it is named',
      resources: [
        balancer([
          listener('ELBSecurityPolicy-TLS13-1-2-2021-06'),
          listener('ELBSecurityPolicy-TLS-1-1-2017-01', 'HTTPS', 8443),
        ]),
      ],
      message: /: HTTPS:8443 \(ELBSecurityPolicy-TLS-1-1-2017-01\)$/,
    },
    {
      name: 'a policy outside a stricter TLS 1.3-only list',
      resources: [balancer([listener('ELBSecurityPolicy-TLS13-1-2-2021-06')])],
      thresholds: { allowedPolicies: ['ELBSecurityPolicy-TLS13-1-3-2021-06'] },
    },
  ],
  notEvaluated: [
    {
      name: 'the listeners could not be described',
      resources: [
        withGap(
          balancer([listener('ELBSecurityPolicy-TLS13-1-2-2021-06')]),
          'listeners',
          'access-denied',
          'elasticloadbalancing:DescribeListeners',
        ),
      ],
      reason: 'access-denied',
    },
    {
      name: 'an HTTPS listener came without its security policy',
      resources: [balancer([listener(null)])],
      reason: 'not-collected',
      message: /listener HTTPS:443 of web/,
    },
    listingFailed(
      'load balancers could not be listed in the region',
      'elbv2.load-balancer',
      'elasticloadbalancing:DescribeLoadBalancers',
      'throttled',
    ),
  ],
  skip: [
    {
      name: 'a load balancer with only an HTTP listener gets no result',
      resources: [balancer([HTTP_REDIRECT])],
    },
    {
      name: 'a Network Load Balancer with plain TCP listeners gets no result',
      resources: [nlb([listener(null, 'TCP', 80)])],
    },
  ],
});
