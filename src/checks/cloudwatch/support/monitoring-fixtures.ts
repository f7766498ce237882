import type { AttributesOf } from '../../../core/kinds/index.js';
import type { MetricFilter } from '../../../core/kinds/monitoring.js';
import type { Resource } from '../../../core/resource.js';
import { ACCOUNT, REGION, resource } from '../../../testing/builders.js';

/** Test builders for the CIS 4.x chain: trail → log group → metric filter → alarm → SNS topic. */

export const LOG_GROUP = 'aws-cloudtrail-logs-main';
export const LOG_GROUP_ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${LOG_GROUP}:*`;
export const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:security-alerts`;
export const NAMESPACE = 'CISBenchmark';

export function trail(
  overrides: Partial<AttributesOf<'cloudtrail.trail'>> = {},
  region = REGION,
): Resource<'cloudtrail.trail'> {
  const name = overrides.name ?? 'main';
  return resource(
    'cloudtrail.trail',
    `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}`,
    {
      name,
      homeRegion: region,
      isMultiRegionTrail: true,
      isOrganizationTrail: false,
      isLogging: true,
      logFileValidationEnabled: true,
      s3BucketName: 'trail-logs',
      kmsKeyId: null,
      managementEvents: { read: true, write: true },
      cloudWatchLogsLogGroupArn: LOG_GROUP_ARN,
      latestCloudWatchLogsDeliveryAt: '2026-06-01T11:55:00Z',
      s3DataEvents: { read: false, write: false },
      ...overrides,
    },
    { region, arn: `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}` },
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
