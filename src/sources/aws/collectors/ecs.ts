import {
  DescribeClustersCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  paginateListClusters,
  paginateListTaskDefinitionFamilies,
  type Cluster,
  type ContainerDefinition,
  type Failure,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import type { Gap } from '../../../core/gap.js';
import type { EcsContainer } from '../../../core/kinds/compute.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext } from '../collector.js';
import { AwsCallFailed } from '../errors.js';
import { allPages, incompleteResponse, listOrGap, pairsToRecord, present, unexpected } from './support.js';

type ClusterAttributes = AttributesOf<'ecs.cluster'>;
type TaskDefinitionAttributes = AttributesOf<'ecs.task-definition'>;

/** DescribeClusters takes at most 100 clusters a call. */
const DESCRIBE_BATCH = 100;
const DESCRIBE_CLUSTERS = 'ecs:DescribeClusters';
const DESCRIBE_TASK_DEFINITION = 'ecs:DescribeTaskDefinition';

const CLUSTER_FIELDS = ['containerInsights', 'status'] as const;
const TASK_DEFINITION_FIELDS = ['arn', 'revision', 'networkMode', 'pidMode', 'containers'] as const;

export const ecsCollector: Collector = {
  service: 'ecs',
  global: false,
  actions: [
    'ecs:ListClusters',
    DESCRIBE_CLUSTERS,
    'ecs:ListTaskDefinitionFamilies',
    DESCRIBE_TASK_DEFINITION,
  ],
  kinds: {
    'ecs.cluster': ['name', ...CLUSTER_FIELDS],
    'ecs.task-definition': ['family', ...TASK_DEFINITION_FIELDS],
  },
  async collect(ctx) {
    const client = ctx.client(ECSClient);
    // Each kind stands alone: denied cluster listing leaves the task definitions observed, and the reverse.
    await Promise.all([collectClusters(ctx, client), collectTaskDefinitions(ctx, client)]);
  },
};

async function collectClusters(ctx: CollectorContext, client: ECSClient): Promise<void> {
  const arns = await listOrGap(ctx, 'ecs.cluster', 'ecs:ListClusters', () =>
    allPages(paginateListClusters({ client }, {}), (page) => page.clusterArns),
  );
  const listed = arns ?? [];
  const batches: string[][] = [];
  for (let start = 0; start < listed.length; start += DESCRIBE_BATCH) {
    batches.push(listed.slice(start, start + DESCRIBE_BATCH));
  }
  await Promise.all(
    batches.map(async (batch) => {
      const described = await ctx.observe(DESCRIBE_CLUSTERS, () =>
        client.send(new DescribeClustersCommand({ clusters: batch, include: ['SETTINGS', 'TAGS'] })),
      );
      const clusters = new Map<string, Cluster>();
      const failures = new Map<string, Failure>();
      if (described.ok) {
        for (const cluster of described.value?.clusters ?? [])
          if (cluster.clusterArn) clusters.set(cluster.clusterArn, cluster);
        for (const failure of described.value?.failures ?? [])
          if (failure.arn) failures.set(failure.arn, failure);
      }
      for (const arn of batch) {
        const failure = failures.get(arn);
        // MISSING: deleted since it was listed. It no longer exists, so there is nothing to report.
        if (failure?.reason === 'MISSING') continue;
        const cluster = clusters.get(arn);
        if (cluster) emitCluster(ctx, arn, cluster);
        else if (!described.ok) emitCluster(ctx, arn, described.failure);
        else {
          const detail = `${arn}: ${failure?.reason ?? 'not in the response'}`;
          emitCluster(
            ctx,
            arn,
            new AwsCallFailed(DESCRIBE_CLUSTERS, 'collection-error', 'DescribeFailure', detail),
          );
        }
      }
    }),
  );
}

/** A cluster as described, or with a gap on every field DescribeClusters fills. */
function emitCluster(ctx: CollectorContext, arn: string, described: Cluster | AwsCallFailed): void {
  const cluster = described instanceof AwsCallFailed ? undefined : described;
  const name = cluster?.clusterName ?? arn.slice(arn.lastIndexOf('/') + 1);
  const attributes: Partial<ClusterAttributes> = { name };
  const gaps: Gap[] = [];
  if (described instanceof AwsCallFailed) gaps.push(...CLUSTER_FIELDS.map((field) => described.gap(field)));
  else {
    const insights = described.settings?.find((setting) => setting.name === 'containerInsights')?.value;
    present(
      attributes,
      gaps,
      DESCRIBE_CLUSTERS,
      'containerInsights',
      insights as ClusterAttributes['containerInsights'] | undefined,
      ['enabled', 'disabled', 'enhanced'],
    );
    present(
      attributes,
      gaps,
      DESCRIBE_CLUSTERS,
      'status',
      described.status as ClusterAttributes['status'] | undefined,
      ['ACTIVE', 'PROVISIONING', 'DEPROVISIONING', 'FAILED', 'INACTIVE'],
    );
  }
  ctx.emit({
    kind: 'ecs.cluster',
    id: name,
    arn,
    tags: pairsToRecord(
      cluster?.tags,
      (tag) => tag.key,
      (tag) => tag.value,
    ),
    attributes,
    gaps,
  });
}

async function collectTaskDefinitions(ctx: CollectorContext, client: ECSClient): Promise<void> {
  const families = await listOrGap(ctx, 'ecs.task-definition', 'ecs:ListTaskDefinitionFamilies', () =>
    allPages(paginateListTaskDefinitionFamilies({ client }, { status: 'ACTIVE' }), (page) => page.families),
  );
  await Promise.all(
    (families ?? []).map(async (family) => {
      // The family alone names its latest ACTIVE revision.
      const described = await ctx.observe(DESCRIBE_TASK_DEFINITION, () =>
        client.send(new DescribeTaskDefinitionCommand({ taskDefinition: family, include: ['TAGS'] })),
      );
      const definition = described.ok ? described.value?.taskDefinition : undefined;
      const attributes: Partial<TaskDefinitionAttributes> = { family };
      const gaps: Gap[] = [];
      if (!definition) {
        const failure = described.ok
          ? incompleteResponse(DESCRIBE_TASK_DEFINITION, 'no taskDefinition')
          : described.failure;
        gaps.push(...TASK_DEFINITION_FIELDS.map((field) => failure.gap(field)));
      } else fillTaskDefinition(attributes, gaps, definition);
      ctx.emit({
        kind: 'ecs.task-definition',
        id: family,
        arn: attributes.arn ?? null,
        tags: pairsToRecord(
          described.ok ? described.value?.tags : undefined,
          (tag) => tag.key,
          (tag) => tag.value,
        ),
        attributes,
        gaps,
      });
    }),
  );
}

function fillTaskDefinition(
  attributes: Partial<TaskDefinitionAttributes>,
  gaps: Gap[],
  definition: TaskDefinition,
): void {
  const action = DESCRIBE_TASK_DEFINITION;
  present(attributes, gaps, action, 'arn', definition.taskDefinitionArn);
  present(attributes, gaps, action, 'revision', definition.revision);
  present(attributes, gaps, action, 'networkMode', definition.networkMode ?? null, [
    'awsvpc',
    'bridge',
    'host',
    'none',
    null,
  ]);
  present(attributes, gaps, action, 'pidMode', definition.pidMode ?? null, ['host', 'task', null]);
  const containers = (definition.containerDefinitions ?? []).map(containerOf);
  // Every container has a name and an image; one without is a response the kind cannot hold faithfully.
  if (containers.every((container) => container !== undefined)) attributes.containers = containers;
  else gaps.push(unexpected('containers', action, 'a container definition without name or image'));
}

function containerOf(container: ContainerDefinition): EcsContainer | undefined {
  const { name, image } = container;
  if (!name || !image) return undefined;
  return {
    name,
    image,
    privileged: container.privileged === true,
    readonlyRootFilesystem: container.readonlyRootFilesystem === true,
    user: container.user ?? null,
    environment: pairsToRecord(
      container.environment,
      (variable) => variable.name,
      (variable) => variable.value,
    ),
    secretsFromParameters: (container.secrets ?? []).flatMap((secret) => (secret.name ? [secret.name] : [])),
    logDriver: container.logConfiguration?.logDriver ?? null,
  };
}
