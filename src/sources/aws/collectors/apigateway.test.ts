import {
  APIGatewayClient,
  GetRestApisCommand,
  GetStagesCommand,
  type MethodSetting,
  type Stage,
} from '@aws-sdk/client-api-gateway';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import {
  collectedAttributes,
  reloadedAttributes,
  snapshotProblem,
} from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { apigatewayCollector } from './apigateway.js';

const apigateway = mockClient(APIGatewayClient);
const KINDS = Object.keys(apigatewayCollector.kinds);

const stageArn = (api: string, stage: string) =>
  `arn:aws:apigateway:${REGION}::/restapis/${api}/stages/${stage}`;
const LOGS = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/apigateway/orders`;
const WAF = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/orders/0f1e2d3c`;

const ALL: MethodSetting = {
  metricsEnabled: false,
  loggingLevel: 'ERROR',
  dataTraceEnabled: false,
  cachingEnabled: true,
  cacheDataEncrypted: true,
};

/** A stage logged at ERROR, with access logs, an encrypted cache, WAF, tracing and a client certificate. */
function stage(name: string, overrides: Partial<Stage> = {}): Stage {
  return {
    stageName: name,
    deploymentId: 'dep-1',
    accessLogSettings: { destinationArn: LOGS, format: '$context.requestId' },
    methodSettings: { '*/*': ALL },
    cacheClusterEnabled: true,
    webAclArn: WAF,
    clientCertificateId: 'cert-1',
    tracingEnabled: true,
    tags: { team: 'orders' },
    ...overrides,
  };
}

