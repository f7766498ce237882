import {
  CloudWatchLogsClient,
  paginateDescribeLogGroups,
  paginateDescribeMetricFilters,
  type MetricFilter as SdkMetricFilter,
} from '@aws-sdk/client-cloudwatch-logs';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { MetricFilter } from '../../../core/kinds/monitoring.js';
import type { Collector } from '../collector.js';
import { allPages } from './support.js';

type LogGroupAttributes = AttributesOf<'logs.log-group'>;

export const logsCollector: Collector = {
  service: 'logs',
  global: false,
  actions: ['logs:DescribeLogGroups', 'logs:DescribeMetricFilters'],
  kinds: { 'logs.log-group': ['name', 'retentionInDays', 'kmsKeyId', 'metricFilters'] },
  async collect(ctx) {
    const client = ctx.client(CloudWatchLogsClient);
    // A failed listing throws out of collect(): the runner records a gap on logs.log-group here.
    // The region's metric filters are listed once, alongside, and joined to their groups by name.
    const [groups, filters] = await Promise.all([
      ctx.call('logs:DescribeLogGroups', () =>
        allPages(paginateDescribeLogGroups({ client }, {}), (page) => page.logGroups),
      ),
      ctx.observe('logs:DescribeMetricFilters', async () => {
        const byGroup = new Map<string, MetricFilter[]>();
        for await (const page of paginateDescribeMetricFilters({ client }, {})) {
          for (const filter of page.metricFilters ?? []) {
            const group = filter.logGroupName;
            if (!group) continue;
            const list = byGroup.get(group) ?? [];
            list.push(...metricFiltersOf(filter));
            byGroup.set(group, list);
          }
        }
        return byGroup;
      }),
    ]);

    for (const group of groups) {
      const name = group.logGroupName;
      if (!name) continue;
      const gaps: Gap[] = [];
      const attributes: Partial<LogGroupAttributes> = {
        name,
        retentionInDays: group.retentionInDays ?? null,
        kmsKeyId: group.kmsKeyId ?? null,
      };
      // Could not list the filters: for every group, "no filter" would be a guess, so the field is a gap.
      if (filters.ok) attributes.metricFilters = filters.value?.get(name) ?? [];
      else gaps.push(filters.failure.gap('metricFilters'));
      ctx.emit({
        kind: 'logs.log-group',
        id: name,
        arn: group.logGroupArn ?? group.arn?.replace(/:\*$/, '') ?? null,
        attributes,
        gaps,
      });
    }
  },
};

/**
 * The filter as the kind has it, once per metric it publishes to (CloudWatch Logs allows one today).
 * A filter that publishes to no metric cannot feed an alarm and is left out.
 */
function metricFiltersOf(filter: SdkMetricFilter): MetricFilter[] {
  return (filter.metricTransformations ?? []).flatMap((transformation) =>
    transformation.metricName && transformation.metricNamespace
      ? [
          {
            name: filter.filterName ?? '',
            pattern: filter.filterPattern ?? '',
            metricName: transformation.metricName,
            metricNamespace: transformation.metricNamespace,
          },
        ]
      : [],
  );
}
