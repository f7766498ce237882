import { CloudWatchClient, DescribeAlarmsCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { cloudwatchCollector } from './cloudwatch.js';

const cloudwatch = mockClient(CloudWatchClient);

const KINDS = Object.keys(cloudwatchCollector.kinds);
const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:security-alerts`;
const arnOf = (name: string) => `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${name}`;
const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

function alarm(name: string, overrides: Partial<MetricAlarm> = {}): MetricAlarm {
  return {
    AlarmName: name,
    AlarmArn: arnOf(name),
    MetricName: 'RootUsage',
    Namespace: 'CIS',
    AlarmActions: [TOPIC],
    ActionsEnabled: true,
    StateValue: 'OK',
    ...overrides,
  };
}

describe('cloudwatch collector', () => {
  beforeEach(() => cloudwatch.reset());

  it('reports every metric alarm across pages, with the metric it watches and whom it notifies', async () => {
    cloudwatch
      .on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [alarm('root-usage')], NextToken: 'page-2' })
      .resolvesOnce({
        MetricAlarms: [
          alarm('muted', { ActionsEnabled: false, AlarmActions: undefined, StateValue: 'ALARM' }),
          // An alarm on a metric math expression names no single metric.
          alarm('math', { MetricName: undefined, Namespace: undefined, StateValue: 'INSUFFICIENT_DATA' }),
        ],
      });

    const sink = await collectWith(cloudwatchCollector);

    expect(sink.resources.map((resource) => resource.id)).toEqual(['root-usage', 'muted', 'math']);
    expect(byId(sink, 'root-usage')).toEqual({
      kind: 'cloudwatch.alarm',
      id: 'root-usage',
      arn: arnOf('root-usage'),
      region: REGION,
      attributes: {
        name: 'root-usage',
        metricName: 'RootUsage',
        namespace: 'CIS',
        alarmActions: [TOPIC],
        actionsEnabled: true,
        stateValue: 'OK',
      },
      gaps: [],
    });
    expect(byId(sink, 'muted')?.attributes).toMatchObject({
      alarmActions: [],
      actionsEnabled: false,
      stateValue: 'ALARM',
    });
    expect(byId(sink, 'math')?.attributes).toMatchObject({ metricName: null, namespace: null });
    const calls = cloudwatch.commandCalls(DescribeAlarmsCommand);
    expect(calls[0]?.args[0].input.AlarmTypes).toEqual(['MetricAlarm']);
    expect(calls[1]?.args[0].input.NextToken).toBe('page-2');
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports a region without alarms as no resources and no gap', async () => {
    cloudwatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [] });
    const sink = await collectWith(cloudwatchCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied DescribeAlarms into a gap on the kind, naming the action', async () => {
    cloudwatch.on(DescribeAlarmsCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(cloudwatchCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('cloudwatch.alarm', 'access-denied', 'cloudwatch:DescribeAlarms')]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('turns a DescribeAlarms throttled for good (on a later page) into a throttled gap, with no partial list', async () => {
    cloudwatch
      .on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [alarm('root-usage')], NextToken: 'page-2' })
      .rejectsOnce(awsError('Throttling', 400));
    const sink = await collectWith(cloudwatchCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'cloudwatch.alarm',
        reason: 'throttled',
        action: 'cloudwatch:DescribeAlarms',
      }),
    ]);
  });

  it('gaps what the response leaves out instead of assuming the alarm notifies or is in a known state', async () => {
    cloudwatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        alarm('odd', { ActionsEnabled: undefined, StateValue: 'SNOOZED' as MetricAlarm['StateValue'] }),
      ],
    });
    const sink = await collectWith(cloudwatchCollector);
    const [odd] = sink.resources;
    expect(odd?.attributes).not.toHaveProperty('actionsEnabled');
    expect(odd?.attributes).not.toHaveProperty('stateValue');
    expect(odd?.gaps).toEqual([
      expect.objectContaining({ field: 'actionsEnabled', reason: 'not-collected' }),
      expect.objectContaining({
        field: 'stateValue',
        reason: 'not-collected',
        detail: 'unrecognized state SNOOZED',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });
});
