import type { LoadBalancerListener } from '../../../core/kinds/app.js';
import type { IacObject, IacResource, IacValue } from '../types.js';
import {
  AttributeBuilder,
  block,
  blocks,
  bool,
  get,
  list,
  num,
  obj,
  str,
  tagsOf,
  type KindMapper,
} from './mapper.js';
import { nameOf } from './resource-ids.js';

const TYPES = ['application', 'network', 'gateway'] as const;
type BalancerType = (typeof TYPES)[number];

function typeOf(value: IacValue | undefined): BalancerType {
  // CreateLoadBalancer / AWS::ElasticLoadBalancingV2::LoadBalancer Type and aws_lb load_balancer_type: "The
  // default is application".
  const given = str(value) ?? 'application';
  return TYPES.find((known) => known === given) ?? 'application';
}

/**
 * The TLS policy of an HTTPS or TLS listener. Left out, CreateListener uses `ELBSecurityPolicy-2016-08` (the
 * Terraform provider's aws_lb_listener documents the same default); other protocols have none.
 */
function sslPolicyOf(protocol: string | null, value: IacValue | undefined): string | null {
  if (protocol !== 'HTTPS' && protocol !== 'TLS') return null;
  return str(value) ?? 'ELBSecurityPolicy-2016-08';
}

/** A load balancer attribute from CloudFormation's `LoadBalancerAttributes: [{Key, Value}]`. */
function attributeOf(properties: IacObject, key: string): boolean | undefined {
  for (const entry of list(get(properties, 'LoadBalancerAttributes'))) {
    if (str(get(entry, 'Key')) === key) return bool(get(entry, 'Value'));
  }
  return undefined;
}

function attributePath(properties: IacObject, key: string): (string | number)[] {
  const index = list(properties.LoadBalancerAttributes).findIndex((entry) => get(entry, 'Key') === key);
  return index === -1 ? ['LoadBalancerAttributes'] : ['LoadBalancerAttributes', index, 'Value'];
}

function cfnListener(listener: IacResource): LoadBalancerListener {
  const p = listener.properties;
  const protocol = str(get(p, 'Protocol'))?.toUpperCase() ?? null;
  return {
    port: num(get(p, 'Port')) ?? null,
    protocol,
    sslPolicy: sslPolicyOf(protocol, get(p, 'SslPolicy')),
    defaultActionRedirectsToHttps: list(get(p, 'DefaultActions')).some(
      (action) =>
        str(get(action, 'Type')) === 'redirect' && str(get(action, 'RedirectConfig', 'Protocol')) === 'HTTPS',
    ),
  };
}

function tfListener(listener: IacResource): LoadBalancerListener {
  const p = listener.properties;
  const protocol = str(get(p, 'protocol'))?.toUpperCase() ?? null;
  return {
    port: num(get(p, 'port')) ?? null,
    protocol,
    sslPolicy: sslPolicyOf(protocol, get(p, 'ssl_policy')),
    defaultActionRedirectsToHttps: blocks(p, 'default_action').some(
      (action) =>
        str(get(action, 'type')) === 'redirect' &&
        str(get(block(action, 'redirect'), 'protocol')) === 'HTTPS',
    ),
  };
}

const FIELDS = [
  'name',
  'type',
  'scheme',
  'listeners',
  'dropInvalidHeaderFields',
  'accessLogsEnabled',
  'deletionProtection',
] as const;

const cfnLoadBalancer: KindMapper<'elbv2.load-balancer'> = {
  kind: 'elbv2.load-balancer',
  format: 'cloudformation',
  types: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const listeners = ctx.attached(resource, ['AWS::ElasticLoadBalancingV2::Listener'], 'LoadBalancerArn');
    const type = (): BalancerType => typeOf(get(p, 'Type'));
    const builder = new AttributeBuilder<'elbv2.load-balancer'>(resource);
    builder
      .set('name', () => nameOf(resource, 'Name'), ['Name'])
      .set('type', type, ['Type'])
      // Scheme: "The default is an Internet-facing load balancer."
      .set('scheme', () => (str(get(p, 'Scheme')) === 'internal' ? 'internal' : 'internet-facing'), [
        'Scheme',
      ])
      .set('listeners', () => listeners.map(cfnListener))
      // The attributes' defaults (DescribeLoadBalancerAttributes): all three are false until set.
      .set(
        'dropInvalidHeaderFields',
        () =>
          type() === 'application'
            ? (attributeOf(p, 'routing.http.drop_invalid_header_fields.enabled') ?? false)
            : null,
        attributePath(p, 'routing.http.drop_invalid_header_fields.enabled'),
      )
      .set(
        'accessLogsEnabled',
        () => (type() === 'gateway' ? null : (attributeOf(p, 'access_logs.s3.enabled') ?? false)),
        attributePath(p, 'access_logs.s3.enabled'),
      )
      .set(
        'deletionProtection',
        () => attributeOf(p, 'deletion_protection.enabled') ?? false,
        attributePath(p, 'deletion_protection.enabled'),
      );
    builder.at('listeners', listeners[0]?.location);
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const tfLoadBalancer: KindMapper<'elbv2.load-balancer'> = {
  kind: 'elbv2.load-balancer',
  format: 'terraform',
  types: ['aws_lb', 'aws_alb'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const listeners = ctx.attached(resource, ['aws_lb_listener', 'aws_alb_listener'], 'load_balancer_arn');
    const type = (): BalancerType => typeOf(get(p, 'load_balancer_type'));
    const builder = new AttributeBuilder<'elbv2.load-balancer'>(resource);
    const logs = (): IacObject | undefined => obj(block(p, 'access_logs'));
    builder
      .set('name', () => nameOf(resource, 'name', 'name_prefix'), ['name'])
      .set('type', type, ['load_balancer_type'])
      // aws_lb internal: "Defaults to false" (internet-facing).
      .set('scheme', () => (bool(get(p, 'internal')) === true ? 'internal' : 'internet-facing'), ['internal'])
      .set('listeners', () => listeners.map(tfListener))
      // aws_lb drop_invalid_header_fields: "Default is false"; application load balancers only.
      .set(
        'dropInvalidHeaderFields',
        () => (type() === 'application' ? (bool(get(p, 'drop_invalid_header_fields')) ?? false) : null),
        ['drop_invalid_header_fields'],
      )
      // aws_lb access_logs.enabled: "Defaults to false, even when bucket is specified."
      .set(
        'accessLogsEnabled',
        () => (type() === 'gateway' ? null : (bool(get(logs(), 'enabled')) ?? false)),
        ['access_logs', 0, 'enabled'],
        ['access_logs'],
      )
      // aws_lb enable_deletion_protection: "Defaults to false."
      .set('deletionProtection', () => bool(get(p, 'enable_deletion_protection')) ?? false, [
        'enable_deletion_protection',
      ]);
    builder.at('listeners', listeners[0]?.location);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cfnLoadBalancer, tfLoadBalancer] as KindMapper[];
