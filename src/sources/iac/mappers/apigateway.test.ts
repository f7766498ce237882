import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './apigateway.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('CloudFormation stages', () => {
  const api = iacResource('AWS::ApiGateway::RestApi', { Name: 'orders' }, { address: 'Api' });

  it('maps a typical stage: API name, access logs, the weakest logging level, cache encryption', () => {
    const stage = iacResource(
      'AWS::ApiGateway::Stage',
      {
        RestApiId: new Reference('Api', null),
        StageName: 'prod',
        AccessLogSetting: { DestinationArn: new Reference('Logs', 'Arn') },
        CacheClusterEnabled: true,
        TracingEnabled: true,
        MethodSettings: [
          { ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'INFO', CacheDataEncrypted: true },
          { ResourcePath: '/~1orders', HttpMethod: 'GET', LoggingLevel: 'ERROR', CachingEnabled: true },
        ],
      },
      { address: 'Prod' },
    );
    const logs = iacResource('AWS::Logs::LogGroup', {}, { address: 'Logs' });
    expect(map(stage, api, logs).attributes).toEqual({
      apiId: 'Api',
      apiName: 'orders',
      stageName: 'prod',
      accessLogDestination: 'Logs',
      executionLogging: 'ERROR',
      cacheClusterEnabled: true,
      cacheDataEncrypted: true,
      webAclArn: null,
      clientCertificateId: null,
      tracingEnabled: true,
    });
  });

  it('defaults: logging off, nothing cached or encrypted', () => {
    const stage = iacResource('AWS::ApiGateway::Stage', {
      RestApiId: new Reference('Api', null),
      StageName: 'dev',
    });
    expect(map(stage, api).attributes).toMatchObject({
      executionLogging: 'OFF',
      cacheClusterEnabled: false,
      cacheDataEncrypted: false,
      accessLogDestination: null,
    });
  });

  it('joins a web ACL association by the stage ARN; one whose resource is unresolved makes webAclArn a gap', () => {
    const stage = iacResource('AWS::ApiGateway::Stage', { RestApiId: 'a1b2c3', StageName: 'prod' });
    const association = iacResource(
      'AWS::WAFv2::WebACLAssociation',
      {
        ResourceArn: 'arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/stages/prod',
        WebACLArn: 'arn:aws:wafv2:acl',
      },
      { address: 'Assoc', line: 30 },
    );
    const joined = map(stage, association);
    expect(joined.attributes.webAclArn).toBe('arn:aws:wafv2:acl');
    expect(joined.locations.webAclArn?.line).toBe(30);
    const unknown = iacResource(
      'AWS::WAFv2::WebACLAssociation',
      { ResourceArn: new Unresolved('Ref to Api'), WebACLArn: 'arn:aws:wafv2:acl' },
      { address: 'Other' },
    );
    expect(map(stage, unknown).gaps).toEqual([
      { field: 'webAclArn', reason: 'unresolved', detail: 'web ACL association Other: Ref to Api' },
    ]);
  });
});

describe('Terraform stages', () => {
  it('joins aws_api_gateway_method_settings and the WAF association', () => {
    const api = iacResource(
      'aws_api_gateway_rest_api',
      { name: 'orders' },
      { address: 'aws_api_gateway_rest_api.orders' },
    );
    const stage = iacResource(
      'aws_api_gateway_stage',
      { rest_api_id: new Reference('aws_api_gateway_rest_api.orders', 'id'), stage_name: 'prod' },
      { address: 'aws_api_gateway_stage.prod' },
    );
    const settings = iacResource(
      'aws_api_gateway_method_settings',
      {
        rest_api_id: new Reference('aws_api_gateway_rest_api.orders', 'id'),
        stage_name: 'prod',
        method_path: '*/*',
        settings: [{ logging_level: 'INFO', cache_data_encrypted: true }],
      },
      { address: 'aws_api_gateway_method_settings.all', line: 40 },
    );
    const waf = iacResource(
      'aws_wafv2_web_acl_association',
      {
        resource_arn: new Reference('aws_api_gateway_stage.prod', 'arn'),
        web_acl_arn: new Reference('aws_wafv2_web_acl.api', 'arn'),
      },
      { address: 'aws_wafv2_web_acl_association.prod' },
    );
    const mapped = map(stage, api, settings, waf);
    expect(mapped.attributes).toMatchObject({
      apiName: 'orders',
      executionLogging: 'INFO',
      cacheDataEncrypted: true,
      webAclArn: 'aws_wafv2_web_acl.api',
    });
    expect(mapped.locations.executionLogging?.line).toBe(40);
  });

  it('an unknown logging level is a gap on executionLogging', () => {
    const stage = iacResource(
      'aws_api_gateway_stage',
      { rest_api_id: 'a1', stage_name: 'prod' },
      { address: 'aws_api_gateway_stage.prod' },
    );
    const settings = iacResource(
      'aws_api_gateway_method_settings',
      {
        rest_api_id: 'a1',
        stage_name: new Reference('aws_api_gateway_stage.prod', 'stage_name'),
        method_path: '*/*',
        settings: [{ logging_level: new Unresolved('var.level') }],
      },
      { address: 'aws_api_gateway_method_settings.all' },
    );
    expect(map(stage, settings).gaps).toEqual([
      { field: 'executionLogging', reason: 'unresolved', detail: 'var.level' },
    ]);
  });
});
