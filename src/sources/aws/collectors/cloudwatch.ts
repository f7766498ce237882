import { CloudWatchClient, paginateDescribeAlarms, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import { ALARM_STATES } from '../../../core/kinds/monitoring.js';
import type { Collector } from '../collector.js';

type AlarmAttributes = AttributesOf<'cloudwatch.alarm'>;

const ACTION = 'cloudwatch:DescribeAlarms';

export const cloudwatchCollector: Collector = {
  service: 'cloudwatch',
  global: false,
  actions: [ACTION],
  kinds: {
    'cloudwatch.alarm': ['name', 'metricName', 'namespace', 'alarmActions', 'actionsEnabled', 'stateValue'],
  },
  async collect(ctx) {
    const client = ctx.client(CloudWatchClient);
    // A failed listing throws out of collect(): the runner records a gap on cloudwatch.alarm here.
    const alarms = await ctx.call(ACTION, async () => {
      const found: MetricAlarm[] = [];
      const input = { AlarmTypes: ['MetricAlarm' as const], MaxRecords: 100 };
      for await (const page of paginateDescribeAlarms({ client }, input))
        found.push(...(page.MetricAlarms ?? []));
      return found;
    });
    for (const alarm of alarms) {
      const name = alarm.AlarmName;
      if (!name) continue;
      const gaps: Gap[] = [];
      const attributes: Partial<AlarmAttributes> = {
        name,
        metricName: alarm.MetricName ?? null,
        namespace: alarm.Namespace ?? null,
        // The query protocol leaves empty lists out.
        alarmActions: alarm.AlarmActions ?? [],
      };
      // Whether anyone is notified is never assumed: a missing flag is a gap, not "on".
      if (alarm.ActionsEnabled !== undefined) attributes.actionsEnabled = alarm.ActionsEnabled;
      else gaps.push(unread('actionsEnabled', 'no ActionsEnabled in the response'));
      const state = alarm.StateValue;
      if (state && (ALARM_STATES as readonly string[]).includes(state)) attributes.stateValue = state;
      else
        gaps.push(
          unread('stateValue', state ? `unrecognized state ${state}` : 'no StateValue in the response'),
        );
      ctx.emit({
        kind: 'cloudwatch.alarm',
        id: name,
        arn: alarm.AlarmArn ?? `arn:${ctx.partition}:cloudwatch:${ctx.region}:${ctx.account}:alarm:${name}`,
        attributes,
        gaps,
      });
    }
  },
};

function unread(field: string, detail: string): Gap {
  return { field, reason: 'not-collected', action: ACTION, detail };
}
