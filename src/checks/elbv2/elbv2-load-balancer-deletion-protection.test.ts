import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './elbv2-load-balancer-deletion-protection.js';

type Balancer = AttributesOf<'elbv2.load-balancer'>;

const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188';
const balancer = (overrides: Partial<Balancer> = {}) =>
  resource('elbv2.load-balancer', ARN, {
    arn: ARN,
    name: 'web',
    type: 'application',
    scheme: 'internet-facing',
    listeners: [],
    dropInvalidHeaderFields: true,
    accessLogsEnabled: true,
    deletionProtection: true,
    ...overrides,
  });

testCheck(check, {
  pass: [
    {
      name: 'a protected application load balancer',
      resources: [balancer()],
      message: /^Load balancer web \(application\) has deletion protection on$/,
    },
  ],
  fail: [
    {
      name: 'a network load balancer anyone with elasticloadbalancing:DeleteLoadBalancer can delete in one call',
      resources: [balancer({ type: 'network', dropInvalidHeaderFields: null, deletionProtection: false })],
      message: /^Load balancer web \(network\) can be deleted without turning off deletion protection first$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the load balancer attributes could not be read',
      resources: [
        withGap(
          balancer(),
          'deletionProtection',
          'access-denied',
          'elasticloadbalancing:DescribeLoadBalancerAttributes',
        ),
      ],
      reason: 'access-denied',
    },
  ],
});
