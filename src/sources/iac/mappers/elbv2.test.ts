import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './elbv2.js';
import type { MapContext } from './mapper.js';

function map(resource: IacResource, ctx: MapContext = contextOf(resource)) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, ctx);
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('CloudFormation load balancers', () => {
  it('joins listeners by LoadBalancerArn and reads LoadBalancerAttributes', () => {
    const balancer = iacResource(
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      {
        Name: 'web',
        Scheme: 'internal',
        LoadBalancerAttributes: [
          { Key: 'access_logs.s3.enabled', Value: 'true' },
          { Key: 'deletion_protection.enabled', Value: 'true' },
          { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        ],
      },
      { address: 'Alb', lines: { 'LoadBalancerAttributes.1.Value': 9 } },
    );
    const http = iacResource(
      'AWS::ElasticLoadBalancingV2::Listener',
      {
        LoadBalancerArn: new Reference('Alb', null),
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS' } }],
      },
      { address: 'Http', line: 20 },
    );
    const https = iacResource(
      'AWS::ElasticLoadBalancingV2::Listener',
      { LoadBalancerArn: new Reference('Alb', null), Port: 443, Protocol: 'HTTPS' },
      { address: 'Https' },
    );
    const mapped = map(balancer, contextOf(balancer, http, https));
    expect(mapped.gaps).toEqual([]);
    expect(mapped.attributes).toEqual({
      name: 'web',
      type: 'application',
      scheme: 'internal',
      listeners: [
        { port: 80, protocol: 'HTTP', sslPolicy: null, defaultActionRedirectsToHttps: true },
        // CreateListener's default policy when an HTTPS listener names none.
        {
          port: 443,
          protocol: 'HTTPS',
          sslPolicy: 'ELBSecurityPolicy-2016-08',
          defaultActionRedirectsToHttps: false,
        },
      ],
      dropInvalidHeaderFields: true,
      accessLogsEnabled: true,
      deletionProtection: true,
    });
    expect(mapped.locations.deletionProtection?.line).toBe(9);
    expect(mapped.locations.listeners?.line).toBe(20);
  });

  it('defaults: internet-facing, no logs, no deletion protection; NLBs have no header setting', () => {
    const mapped = map(iacResource('AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'network' }));
    expect(mapped.attributes).toEqual({
      name: 'Resource',
      type: 'network',
      scheme: 'internet-facing',
      listeners: [],
      dropInvalidHeaderFields: null,
      accessLogsEnabled: false,
      deletionProtection: false,
    });
  });
});

describe('Terraform load balancers', () => {
  it('reads aws_lb arguments and aws_lb_listener redirect blocks', () => {
    const balancer = iacResource(
      'aws_alb',
      { name: 'web', access_logs: [{ bucket: 'logs' }], enable_deletion_protection: true },
      { address: 'aws_alb.web' },
    );
    const listener = iacResource(
      'aws_lb_listener',
      {
        load_balancer_arn: new Reference('aws_alb.web', 'arn'),
        port: 80,
        protocol: 'HTTP',
        default_action: [{ type: 'redirect', redirect: [{ protocol: 'HTTPS', port: '443' }] }],
      },
      { address: 'aws_lb_listener.http' },
    );
    const mapped = map(balancer, contextOf(balancer, listener));
    expect(mapped.attributes).toMatchObject({
      type: 'application',
      // access_logs.enabled defaults to false even with a bucket.
      accessLogsEnabled: false,
      dropInvalidHeaderFields: false,
      deletionProtection: true,
      listeners: [{ port: 80, protocol: 'HTTP', sslPolicy: null, defaultActionRedirectsToHttps: true }],
    });
  });

  it('an unresolved argument is a gap on its field only', () => {
    const balancer = iacResource('aws_lb', {
      name: 'web',
      drop_invalid_header_fields: new Unresolved('var.drop'),
    });
    const mapped = map(balancer);
    expect(mapped.gaps).toEqual([
      { field: 'dropInvalidHeaderFields', reason: 'unresolved', detail: 'var.drop' },
    ]);
    expect(mapped.attributes.deletionProtection).toBe(false);
  });
});