/** One REST API `orders` (api-1) with these stages. */
function account(stages: Stage[]) {
  apigateway.on(GetRestApisCommand).resolves({ items: [{ id: 'api-1', name: 'orders' }] });
  apigateway.on(GetStagesCommand).resolves({ item: stages });
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

describe('apigateway collector', () => {
  beforeEach(() => apigateway.reset());

  it('reports every stage of every REST API across pages, with every attribute of the kind', async () => {
    apigateway
      .on(GetRestApisCommand)
      .resolvesOnce({ items: [{ id: 'api-1', name: 'orders' }], position: 'p2' })
      .resolvesOnce({ items: [{ id: 'api-2', name: 'internal' }] });
    apigateway.on(GetStagesCommand, { restApiId: 'api-1' }).resolves({ item: [stage('prod')] });
    // A stage created with defaults: API Gateway leaves out what was never set.
    apigateway.on(GetStagesCommand, { restApiId: 'api-2' }).resolves({ item: [{ stageName: 'dev' }] });

    const sink = await collectWith(apigatewayCollector);

    expect(byId(sink, 'api-1/prod')).toEqual({
      kind: 'apigateway.stage',
      id: 'api-1/prod',
      arn: stageArn('api-1', 'prod'),
      region: REGION,
      tags: { team: 'orders' },
      attributes: {
        apiId: 'api-1',
        apiName: 'orders',
        stageName: 'prod',
        accessLogDestination: LOGS,
        executionLogging: 'ERROR',
        cacheClusterEnabled: true,
        cacheDataEncrypted: true,
        webAclArn: WAF,
        clientCertificateId: 'cert-1',
        tracingEnabled: true,
      },
      gaps: [],
    });
    expect(byId(sink, 'api-2/dev')?.attributes).toEqual({
      apiId: 'api-2',
      apiName: 'internal',
      stageName: 'dev',
      accessLogDestination: null,
      executionLogging: 'OFF',
      cacheClusterEnabled: false,
      cacheDataEncrypted: false,
      webAclArn: null,
      clientCertificateId: null,
      tracingEnabled: false,
    });
    expect(apigateway.commandCalls(GetRestApisCommand)[1]?.args[0].input.position).toBe('p2');
    expect(sink.gaps).toEqual([]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it.each([
    ['a method that turns logging off', { '*/*': ALL, 'orders/GET': { loggingLevel: 'OFF' } }, 'OFF'],
    [
      'a method that logs more than the stage',
      { '*/*': ALL, 'orders/GET': { loggingLevel: 'INFO' } },
      'ERROR',
    ],
    ['a method with no level of its own', { '*/*': { loggingLevel: 'INFO' }, 'orders/GET': {} }, 'INFO'],
    ['only a method logging, not the stage', { 'orders/GET': { loggingLevel: 'INFO' } }, 'OFF'],
  ] as const)('takes the weakest execution logging: %s', async (_, methodSettings, level) => {
    account([stage('prod', { methodSettings })]);
    const sink = await collectWith(apigatewayCollector);
    expect(sink.resources[0]?.attributes).toMatchObject({ executionLogging: level });
  });

  it.each([
    ['the stage-wide setting does not encrypt', { '*/*': { ...ALL, cacheDataEncrypted: false } }, false],
    ['no stage-wide setting: GET methods cache unencrypted', {}, false],
    [
      'a caching method overrides encryption off',
      { '*/*': ALL, 'orders/GET': { cachingEnabled: true, cacheDataEncrypted: false } },
      false,
    ],
    [
      'a method that does not cache',
      { '*/*': ALL, 'orders/POST': { cachingEnabled: false, cacheDataEncrypted: false } },
      true,
    ],
  ] as const)('reads cache encryption over every method: %s', async (_, methodSettings, encrypted) => {
    account([stage('prod', { methodSettings })]);
    const sink = await collectWith(apigatewayCollector);
    expect(sink.resources[0]?.attributes).toMatchObject({ cacheDataEncrypted: encrypted });
  });

  it('reports a region without REST APIs as no resources and no gap', async () => {
    apigateway.on(GetRestApisCommand).resolves({ items: [] });
    const sink = await collectWith(apigatewayCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied GetRestApis into a gap on the kind, naming the action', async () => {
    apigateway.on(GetRestApisCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(apigatewayCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('apigateway.stage', 'access-denied', 'apigateway:GET')]);
  });

  it('keeps the stages it could list and gaps the kind when the stages of one API were denied', async () => {
    apigateway.on(GetRestApisCommand).resolves({
      items: [
        { id: 'api-1', name: 'orders' },
        { id: 'api-2', name: 'internal' },
        { id: 'api-3', name: 'partners' },
      ],
    });
    apigateway.on(GetStagesCommand).resolves({ item: [stage('prod')] });
    apigateway.on(GetStagesCommand, { restApiId: 'api-2' }).rejects(awsError('AccessDeniedException', 403));
    apigateway
      .on(GetStagesCommand, { restApiId: 'api-3' })
      .rejects(awsError('TooManyRequestsException', 429));

    const sink = await collectWith(apigatewayCollector);

    expect(sink.resources.map((resource) => resource.id)).toEqual(['api-1/prod']);
    expect(sink.gaps).toEqual([kindGap('apigateway.stage', 'access-denied', 'apigateway:GET')]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('leaves out an API deleted between the listing and its stages', async () => {
    account([]);
    apigateway.on(GetStagesCommand).rejects(awsError('NotFoundException', 404));
    const sink = await collectWith(apigatewayCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('gaps a logging level it does not know rather than guessing', async () => {
    account([stage('prod', { methodSettings: { '*/*': { ...ALL, loggingLevel: 'DEBUG' } } })]);
    const sink = await collectWith(apigatewayCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'executionLogging',
        reason: 'collection-error',
        action: 'apigateway:GET',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('declares every action it calls: each read is apigateway:GET', async () => {
    account([stage('prod')]);
    const sink = await collectWith(apigatewayCollector);
    expect(sink.errors).toEqual([]);
    const called = apigateway.calls().map((call) => call.args[0].constructor.name);
    expect(new Set(called)).toEqual(new Set(['GetRestApisCommand', 'GetStagesCommand']));
    expect(apigatewayCollector.actions).toEqual(['apigateway:GET']);
  });
});
