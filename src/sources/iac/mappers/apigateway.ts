import type { AttributesOf } from '../../../core/kinds/index.js';
import { Unresolved, type IacResource, type IacValue } from '../types.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  block,
  bool,
  get,
  list,
  str,
  tagsOf,
  type KindMapper,
  type MapContext,
} from './mapper.js';
import { idOf, nameOf } from './resource-ids.js';

type LoggingLevel = AttributesOf<'apigateway.stage'>['executionLogging'];
const LEVELS: readonly LoggingLevel[] = ['OFF', 'ERROR', 'INFO'];

// One method setting: stage-wide (method path "*/*"; in CloudFormation ResourcePath "/*" and HttpMethod "*"),
// or a method's override.
interface MethodSetting {
  stageWide: boolean;
  loggingLevel: IacValue | undefined;
  cachingEnabled: IacValue | undefined;
  cacheDataEncrypted: IacValue | undefined;
}

/**
 * As the live collector reads them: the stage-wide level (OFF when unset, API Gateway's default), lowered by any
 * method that sets its own.
 */
function weakestLogging(settings: readonly MethodSetting[]): LoggingLevel {
  const stageWide = settings.find((setting) => setting.stageWide);
  const levels = [
    str(stageWide?.loggingLevel) ?? 'OFF',
    ...settings.filter((setting) => !setting.stageWide).flatMap((setting) => one(str(setting.loggingLevel))),
  ];
  let weakest: LoggingLevel = 'INFO';
  for (const value of levels) {
    const level = LEVELS.find((known) => known === value.toUpperCase());
    if (!level) throw new UnresolvedValue(`logging level ${value} is not one API Gateway knows`);
    if (LEVELS.indexOf(level) < LEVELS.indexOf(weakest)) weakest = level;
  }
  return weakest;
}

const one = (value: string | undefined): string[] => (value === undefined ? [] : [value]);

/** The stage-wide setting must encrypt (CacheDataEncrypted defaults to false), and every caching override too. */
function cacheEncrypted(settings: readonly MethodSetting[]): boolean {
  const stageWide = settings.find((setting) => setting.stageWide);
  return (
    bool(stageWide?.cacheDataEncrypted) === true &&
    settings.every(
      (setting) =>
        setting.stageWide ||
        bool(setting.cachingEnabled) !== true ||
        bool(setting.cacheDataEncrypted) !== false,
    )
  );
}

/**
 * The web ACL associated with the stage: an association whose resource is this stage. An association whose
 * resource cannot be resolved might be this one, so the answer is unknown rather than "none".
 */
function webAclOf(
  stage: IacResource,
  ctx: MapContext,
  types: { association: string; resource: string; acl: string },
  apiId: () => string,
  stageName: () => string,
): { arn: string | null; at: IacResource | undefined } {
  let unknown: string | undefined;
  for (const association of ctx.resources.filter((candidate) => candidate.type === types.association)) {
    const target = get(association.properties, types.resource);
    const arn = typeof target === 'string' ? target : undefined;
    const names =
      ctx.designates(target, stage) ||
      (arn !== undefined && arn.endsWith(`/restapis/${apiId()}/stages/${stageName()}`));
    if (names) return { arn: idOf(get(association.properties, types.acl), ctx) ?? null, at: association };
    if (target instanceof Unresolved) unknown ??= `${association.address}: ${target.detail}`;
  }
  if (unknown !== undefined) throw new UnresolvedValue(`web ACL association ${unknown}`);
  return { arn: null, at: undefined };
}

const FIELDS = [
  'apiId',
  'apiName',
  'stageName',
  'accessLogDestination',
  'executionLogging',
  'cacheClusterEnabled',
  'cacheDataEncrypted',
  'webAclArn',
  'clientCertificateId',
  'tracingEnabled',
] as const;

