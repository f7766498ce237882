import {
  DescribeClustersCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListClustersCommand,
  ListTaskDefinitionFamiliesCommand,
  type Cluster,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { collectedAttributes, reloadedAttributes } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { ecsCollector } from './ecs.js';

const ecs = mockClient(ECSClient);
const KINDS = Object.keys(ecsCollector.kinds);

const clusterArn = (name: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${name}`;
const taskDefinitionArn = (family: string, revision: number) =>
  `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`;

function cluster(name: string, insights = 'enabled'): Cluster {
  return {
    clusterArn: clusterArn(name),
    clusterName: name,
    status: 'ACTIVE',
    settings: [{ name: 'containerInsights', value: insights }],
    tags: [{ key: 'team', value: 'platform' }],
  };
}

function taskDefinition(family: string, overrides: Partial<TaskDefinition> = {}): TaskDefinition {
  return {
    taskDefinitionArn: taskDefinitionArn(family, 3),
    family,
    revision: 3,
    status: 'ACTIVE',
    networkMode: 'awsvpc',
    containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }],
    ...overrides,
  };
}

/** Clusters (one page) described as given; task definition families (one page) described as given. */
function account(clusters: Cluster[], definitions: TaskDefinition[]) {
  ecs.on(ListClustersCommand).resolves({ clusterArns: clusters.map((c) => c.clusterArn ?? '') });
  ecs.on(DescribeClustersCommand).callsFake((input: { clusters?: string[] }) => ({
    clusters: clusters.filter((c) => input.clusters?.includes(c.clusterArn ?? '')),
    failures: [],
  }));
  ecs.on(ListTaskDefinitionFamiliesCommand).resolves({ families: definitions.map((d) => d.family ?? '') });
  for (const definition of definitions) {
    ecs
      .on(DescribeTaskDefinitionCommand, { taskDefinition: definition.family })
      .resolves({ taskDefinition: definition, tags: [] });
  }
}

const find = (sink: CollectionSink, kind: string, id: string) =>
  sink.resources.find((resource) => resource.kind === kind && resource.id === id);

describe('ecs collector', () => {
  beforeEach(() => ecs.reset());

  it('reports clusters across ListClusters pages with their Container Insights setting', async () => {
    account([cluster('prod'), cluster('dev', 'disabled')], []);
    ecs
      .on(ListClustersCommand)
      .resolvesOnce({ clusterArns: [clusterArn('prod')], nextToken: 'page-2' })
      .resolvesOnce({ clusterArns: [clusterArn('dev')] });
    const sink = await collectWith(ecsCollector);

    expect(ecs.commandCalls(ListClustersCommand)).toHaveLength(2);
    expect(find(sink, 'ecs.cluster', 'prod')).toEqual({
      kind: 'ecs.cluster',
      id: 'prod',
      arn: clusterArn('prod'),
      region: REGION,
      tags: { team: 'platform' },
      attributes: { name: 'prod', containerInsights: 'enabled', status: 'ACTIVE' },
      gaps: [],
    });
    expect(find(sink, 'ecs.cluster', 'dev')?.attributes).toMatchObject({ containerInsights: 'disabled' });
    // Settings are only in DescribeClusters' answer when asked for.
    expect(ecs.commandCalls(DescribeClustersCommand)[0]?.args[0].input.include).toContain('SETTINGS');
    expect(sink.gaps).toEqual([]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('describes clusters 100 at a time', async () => {
    const many = Array.from({ length: 150 }, (_, index) => cluster(`c${index}`));
    account(many, []);
    const sink = await collectWith(ecsCollector);
    expect(
      ecs.commandCalls(DescribeClustersCommand).map((call) => call.args[0].input.clusters?.length),
    ).toEqual([100, 50]);
    expect(sink.resources).toHaveLength(150);
    expect(sink.resources.every((resource) => resource.gaps?.length === 0)).toBe(true);
  });

  it("reports each family's latest ACTIVE revision across pages, with its containers", async () => {
    const api = taskDefinition('api', {
      networkMode: 'host',
      pidMode: 'host',
      containerDefinitions: [
        {
          name: 'app',
          image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/api:1.4.2`,
          privileged: true,
          readonlyRootFilesystem: true,
          user: '1000:1000',
          environment: [
            { name: 'STAGE', value: 'prod' },
            { name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
          ],
          secrets: [
            { name: 'DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db` },
          ],
          logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/api' } },
        },
      ],
    });
    account([], [api, taskDefinition('batch', { networkMode: undefined })]);
    ecs
      .on(ListTaskDefinitionFamiliesCommand)
      .resolvesOnce({ families: ['api'], nextToken: 'page-2' })
      .resolvesOnce({ families: ['batch'] });
    ecs
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'api' })
      .resolves({ taskDefinition: api, tags: [{ key: 'service', value: 'api' }] });
    const sink = await collectWith(ecsCollector);

    // Only families with an ACTIVE revision are listed, and the family alone names the latest of them.
    expect(ecs.commandCalls(ListTaskDefinitionFamiliesCommand)[0]?.args[0].input.status).toBe('ACTIVE');
    expect(
      ecs.commandCalls(DescribeTaskDefinitionCommand).map((call) => call.args[0].input.taskDefinition),
    ).toEqual(['api', 'batch']);
    expect(find(sink, 'ecs.task-definition', 'api')).toEqual({
      kind: 'ecs.task-definition',
      id: 'api',
      arn: taskDefinitionArn('api', 3),
      region: REGION,
      tags: { service: 'api' },
      attributes: {
        arn: taskDefinitionArn('api', 3),
        family: 'api',
        revision: 3,
        networkMode: 'host',
        pidMode: 'host',
        containers: [
          {
            name: 'app',
            image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/api:1.4.2`,
            privileged: true,
            readonlyRootFilesystem: true,
            user: '1000:1000',
            environment: {
              STAGE: 'prod',
              AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
            },
            secretsFromParameters: ['DB_PASSWORD'],
            logDriver: 'awslogs',
          },
        ],
      },
      gaps: [],
    });
    // Unset settings are observed as such: null, false, {} and [], never gaps.
    expect(find(sink, 'ecs.task-definition', 'batch')).toMatchObject({
      attributes: {
        networkMode: null,
        pidMode: null,
        containers: [
          {
            privileged: false,
            readonlyRootFilesystem: false,
            user: null,
            environment: {},
            secretsFromParameters: [],
            logDriver: null,
          },
        ],
      },
      gaps: [],
    });
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('reports a region without clusters or task definitions as no resources and no gap', async () => {
    account([], []);
    const sink = await collectWith(ecsCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
    expect(ecs.commandCalls(DescribeClustersCommand)).toHaveLength(0);
  });

  it('turns a denied ListClusters into a gap on ecs.cluster only; task definitions are still read', async () => {
    account([], [taskDefinition('api')]);
    ecs.on(ListClustersCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(ecsCollector);
    expect(sink.gaps).toEqual([kindGap('ecs.cluster', 'access-denied', 'ecs:ListClusters')]);
    expect(sink.resources.map((resource) => `${resource.kind}/${resource.id}`)).toEqual([
      'ecs.task-definition/api',
    ]);
  });

  it('turns a denied ListTaskDefinitionFamilies into a gap on ecs.task-definition only', async () => {
    account([cluster('prod')], []);
    ecs.on(ListTaskDefinitionFamiliesCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(ecsCollector);
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'ecs.task-definition',
        field: '*',
        reason: 'access-denied',
        action: 'ecs:ListTaskDefinitionFamilies',
      }),
    ]);
    expect(sink.resources.map((resource) => `${resource.kind}/${resource.id}`)).toEqual(['ecs.cluster/prod']);
  });

  it('keeps clusters whose DescribeClusters was denied, with gaps on the fields it fills', async () => {
    account([cluster('prod')], []);
    ecs.on(DescribeClustersCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(ecsCollector);
    const [prod] = sink.resources;
    expect(prod).toMatchObject({ id: 'prod', arn: clusterArn('prod'), attributes: { name: 'prod' } });
    expect(prod?.gaps).toEqual([
      expect.objectContaining({
        field: 'containerInsights',
        reason: 'access-denied',
        action: 'ecs:DescribeClusters',
      }),
      expect.objectContaining({ field: 'status', reason: 'access-denied', action: 'ecs:DescribeClusters' }),
    ]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('keeps a family whose DescribeTaskDefinition was denied, with gaps on the fields it fills', async () => {
    account([], [taskDefinition('api')]);
    ecs.on(DescribeTaskDefinitionCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(ecsCollector);
    const [api] = sink.resources;
    expect(api?.attributes).toEqual({ family: 'api' });
    expect(api?.gaps?.map((gap) => [gap.field, gap.reason, gap.action])).toEqual(
      ['arn', 'revision', 'networkMode', 'pidMode', 'containers'].map((field) => [
        field,
        'access-denied',
        'ecs:DescribeTaskDefinition',
      ]),
    );
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('gaps a task definition as throttled when DescribeTaskDefinition is throttled for good', async () => {
    account([], [taskDefinition('api')]);
    ecs.on(DescribeTaskDefinitionCommand).rejects(awsError('ThrottlingException', 400));
    const sink = await collectWith(ecsCollector);
    expect(sink.resources[0]?.gaps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'containers',
          reason: 'throttled',
          action: 'ecs:DescribeTaskDefinition',
        }),
      ]),
    );
    expect(sink.resources[0]?.attributes).not.toHaveProperty('containers');
  });

  it('leaves out a cluster deleted between listing and describing, and gaps one ECS could not describe', async () => {
    account([cluster('prod')], []);
    ecs
      .on(ListClustersCommand)
      .resolves({ clusterArns: [clusterArn('prod'), clusterArn('gone'), clusterArn('odd')] });
    ecs.on(DescribeClustersCommand).resolves({
      clusters: [cluster('prod')],
      failures: [
        { arn: clusterArn('gone'), reason: 'MISSING' },
        { arn: clusterArn('odd'), reason: 'INTERNAL_ERROR' },
      ],
    });
    const sink = await collectWith(ecsCollector);
    expect(sink.resources.map((resource) => resource.id).sort()).toEqual(['odd', 'prod']);
    expect(find(sink, 'ecs.cluster', 'odd')?.gaps).toEqual([
      expect.objectContaining({ field: 'containerInsights', reason: 'collection-error' }),
      expect.objectContaining({ field: 'status', reason: 'collection-error' }),
    ]);
  });

  it('gaps a Container Insights value onus does not know instead of failing the snapshot', async () => {
    account([cluster('prod', 'super-enhanced')], []);
    const sink = await collectWith(ecsCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'containerInsights', reason: 'collection-error' }),
    ]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });
});
