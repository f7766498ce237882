import type { AttributesOf } from '../../core/kinds/index.js';
import type { LoadBalancerListener } from '../../core/kinds/app.js';
import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './elbv2-load-balancer-https-listeners.js';

type Balancer = AttributesOf<'elbv2.load-balancer'>;

const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188';
const https: LoadBalancerListener = {
  port: 443,
  protocol: 'HTTPS',
  sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  defaultActionRedirectsToHttps: false,
};
const http = (redirects: boolean): LoadBalancerListener => ({
  port: 80,
  protocol: 'HTTP',
  sslPolicy: null,
  defaultActionRedirectsToHttps: redirects,
});
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

testCheck(check, {
  pass: [
    { name: 'the load balancer only has an HTTPS listener', resources: [balancer([https])] },
    {
      name: 'the HTTP listener redirects to HTTPS',
      resources: [balancer([http(true), https])],
      message: /web serves HTTPS only or redirects HTTP to HTTPS/,
    },
    { name: 'the load balancer has no listeners yet', resources: [balancer([])], message: /no listeners/ },
  ],
  fail: [
    {
      name: 'the load balancer serves plain HTTP next to HTTPS',
      resources: [balancer([http(false), https])],
      message: /^Load balancer web serves plain HTTP on listener HTTP:80$/,
    },
    {
      name: 'the load balancer only serves plain HTTP, on two ports',
      resources: [balancer([http(false), { ...http(false), port: 8080 }])],
      message: /listeners HTTP:80, HTTP:8080/,
    },
  ],
  notEvaluated: [
    {
      name: 'the listeners could not be described',
      resources: [
        withGap(balancer([https]), 'listeners', 'access-denied', 'elasticloadbalancing:DescribeListeners'),
      ],
      reason: 'access-denied',
    },
    listingFailed(
      'load balancers could not be listed in the region',
      'elbv2.load-balancer',
      'elasticloadbalancing:DescribeLoadBalancers',
    ),
  ],
  skip: [
    {
      name: 'a Network Load Balancer with a plain TCP listener gets no result',
      resources: [
        balancer([{ port: 80, protocol: 'TCP', sslPolicy: null, defaultActionRedirectsToHttps: false }], {
          type: 'network',
          dropInvalidHeaderFields: null,
        }),
      ],
    },
  ],
});
