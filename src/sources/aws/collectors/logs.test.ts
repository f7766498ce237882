import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeMetricFiltersCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { logsCollector } from './logs.js';

const logs = mockClient(CloudWatchLogsClient);

const KINDS = Object.keys(logsCollector.kinds);
const arnOf = (name: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`;
const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

const ROOT_USAGE = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS }';

/** Two groups (one of them the CloudTrail group, with a filter) on one page each. */
function region() {
  logs.on(DescribeLogGroupsCommand).resolves({
    logGroups: [
      { logGroupName: 'trail', logGroupArn: arnOf('trail'), arn: `${arnOf('trail')}:*` },
      { logGroupName: 'app', logGroupArn: arnOf('app'), retentionInDays: 30 },
    ],
  });
  logs.on(DescribeMetricFiltersCommand).resolves({
    metricFilters: [
      {
        filterName: 'root-usage',
        filterPattern: ROOT_USAGE,
        logGroupName: 'trail',
        metricTransformations: [{ metricName: 'RootUsage', metricNamespace: 'CIS', metricValue: '1' }],
      },
    ],
  });
}

describe('logs collector', () => {
  beforeEach(() => logs.reset());

  it('reports every log group across pages with its retention, key and metric filters from every page', async () => {
    logs
      .on(DescribeLogGroupsCommand)
      .resolvesOnce({
        logGroups: [{ logGroupName: 'trail', arn: `${arnOf('trail')}:*`, kmsKeyId: 'arn:aws:kms:k' }],
        nextToken: 'groups-2',
      })
      .resolvesOnce({
        logGroups: [{ logGroupName: 'app', logGroupArn: arnOf('app'), retentionInDays: 365 }],
      });
    logs
      .on(DescribeMetricFiltersCommand)
      .resolvesOnce({
        metricFilters: [
          {
            filterName: 'root-usage',
            filterPattern: ROOT_USAGE,
            logGroupName: 'trail',
            metricTransformations: [{ metricName: 'RootUsage', metricNamespace: 'CIS', metricValue: '1' }],
          },
        ],
        nextToken: 'filters-2',
      })
      .resolvesOnce({
        metricFilters: [
          {
            filterName: 'all-events',
            filterPattern: '',
            logGroupName: 'trail',
            metricTransformations: [{ metricName: 'Events', metricNamespace: 'App', metricValue: '1' }],
          },
          // A group that no longer exists: its filter has nowhere to go and is simply not reported.
          {
            filterName: 'orphan',
            filterPattern: 'ERROR',
            logGroupName: 'deleted',
            metricTransformations: [{ metricName: 'Errors', metricNamespace: 'App', metricValue: '1' }],
          },
        ],
      });

    const sink = await collectWith(logsCollector);

    expect(sink.resources.map((resource) => resource.id)).toEqual(['trail', 'app']);
    expect(byId(sink, 'trail')).toEqual({
      kind: 'logs.log-group',
      id: 'trail',
      arn: arnOf('trail'),
      region: REGION,
      attributes: {
        name: 'trail',
        retentionInDays: null,
        kmsKeyId: 'arn:aws:kms:k',
        metricFilters: [
          { name: 'root-usage', pattern: ROOT_USAGE, metricName: 'RootUsage', metricNamespace: 'CIS' },
          { name: 'all-events', pattern: '', metricName: 'Events', metricNamespace: 'App' },
        ],
      },
      gaps: [],
    });
    expect(byId(sink, 'app')?.attributes).toEqual({
      name: 'app',
      retentionInDays: 365,
      kmsKeyId: null,
      metricFilters: [],
    });
    expect(logs.commandCalls(DescribeLogGroupsCommand)[1]?.args[0].input.nextToken).toBe('groups-2');
    expect(logs.commandCalls(DescribeMetricFiltersCommand)[1]?.args[0].input.nextToken).toBe('filters-2');
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports a region without log groups as no resources and no gap', async () => {
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
    logs.on(DescribeMetricFiltersCommand).resolves({ metricFilters: [] });
    const sink = await collectWith(logsCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied DescribeLogGroups into a gap on the kind, naming the action', async () => {
    region();
    logs.on(DescribeLogGroupsCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(logsCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('logs.log-group', 'access-denied', 'logs:DescribeLogGroups')]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps every log group when DescribeMetricFilters is denied, with a gap on metricFilters, not "none"', async () => {
    region();
    logs.on(DescribeMetricFiltersCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(logsCollector);
    expect(sink.resources).toHaveLength(2);
    for (const group of sink.resources) {
      expect(group.attributes).not.toHaveProperty('metricFilters');
      expect(group.gaps).toEqual([
        expect.objectContaining({
          field: 'metricFilters',
          reason: 'access-denied',
          action: 'logs:DescribeMetricFilters',
        }),
      ]);
    }
    expect(byId(sink, 'app')?.attributes).toMatchObject({ retentionInDays: 30 });
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps metricFilters as throttled on every group when DescribeMetricFilters is throttled for good', async () => {
    region();
    logs.on(DescribeMetricFiltersCommand).rejects(awsError('ThrottlingException', 400));
    const sink = await collectWith(logsCollector);
    expect(sink.resources.map((group) => group.gaps)).toEqual([
      [expect.objectContaining({ field: 'metricFilters', reason: 'throttled' })],
      [expect.objectContaining({ field: 'metricFilters', reason: 'throttled' })],
    ]);
  });

  it('leaves out a filter that publishes no metric: it cannot feed an alarm', async () => {
    region();
    logs.on(DescribeMetricFiltersCommand).resolves({
      metricFilters: [{ filterName: 'no-metric', filterPattern: 'x', logGroupName: 'trail' }],
    });
    const sink = await collectWith(logsCollector);
    expect(byId(sink, 'trail')?.attributes.metricFilters).toEqual([]);
  });
});
