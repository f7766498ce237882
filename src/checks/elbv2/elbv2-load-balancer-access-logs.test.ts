import type { AttributesOf } from '../../core/kinds/index.js';
import type { LoadBalancerListener } from '../../core/kinds/app.js';
import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './elbv2-load-balancer-access-logs.js';

type Balancer = AttributesOf<'elbv2.load-balancer'>;

const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188';
const listener = (protocol: string, port: number): LoadBalancerListener => ({
  port,
  protocol,
  sslPolicy: protocol === 'HTTPS' || protocol === 'TLS' ? 'ELBSecurityPolicy-TLS13-1-2-2021-06' : null,
  defaultActionRedirectsToHttps: false,
});
const balancer = (overrides: Partial<Balancer> = {}) =>
  resource(
    'elbv2.load-balancer',
    ARN,
    {
      arn: ARN,
      name: 'web',
      type: 'application',
      scheme: 'internet-facing',
      listeners: [listener('HTTPS', 443)],
      dropInvalidHeaderFields: true,
      accessLogsEnabled: true,
      deletionProtection: true,
      ...overrides,
    },
    { arn: ARN },
  );
const nlb = (listeners: LoadBalancerListener[], accessLogsEnabled: boolean) =>
  balancer({ type: 'network', listeners, accessLogsEnabled, dropInvalidHeaderFields: null });

testCheck(check, {
  pass: [
    {
      name: 'the Application Load Balancer writes access logs',
      resources: [balancer()],
      message: /^Load balancer web writes access logs$/,
    },
    {
      name: 'a Network Load Balancer with a TLS listener writes access logs',
      resources: [nlb([listener('TLS', 443)], true)],
    },
  ],
  fail: [
    {
      name: 'the Application Load Balancer has access logs off',
      resources: [balancer({ accessLogsEnabled: false })],
      message: /^Load balancer web \(application\) has access logs turned off$/,
    },
    {
      name: 'an Application Load Balancer without listeners still should log',
      resources: [balancer({ listeners: [], accessLogsEnabled: false })],
    },
    {
      name: 'a Network Load Balancer terminating TLS has access logs off',
      resources: [nlb([listener('TCP', 80), listener('TLS', 443)], false)],
      message: /\(network\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the load balancer attributes could not be read',
      resources: [
        withGap(
          balancer(),
          'accessLogsEnabled',
          'access-denied',
          'elasticloadbalancing:DescribeLoadBalancerAttributes',
        ),
      ],
      reason: 'access-denied',
    },
    {
      name: 'the listeners of a Network Load Balancer could not be described',
      resources: [
        withGap(
          nlb([listener('TLS', 443)], false),
          'listeners',
          'throttled',
          'elasticloadbalancing:DescribeListeners',
        ),
      ],
      reason: 'throttled',
    },
    listingFailed(
      'load balancers could not be listed in the region',
      'elbv2.load-balancer',
      'elasticloadbalancing:DescribeLoadBalancers',
    ),
  ],
  skip: [
    {
      name: 'a Network Load Balancer with only TCP listeners gets no result: it writes no access logs',
      resources: [nlb([listener('TCP', 80)], false)],
    },
    {
      name: 'a Gateway Load Balancer gets no result',
      resources: [
        balancer({
          type: 'gateway',
          scheme: 'internal',
          listeners: [{ port: null, protocol: null, sslPolicy: null, defaultActionRedirectsToHttps: false }],
          dropInvalidHeaderFields: null,
          accessLogsEnabled: null,
        }),
      ],
    },
  ],
});
