import type { AttributesOf } from '../../../core/kinds/index.js';
import type { MetricFilter } from '../../../core/kinds/monitoring.js';
import type { Resource } from '../../../core/resource.js';
import { ACCOUNT, REGION, resource } from '../../../testing/builders.js';
import type { CheckCase } from '../../../testing/check-tester.js';
import { cloudtrailTrail } from '../../../testing/logging-kinds.js';

/** Test builders for the CIS 4.x chain: trail → log group → metric filter → alarm → SNS topic. */

export const LOG_GROUP = 'aws-cloudtrail-logs-main';
export const LOG_GROUP_ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${LOG_GROUP}:*`;
export const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:security-alerts`;
export const NAMESPACE = 'CISBenchmark';

/** A trail that delivers to the monitored log group: the first link of the chain. */
export function trail(
  overrides: Partial<AttributesOf<'cloudtrail.trail'>> = {},
  region = REGION,
): Resource<'cloudtrail.trail'> {
  return cloudtrailTrail(
    {
      cloudWatchLogsLogGroupArn: LOG_GROUP_ARN,
      latestCloudWatchLogsDeliveryAt: '2026-06-01T11:55:00Z',
      ...overrides,
    },
    region,
  );
}

export function filter(name: string, pattern: string): MetricFilter {
  return { name, pattern, metricName: name, metricNamespace: NAMESPACE };
}

export function logGroup(filters: MetricFilter[], name = LOG_GROUP): Resource<'logs.log-group'> {
  return resource(
    'logs.log-group',
    name,
    { name, retentionInDays: 365, kmsKeyId: null, metricFilters: filters },
    { arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}` },
  );
}

export function alarm(
  metricName: string,
  overrides: Partial<AttributesOf<'cloudwatch.alarm'>> = {},
): Resource<'cloudwatch.alarm'> {
  const name = overrides.name ?? `${metricName}-alarm`;
  return resource(
    'cloudwatch.alarm',
    name,
    {
      name,
      metricName,
      namespace: NAMESPACE,
      alarmActions: [TOPIC_ARN],
      actionsEnabled: true,
      stateValue: 'OK',
      ...overrides,
    },
    { arn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${name}` },
  );
}

export function topic(confirmedSubscriptions = 1, arn = TOPIC_ARN): Resource<'sns.topic'> {
  return resource('sns.topic', arn, {
    arn,
    name: arn.split(':').pop() ?? '',
    kmsMasterKeyId: null,
    policy: null,
    confirmedSubscriptions,
  });
}

/** A complete chain: the trail, its log group with one filter, an alarm on it, and a subscribed topic. */
export function monitored(pattern: string, metricName = 'Monitored'): Resource[] {
  return [trail(), logGroup([filter(metricName, pattern)]), alarm(metricName), topic()];
}

/** Alarms could not be listed in the log group's region. */
export const ALARMS_DENIED = {
  region: REGION,
  kind: 'cloudwatch.alarm',
  field: '*',
  reason: 'access-denied' as const,
  action: 'cloudwatch:DescribeAlarms',
};

/**
 * The cases every CIS 4.x check shares, for the pattern CIS gives: the complete chain passes, an alarm with its
 * actions disabled fails, and alarms that could not be listed leave the check not evaluated.
 */
export function chainCases(
  cisPattern: string,
): Record<'complete' | 'alarmSilent' | 'alarmsNotListed', CheckCase> {
  return {
    complete: {
      name: 'the CIS filter on the trail log group has an alarm notifying a subscribed topic',
      resources: monitored(cisPattern),
      message: /are monitored: filter Monitored → alarm Monitored-alarm/,
    },
    alarmSilent: {
      name: 'the alarm on the CIS filter has its actions disabled',
      resources: [
        trail(),
        logGroup([filter('Monitored', cisPattern)]),
        alarm('Monitored', { actionsEnabled: false }),
        topic(),
      ],
      message: /but alarm Monitored-alarm has its actions disabled/,
    },
    alarmsNotListed: {
      name: 'alarms could not be listed where the log group is',
      resources: monitored(cisPattern),
      regions: [REGION],
      scopeGaps: [ALARMS_DENIED],
      reason: 'access-denied',
    },
  };
}
