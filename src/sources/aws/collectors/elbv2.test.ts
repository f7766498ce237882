import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { elbv2Collector } from './elbv2.js';

const elb = mockClient(ElasticLoadBalancingV2Client);
const KINDS = Object.keys(elbv2Collector.kinds);

type Type = 'application' | 'network' | 'gateway';
const SHORT: Record<Type, string> = { application: 'app', network: 'net', gateway: 'gwy' };
const arnOf = (name: string, type: Type = 'application') =>
  `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${SHORT[type]}/${name}/50dc6c495c0c9188`;

function balancer(name: string, type: Type = 'application', scheme = 'internet-facing'): LoadBalancer {
  return {
    LoadBalancerArn: arnOf(name, type),
    LoadBalancerName: name,
    Type: type,
    Scheme: scheme as LoadBalancer['Scheme'],
    DNSName: `${name}.elb.amazonaws.com`,
  };
}

const httpRedirect: Listener = {
  Port: 80,
  Protocol: 'HTTP',
  DefaultActions: [
    { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
  ],
};
const httpsForward: Listener = {
  Port: 443,
  Protocol: 'HTTPS',
  SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }],
};

/** What DescribeLoadBalancerAttributes returns for an ALB with everything on, with some values changed. */
function settings(overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    'deletion_protection.enabled': 'true',
    'access_logs.s3.enabled': 'true',
    'access_logs.s3.bucket': 'lb-logs',
    'routing.http.drop_invalid_header_fields.enabled': 'true',
    'idle_timeout.timeout_seconds': '60',
    ...overrides,
  };
  return { Attributes: Object.entries(values).map(([Key, Value]) => ({ Key, Value })) };
}

/** One ALB with an HTTP listener that redirects and an HTTPS one, everything on. */
function oneBalancer() {
  elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [balancer('web')] });
  elb.on(DescribeListenersCommand).resolves({ Listeners: [httpRedirect, httpsForward] });
  elb.on(DescribeLoadBalancerAttributesCommand).resolves(settings());
}

const byName = (sink: CollectionSink, name: string) =>
  sink.resources.find((resource) => resource.attributes.name === name);

