import {
  APIGatewayClient,
  GetStagesCommand,
  paginateGetRestApis,
  type MethodSetting,
  type RestApi,
  type Stage,
} from '@aws-sdk/client-api-gateway';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext } from '../collector.js';
import type { AwsCallFailed } from '../errors.js';
import { allPages, conform, unexpected, type Draft, type FilledBy } from './support.js';

/** IAM authorizes every API Gateway read as `apigateway:GET` on the resource path. */
const GET = 'apigateway:GET';

const FILLED_BY: FilledBy<'apigateway.stage'> = {
  apiId: GET,
  apiName: GET,
  stageName: GET,
  accessLogDestination: GET,
  executionLogging: GET,
  cacheClusterEnabled: GET,
  cacheDataEncrypted: GET,
  webAclArn: GET,
  clientCertificateId: GET,
  tracingEnabled: GET,
};

type LoggingLevel = AttributesOf<'apigateway.stage'>['executionLogging'];
const LOGGING_LEVELS: readonly LoggingLevel[] = ['OFF', 'ERROR', 'INFO'];

/** The key of the stage-wide method settings, which every method without its own override inherits. */
const ALL_METHODS = '*/*';
/** An API deleted between the listing and the read. */
const GONE = ['NotFoundException'];
/** The most REST APIs GetRestApis returns per page. */
const PAGE_SIZE = 500;

export const apigatewayCollector: Collector = {
  service: 'apigateway',
  global: false,
  actions: [GET],
  kinds: { 'apigateway.stage': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(APIGatewayClient);
    // A failed listing throws out of collect(): the runner records a gap on apigateway.stage here.
    const apis = await ctx.call(GET, () =>
      allPages(paginateGetRestApis({ client, pageSize: PAGE_SIZE }, {}), (page) => page.items),
    );
    const failures = await Promise.all(apis.map((api) => collectStages(ctx, client, api)));
    // An API whose stages could not be listed hides stages: the kind is not fully seen in this region.
    const failure = failures.find((found) => found !== null);
    if (failure) ctx.kindGap('apigateway.stage', failure);
  },
};

/** Emits the stages of one REST API; the failure if they could not be listed. */
async function collectStages(
  ctx: CollectorContext,
  client: APIGatewayClient,
  api: RestApi,
): Promise<AwsCallFailed | null> {
  const apiId = api.id;
  if (!apiId) return null;
  const listed = await ctx.observe(
    GET,
    async () => (await client.send(new GetStagesCommand({ restApiId: apiId }))).item ?? [],
    GONE,
  );
  if (!listed.ok) return listed.failure;
  for (const stage of listed.value ?? []) emitStage(ctx, api, apiId, stage);
  return null;
}

function emitStage(ctx: CollectorContext, api: RestApi, apiId: string, stage: Stage): void {
  const stageName = stage.stageName;
  if (!stageName) return;
  const settings = stage.methodSettings ?? {};
  const gaps: Gap[] = [];
  const draft: Draft<'apigateway.stage'> = {
    apiId,
    apiName: api.name,
    stageName,
    accessLogDestination: stage.accessLogSettings?.destinationArn ?? null,
    cacheDataEncrypted: cacheEncrypted(settings),
    // API Gateway leaves out the switches that were never turned on.
    cacheClusterEnabled: stage.cacheClusterEnabled ?? false,
    tracingEnabled: stage.tracingEnabled ?? false,
    webAclArn: stage.webAclArn ?? null,
    clientCertificateId: stage.clientCertificateId ?? null,
  };
  const logging = weakestLogging(settings);
  if (logging.ok) draft.executionLogging = logging.level;
  else
    gaps.push(unexpected('executionLogging', GET, `unknown loggingLevel ${JSON.stringify(logging.value)}`));
  // API Gateway ARNs name no account.
  const arn = `arn:${ctx.partition}:apigateway:${ctx.region}::/restapis/${apiId}/stages/${stageName}`;
  ctx.emit({
    kind: 'apigateway.stage',
    id: `${apiId}/${stageName}`,
    arn,
    tags: { ...(stage.tags ?? {}) },
    ...conform('apigateway.stage', draft, gaps, FILLED_BY),
  });
}

/**
 * The weakest execution logging of any method: the stage-wide level (OFF when unset), lowered by any
 * method that overrides it.
 */
function weakestLogging(
  settings: Record<string, MethodSetting>,
): { ok: true; level: LoggingLevel } | { ok: false; value: string } {
  const levels = [
    settings[ALL_METHODS]?.loggingLevel ?? 'OFF',
    ...Object.entries(settings)
      .filter(([path]) => path !== ALL_METHODS)
      .flatMap(([, setting]) => (setting.loggingLevel === undefined ? [] : [setting.loggingLevel])),
  ];
  let weakest: LoggingLevel = 'INFO';
  for (const value of levels) {
    const level = LOGGING_LEVELS.find((known) => known === value.toUpperCase());
    if (!level) return { ok: false, value };
    if (LOGGING_LEVELS.indexOf(level) < LOGGING_LEVELS.indexOf(weakest)) weakest = level;
  }
  return { ok: true, level: weakest };
}

/**
 * Whether what the stage caches is encrypted: the stage-wide setting must encrypt (methods without an override
 * of their own, GET ones among them, cache by it), and so must every method that caches with its own setting.
 */
function cacheEncrypted(settings: Record<string, MethodSetting>): boolean {
  const stageWide = settings[ALL_METHODS]?.cacheDataEncrypted === true;
  return (
    stageWide &&
    Object.entries(settings).every(
      ([path, setting]) =>
        path === ALL_METHODS || setting.cachingEnabled !== true || setting.cacheDataEncrypted !== false,
    )
  );
}