const cfnStage: KindMapper<'apigateway.stage'> = {
  kind: 'apigateway.stage',
  format: 'cloudformation',
  types: ['AWS::ApiGateway::Stage'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const apiId = () => idOf(get(p, 'RestApiId'), ctx) ?? resource.address;
    const stageName = () => nameOf(resource, 'StageName');
    const settings = (): MethodSetting[] =>
      list(get(p, 'MethodSettings')).map((setting) => ({
        stageWide: str(get(setting, 'ResourcePath')) === '/*' && str(get(setting, 'HttpMethod')) === '*',
        loggingLevel: get(setting, 'LoggingLevel'),
        cachingEnabled: get(setting, 'CachingEnabled'),
        cacheDataEncrypted: get(setting, 'CacheDataEncrypted'),
      }));
    const waf = () =>
      webAclOf(
        resource,
        ctx,
        { association: 'AWS::WAFv2::WebACLAssociation', resource: 'ResourceArn', acl: 'WebACLArn' },
        apiId,
        stageName,
      );
    const builder = new AttributeBuilder<'apigateway.stage'>(resource);
    builder
      .set('apiId', apiId, ['RestApiId'])
      .set(
        'apiName',
        () => {
          const api = ctx.target(get(p, 'RestApiId'));
          return api ? nameOf(api, 'Name') : apiId();
        },
        ['RestApiId'],
      )
      .set('stageName', stageName, ['StageName'])
      .set(
        'accessLogDestination',
        () => idOf(get(p, 'AccessLogSetting', 'DestinationArn'), ctx) ?? null,
        ['AccessLogSetting', 'DestinationArn'],
        ['AccessLogSetting'],
      )
      .set('executionLogging', () => weakestLogging(settings()), ['MethodSettings'])
      // CacheClusterEnabled, TracingEnabled: off unless set.
      .set('cacheClusterEnabled', () => bool(get(p, 'CacheClusterEnabled')) ?? false, ['CacheClusterEnabled'])
      .set('cacheDataEncrypted', () => cacheEncrypted(settings()), ['MethodSettings'])
      .set('webAclArn', () => waf().arn)
      .set('clientCertificateId', () => idOf(get(p, 'ClientCertificateId'), ctx) ?? null, [
        'ClientCertificateId',
      ])
      .set('tracingEnabled', () => bool(get(p, 'TracingEnabled')) ?? false, ['TracingEnabled']);
    try {
      builder.at('webAclArn', waf().at?.location);
    } catch {
      // Already a gap.
    }
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const tfStage: KindMapper<'apigateway.stage'> = {
  kind: 'apigateway.stage',
  format: 'terraform',
  types: ['aws_api_gateway_stage'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const apiId = () => idOf(get(p, 'rest_api_id'), ctx) ?? resource.address;
    const stageName = () => nameOf(resource, 'stage_name');
    const methodSettings = ctx.resources.filter((candidate) => {
      if (candidate.type !== 'aws_api_gateway_method_settings') return false;
      const stage = get(candidate.properties, 'stage_name');
      if (ctx.designates(stage, resource)) return true;
      return (
        typeof stage === 'string' &&
        stage === get(p, 'stage_name') &&
        ctx.target(get(candidate.properties, 'rest_api_id')) === ctx.target(get(p, 'rest_api_id')) &&
        ctx.target(get(p, 'rest_api_id')) !== undefined
      );
    });
    const settings = (): MethodSetting[] =>
      methodSettings.map((setting) => {
        const values = block(setting.properties, 'settings');
        return {
          stageWide: str(get(setting.properties, 'method_path')) === '*/*',
          loggingLevel: get(values, 'logging_level'),
          cachingEnabled: get(values, 'caching_enabled'),
          cacheDataEncrypted: get(values, 'cache_data_encrypted'),
        };
      });
    const waf = () =>
      webAclOf(
        resource,
        ctx,
        { association: 'aws_wafv2_web_acl_association', resource: 'resource_arn', acl: 'web_acl_arn' },
        apiId,
        stageName,
      );
    const builder = new AttributeBuilder<'apigateway.stage'>(resource);
    builder
      .set('apiId', apiId, ['rest_api_id'])
      .set(
        'apiName',
        () => {
          const api = ctx.target(get(p, 'rest_api_id'));
          return api ? nameOf(api, 'name') : apiId();
        },
        ['rest_api_id'],
      )
      .set('stageName', stageName, ['stage_name'])
      .set(
        'accessLogDestination',
        () => idOf(get(block(p, 'access_log_settings'), 'destination_arn'), ctx) ?? null,
        ['access_log_settings', 0, 'destination_arn'],
        ['access_log_settings'],
      )
      .set('executionLogging', () => weakestLogging(settings()))
      .set('cacheClusterEnabled', () => bool(get(p, 'cache_cluster_enabled')) ?? false, [
        'cache_cluster_enabled',
      ])
      .set('cacheDataEncrypted', () => cacheEncrypted(settings()))
      .set('webAclArn', () => waf().arn)
      .set('clientCertificateId', () => idOf(get(p, 'client_certificate_id'), ctx) ?? null, [
        'client_certificate_id',
      ])
      .set('tracingEnabled', () => bool(get(p, 'xray_tracing_enabled')) ?? false, ['xray_tracing_enabled']);
    builder.at('executionLogging', methodSettings[0]?.location);
    builder.at('cacheDataEncrypted', methodSettings[0]?.location);
    try {
      builder.at('webAclArn', waf().at?.location);
    } catch {
      // Already a gap.
    }
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cfnStage, tfStage] as KindMapper[];