describe('elbv2 collector', () => {
  beforeEach(() => elb.reset());

  it('reports every load balancer across pages with its listeners (across pages) and settings', async () => {
    elb
      .on(DescribeLoadBalancersCommand)
      .resolvesOnce({ LoadBalancers: [balancer('web')], NextMarker: 'page-2' })
      .resolvesOnce({
        LoadBalancers: [balancer('tcp', 'network', 'internal'), balancer('inspect', 'gateway')],
      });
    elb
      .on(DescribeListenersCommand, { LoadBalancerArn: arnOf('web') })
      .resolvesOnce({ Listeners: [httpRedirect], NextMarker: 'listeners-2' })
      .resolvesOnce({ Listeners: [httpsForward] });
    elb.on(DescribeListenersCommand, { LoadBalancerArn: arnOf('tcp', 'network') }).resolves({
      Listeners: [{ Port: 443, Protocol: 'TLS', SslPolicy: 'ELBSecurityPolicy-2016-08', DefaultActions: [] }],
    });
    // Gateway Load Balancer listeners have neither port nor protocol.
    elb
      .on(DescribeListenersCommand, { LoadBalancerArn: arnOf('inspect', 'gateway') })
      .resolves({ Listeners: [{ DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }] }] });
    elb
      .on(DescribeLoadBalancerAttributesCommand, { LoadBalancerArn: arnOf('web') })
      .resolves(settings({ 'access_logs.s3.enabled': 'false' }));
    elb.on(DescribeLoadBalancerAttributesCommand, { LoadBalancerArn: arnOf('tcp', 'network') }).resolves({
      Attributes: [
        { Key: 'deletion_protection.enabled', Value: 'false' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
      ],
    });
    elb
      .on(DescribeLoadBalancerAttributesCommand, { LoadBalancerArn: arnOf('inspect', 'gateway') })
      .resolves({ Attributes: [{ Key: 'deletion_protection.enabled', Value: 'true' }] });

    const sink = await collectWith(elbv2Collector);

    expect(byName(sink, 'web')).toEqual({
      kind: 'elbv2.load-balancer',
      id: arnOf('web'),
      arn: arnOf('web'),
      region: REGION,
      attributes: {
        arn: arnOf('web'),
        name: 'web',
        type: 'application',
        scheme: 'internet-facing',
        listeners: [
          { port: 80, protocol: 'HTTP', sslPolicy: null, defaultActionRedirectsToHttps: true },
          {
            port: 443,
            protocol: 'HTTPS',
            sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
            defaultActionRedirectsToHttps: false,
          },
        ],
        dropInvalidHeaderFields: true,
        accessLogsEnabled: false,
        deletionProtection: true,
      },
      gaps: [],
    });
    // Settings a type does not have are null (not applicable), not gaps.
    expect(byName(sink, 'tcp')).toMatchObject({
      gaps: [],
      attributes: {
        type: 'network',
        scheme: 'internal',
        listeners: [
          {
            port: 443,
            protocol: 'TLS',
            sslPolicy: 'ELBSecurityPolicy-2016-08',
            defaultActionRedirectsToHttps: false,
          },
        ],
        dropInvalidHeaderFields: null,
        accessLogsEnabled: true,
        deletionProtection: false,
      },
    });
    expect(byName(sink, 'inspect')).toMatchObject({
      gaps: [],
      attributes: {
        type: 'gateway',
        listeners: [{ port: null, protocol: null, sslPolicy: null, defaultActionRedirectsToHttps: false }],
        dropInvalidHeaderFields: null,
        accessLogsEnabled: null,
        deletionProtection: true,
      },
    });
    expect(elb.commandCalls(DescribeLoadBalancersCommand)[1]?.args[0].input.Marker).toBe('page-2');
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('tells an HTTP listener that forwards from one that redirects to HTTPS', async () => {
    oneBalancer();
    elb.on(DescribeListenersCommand).resolves({
      Listeners: [
        { Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }] },
        {
          Port: 8080,
          Protocol: 'HTTP',
          DefaultActions: [
            { Type: 'redirect', RedirectConfig: { Protocol: 'HTTP', StatusCode: 'HTTP_302' } },
          ],
        },
      ],
    });
    const sink = await collectWith(elbv2Collector);
    expect(sink.resources[0]?.attributes.listeners).toEqual([
      { port: 80, protocol: 'HTTP', sslPolicy: null, defaultActionRedirectsToHttps: false },
      { port: 8080, protocol: 'HTTP', sslPolicy: null, defaultActionRedirectsToHttps: false },
    ]);
  });

  it('reports a region without load balancers as no resources and no gap', async () => {
    elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [] });
    const sink = await collectWith(elbv2Collector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied DescribeLoadBalancers into a gap on the kind, naming the IAM action', async () => {
    elb.on(DescribeLoadBalancersCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(elbv2Collector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      kindGap('elbv2.load-balancer', 'access-denied', 'elasticloadbalancing:DescribeLoadBalancers'),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps a load balancer whose listeners were denied, with a gap on listeners only', async () => {
    oneBalancer();
    elb.on(DescribeListenersCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(elbv2Collector);
    const [found] = sink.resources;
    expect(found?.gaps).toEqual([
      expect.objectContaining({
        field: 'listeners',
        reason: 'access-denied',
        action: 'elasticloadbalancing:DescribeListeners',
      }),
    ]);
    expect(found?.attributes).not.toHaveProperty('listeners');
    expect(found?.attributes).toMatchObject({ dropInvalidHeaderFields: true, deletionProtection: true });
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps a load balancer whose attributes were denied, with a gap on each setting they hold', async () => {
    oneBalancer();
    elb.on(DescribeLoadBalancerAttributesCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(elbv2Collector);
    const [found] = sink.resources;
    const action = 'elasticloadbalancing:DescribeLoadBalancerAttributes';
    expect(found?.gaps).toEqual(
      ['dropInvalidHeaderFields', 'accessLogsEnabled', 'deletionProtection'].map((field) =>
        expect.objectContaining({ field, reason: 'access-denied', action }),
      ),
    );
    expect(Object.keys(found?.attributes ?? {}).sort()).toEqual([
      'arn',
      'listeners',
      'name',
      'scheme',
      'type',
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps the settings as throttled when DescribeLoadBalancerAttributes is throttled for good', async () => {
    oneBalancer();
    elb.on(DescribeLoadBalancerAttributesCommand).rejects(awsError('Throttling', 400));
    const sink = await collectWith(elbv2Collector);
    expect(sink.resources[0]?.gaps).toEqual(
      ['dropInvalidHeaderFields', 'accessLogsEnabled', 'deletionProtection'].map((field) =>
        expect.objectContaining({
          field,
          reason: 'throttled',
          action: 'elasticloadbalancing:DescribeLoadBalancerAttributes',
        }),
      ),
    );
  });

  it('leaves a setting the response left out a gap, rather than assuming it off', async () => {
    oneBalancer();
    elb.on(DescribeLoadBalancerAttributesCommand).resolves({
      Attributes: [
        { Key: 'deletion_protection.enabled', Value: 'false' },
        { Key: 'access_logs.s3.enabled', Value: 'false' },
      ],
    });
    const sink = await collectWith(elbv2Collector);
    const [found] = sink.resources;
    expect(found?.attributes).not.toHaveProperty('dropInvalidHeaderFields');
    expect(found?.attributes).toMatchObject({ deletionProtection: false, accessLogsEnabled: false });
    expect(found?.gaps).toEqual([
      expect.objectContaining({ field: 'dropInvalidHeaderFields', reason: 'not-collected' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('does not report a load balancer deleted while the scan ran, and records no gap for it', async () => {
    elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [balancer('web'), balancer('gone')] });
    elb.on(DescribeListenersCommand).resolves({ Listeners: [] });
    elb.on(DescribeLoadBalancerAttributesCommand).resolves(settings());
    elb
      .on(DescribeLoadBalancerAttributesCommand, { LoadBalancerArn: arnOf('gone') })
      .rejects(awsError('LoadBalancerNotFound', 400));
    const sink = await collectWith(elbv2Collector);
    expect(sink.resources.map((resource) => resource.attributes.name)).toEqual(['web']);
    expect(sink.resources[0]?.attributes.listeners).toEqual([]);
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
  });

  it('declares every action it calls', async () => {
    oneBalancer();
    const sink = await collectWith(elbv2Collector);
    expect(sink.errors).toEqual([]);
    const called = elb
      .calls()
      .map((call) => `elasticloadbalancing:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(elbv2Collector.actions));
  });
});
