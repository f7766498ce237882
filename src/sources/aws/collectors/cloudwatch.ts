import { CloudWatchClient, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import { ALARM_STATES } from '../../../core/kinds/monitoring.js';
import type { Collector } from '../collector.js';
import { allPages, missing, oneOf, regionalArn } from './support.js';

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
    const alarms = await ctx.call(ACTION, () =>
      allPages(
        paginateDescribeAlarms({ client }, { AlarmTypes: ['MetricAlarm'], MaxRecords: 100 }),
        (page) => page.MetricAlarms,
      ),
    );
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
      else gaps.push(missing('actionsEnabled', ACTION, 'no ActionsEnabled in the response'));
      const state = alarm.StateValue;
      const stateValue = oneOf(ALARM_STATES, state);
      if (stateValue) attributes.stateValue = stateValue;
      else {
        const detail = state ? `unrecognized state ${state}` : 'no StateValue in the response';
        gaps.push(missing('stateValue', ACTION, detail));
      }
      ctx.emit({
        kind: 'cloudwatch.alarm',
        id: name,
        arn: alarm.AlarmArn ?? regionalArn(ctx, 'cloudwatch', `alarm:${name}`),
        attributes,
        gaps,
      });
    }
  },
};
