import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './elbv2-load-balancer-drop-invalid-headers.js';

type Balancer = AttributesOf<'elbv2.load-balancer'>;

const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188';
const balancer = (overrides: Partial<Balancer> = {}) =>
  resource(
    'elbv2.load-balancer',
    ARN,
    {
      arn: ARN,
      name: 'web',
      type: 'application',
      scheme: 'internet-facing',
      listeners: [],
      dropInvalidHeaderFields: true,
      accessLogsEnabled: true,
      deletionProtection: true,
      ...overrides,
    },
    { arn: ARN },
  );

testCheck(check, {
  pass: [
    {
      name: 'the load balancer drops invalid header fields',
      resources: [balancer()],
      message: /^Load balancer web drops invalid header fields$/,
    },
  ],
  fail: [
    {
      name: 'the load balancer forwards invalid header fields (the AWS default)',
      resources: [balancer({ dropInvalidHeaderFields: false })],
      message: /^Load balancer web forwards invalid header fields/,
    },
  ],
  notEvaluated: [
    {
      name: 'the load balancer attributes could not be read',
      resources: [
        withGap(
          balancer(),
          'dropInvalidHeaderFields',
          'access-denied',
          'elasticloadbalancing:DescribeLoadBalancerAttributes',
        ),
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
      name: 'a Network Load Balancer gets no result: it has no such setting',
      resources: [balancer({ type: 'network', dropInvalidHeaderFields: null })],
    },
  ],
});
