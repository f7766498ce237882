import { defineCheck, type Check, type CheckContext, type ObservedResource } from '../../../core/check.js';
import { describeGap, type Gap } from '../../../core/gap.js';
import type { MetricFilter } from '../../../core/kinds/monitoring.js';
import { fail, notEvaluated, pass, Unobserved, type Outcome } from '../../../core/outcome.js';
import type { Resource } from '../../../core/resource.js';
import type { Severity } from '../../../core/severity.js';
import { UNRELATED_EVENT, type SampleEvent } from './cloudtrail-events.js';
import { matchesEvent, parseFilterPattern } from './filter-pattern.js';

/**
 * The CIS 4.x monitoring controls share one chain: a multi-region, logging trail that records all management
 * events delivers to a CloudWatch Logs log group; a metric filter on that group matches the events; an alarm
 * on the filter's metric has its actions enabled and notifies an SNS topic someone is subscribed to. This file
 * walks that chain for one class of events and says which link is missing.
 */

export interface MonitoringSpec {
  id: string;
  title: string;
  /** What the filter must catch, as a noun phrase: `unauthorized API calls`. */
  events: string;
  description: string;
  risk: string;
  severity: Severity;
  /** The pattern CIS gives, used in the remediation. */
  cisPattern: string;
  /** A metric name for the remediation snippets, e.g. `UnauthorizedAPICalls`. */
  metricName: string;
  /** Events the filter must match; a filter that misses one does not monitor the class. */
  samples: readonly SampleEvent[];
}

const TRAIL_READS = [
  'name',
  'isMultiRegionTrail',
  'isLogging',
  'managementEvents',
  'cloudWatchLogsLogGroupArn',
] as const;

type Trail = ObservedResource<'cloudtrail.trail', (typeof TRAIL_READS)[number]>;

/** How far along the chain a filter got: the later the link, the closer the account is to monitoring. */
type Link =
  | { stage: 'complete'; alarm: string; topic: string }
  | { stage: 'no-alarm' | 'alarm-silent' | 'no-subscriber'; detail: string };

const STAGE_RANK = { 'no-alarm': 1, 'alarm-silent': 2, 'no-subscriber': 3, complete: 4 } as const;

interface Verdict {
  outcome: Outcome;
  /** Ranks failures by how far the chain got, so the message names the link closest to working. */
  rank: number;
}

export function defineMonitoringCheck(spec: MonitoringSpec): Check {
  return defineCheck({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    risk: spec.risk,
    severity: spec.severity,
    service: 'cloudwatch',
    domain: 'detection',
    kind: 'cloudtrail.trail',
    scope: 'account',
    partial: true,
    reads: TRAIL_READS,
    related: {
      'logs.log-group': ['name', 'metricFilters'],
      'cloudwatch.alarm': ['name', 'metricName', 'namespace', 'alarmActions', 'actionsEnabled'],
      'sns.topic': ['arn', 'confirmedSubscriptions'],
    },
    remediation: remediationFor(spec),
    evaluate(account, ctx) {
      return evaluateChain(spec, account.account, account.resources, account.unobserved, ctx);
    },
  });
}

function evaluateChain(
  spec: MonitoringSpec,
  account: string,
  trails: readonly Trail[],
  unobservedTrails: readonly { gap: Gap }[],
  ctx: CheckContext,
): Outcome {
  const gaps: Gap[] = [];
  // Trails in regions that are not enabled cannot exist; any other unseen trail could be the one that works.
  for (const part of unobservedTrails) if (part.gap.reason !== 'region-disabled') gaps.push(part.gap);

  const complete = trails.filter(
    (trail) =>
      trail.attributes.isMultiRegionTrail &&
      trail.attributes.isLogging &&
      trail.attributes.managementEvents.read &&
      trail.attributes.managementEvents.write,
  );
  let best: Verdict = {
    rank: 0,
    outcome: fail(
      trails.length === 0
        ? 'The account has no CloudTrail trail, so nothing can feed a metric filter'
        : 'No multi-region trail is logging all management events, so no log group receives every event to filter',
      { trails: trails.map((trail) => trail.attributes.name) },
    ),
  };
  const integrated = complete.filter((trail) => trail.attributes.cloudWatchLogsLogGroupArn !== null);
  if (complete.length > 0 && integrated.length === 0) {
    const names = complete.map((trail) => trail.attributes.name);
    best = {
      rank: 1,
      outcome: fail(
        `${names.length > 1 ? 'Trails' : 'Trail'} ${names.join(', ')} ${names.length > 1 ? 'do' : 'does'} not send events to CloudWatch Logs`,
        {
          trails: names,
          cloudWatchLogsLogGroupArn: null,
        },
      ),
    };
  }
  for (const trail of integrated) {
    const verdict = guarded(gaps, () => evaluateTrail(spec, account, trail, gaps, ctx));
    if (verdict?.outcome.status === 'PASS') return verdict.outcome;
    if (verdict && verdict.rank > best.rank) best = verdict;
  }
  const gap = gaps[0];
  if (gap) {
    return notEvaluated(
      gap,
      `No complete alarm chain for ${spec.events} was found, and part of it could not be observed: ${describeGap(gap)}`,
    );
  }
  return best.outcome;
}

/** Runs a lookup; a part that could not be observed is recorded as a gap instead of deciding the result. */
function guarded<T>(gaps: Gap[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof Unobserved)) throw error;
    gaps.push(error.gap);
    return undefined;
  }
}

interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

function parseArn(arn: string): ParsedArn | null {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return null;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

function evaluateTrail(
  spec: MonitoringSpec,
  account: string,
  trail: Trail,
  gaps: Gap[],
  ctx: CheckContext,
): Verdict {
  const trailName = trail.attributes.name;
  const groupArn = trail.attributes.cloudWatchLogsLogGroupArn ?? '';
  const arn = parseArn(groupArn);
  const groupName = arn?.resource.replace(/^log-group:/, '').replace(/:\*$/, '') ?? groupArn;
  if (!arn || arn.account !== account) {
    // A log group in another account (an organization trail's) is outside what this account's scan sees.
    throw new Unobserved({
      field: 'cloudWatchLogsLogGroupArn',
      reason: 'unresolved',
      detail: `trail ${trailName} delivers to ${groupArn}, outside account ${account}`,
    });
  }
  const group = ctx
    .related('logs.log-group', { account, region: arn.region })
    .find((candidate) => ctx.read(candidate, 'name') === groupName);
  if (!group) {
    return {
      rank: 2,
      outcome: fail(
        `Trail ${trailName} sends to log group ${groupName}, which does not exist in ${arn.region}`,
        {
          trail: trailName,
          logGroup: groupName,
        },
      ),
    };
  }

  const filters = ctx.read(group, 'metricFilters');
  const brokenPatterns: string[] = [];
  const keywords = spec.samples.flatMap((sample) => keywordsOf(sample.event));
  const matching: { filter: MetricFilter; caught: Set<string>; catchAll: boolean }[] = [];
  for (const filter of filters) {
    const parsed = parseFilterPattern(filter.pattern);
    if (!parsed.ok) {
      // A broken pattern is blamed only where it names one of the events: it was meant for this class.
      if (keywords.some((keyword) => filter.pattern.includes(keyword)))
        brokenPatterns.push(`${filter.name}: ${parsed.error}`);
      continue;
    }
    const caught = new Set(
      spec.samples
        .filter((sample) => matchesEvent(parsed.pattern, sample.event))
        .map((sample) => sample.name),
    );
    if (caught.size > 0)
      matching.push({ filter, caught, catchAll: matchesEvent(parsed.pattern, UNRELATED_EVENT) });
  }
  const where = `log group ${groupName} (trail ${trailName})`;
  if (matching.length === 0) {
    const outcome =
      brokenPatterns.length > 0
        ? fail(
            `No metric filter on ${where} catches ${spec.events}; a filter pattern does not parse: ${brokenPatterns.join('; ')}`,
            {
              logGroup: groupName,
              brokenPatterns,
            },
          )
        : fail(`No metric filter on ${where} matches ${spec.events}`, {
            logGroup: groupName,
            filters: filters.map((filter) => filter.name),
          });
    return { rank: 3, outcome };
  }

  // Each sample must be caught by some filter whose alarm notifies a subscribed topic.
  const links = matching.map((entry) => ({
    ...entry,
    link: guarded(gaps, () => linkOf(entry.filter, account, arn.region, ctx)),
  }));
  const covered = new Set<string>();
  for (const entry of links)
    if (entry.link?.stage === 'complete') for (const name of entry.caught) covered.add(name);
  const missed = spec.samples.map((sample) => sample.name).filter((name) => !covered.has(name));
  if (missed.length === 0) {
    const used = links.filter((entry) => entry.link?.stage === 'complete');
    const chains = used.map((entry) => {
      const link = entry.link as Extract<Link, { stage: 'complete' }>;
      return { filter: entry.filter.name, alarm: link.alarm, topic: link.topic, catchAll: entry.catchAll };
    });
    const described = chains.map((chain) => `filter ${chain.filter} → alarm ${chain.alarm} → ${chain.topic}`);
    const note = chains.some((chain) => chain.catchAll)
      ? ' (a filter also matches unrelated events: its alarm fires on noise)'
      : '';
    return {
      rank: 5,
      outcome: pass(`${capitalize(spec.events)} on ${where} are monitored: ${described.join('; ')}${note}`, {
        trail: trailName,
        logGroup: groupName,
        chains,
      }),
    };
  }

  // Not covered: name the furthest link reached by a filter that catches something still missed.
  const relevant = links.filter((entry) => [...entry.caught].some((name) => missed.includes(name)));
  const caughtByAny = new Set(relevant.flatMap((entry) => [...entry.caught]));
  const uncaught = missed.filter((name) => !caughtByAny.has(name));
  const furthest = relevant
    .filter((entry) => entry.link && entry.link.stage !== 'complete')
    .sort(
      (a, b) =>
        STAGE_RANK[b.link?.stage ?? 'no-alarm'] - STAGE_RANK[a.link?.stage ?? 'no-alarm'] ||
        b.caught.size - a.caught.size,
    )[0];
  const evidence = {
    trail: trailName,
    logGroup: groupName,
    notCaught: uncaught,
    filters: relevant.map((entry) => entry.filter.name),
  };
  if (!furthest) {
    // Every filter that matched anything is complete, but together they miss some events.
    return {
      rank: 3,
      outcome: fail(
        `The metric filters on ${where} miss part of ${spec.events}: no filter matches ${list(uncaught)}`,
        evidence,
      ),
    };
  }
  const link = furthest.link as Exclude<Link, { stage: 'complete' }>;
  const what =
    furthest.caught.size === spec.samples.length
      ? spec.events
      : `${list([...furthest.caught])} (part of ${spec.events})`;
  const also = uncaught.length > 0 ? `; no filter matches ${list(uncaught)}` : '';
  return {
    rank: 3 + STAGE_RANK[link.stage] / 10,
    outcome: fail(
      `Metric filter ${furthest.filter.name} on ${where} matches ${what}, but ${link.detail}${also}`,
      evidence,
    ),
  };
}

/** From a filter's metric to a person: the alarm, its actions, the topic and its subscribers. */
function linkOf(filter: MetricFilter, account: string, region: string, ctx: CheckContext): Link {
  const metric = `${filter.metricNamespace}/${filter.metricName}`;
  const alarms = ctx
    .related('cloudwatch.alarm', { account, region })
    .filter(
      (alarm) =>
        ctx.read(alarm, 'metricName') === filter.metricName &&
        ctx.read(alarm, 'namespace') === filter.metricNamespace,
    );
  if (alarms.length === 0)
    return { stage: 'no-alarm', detail: `no CloudWatch alarm watches its metric ${metric}` };

  let furthest: Link = { stage: 'alarm-silent', detail: '' };
  const silent: string[] = [];
  for (const alarm of alarms) {
    const name = ctx.read(alarm, 'name');
    if (!ctx.read(alarm, 'actionsEnabled')) {
      silent.push(`alarm ${name} has its actions disabled`);
      continue;
    }
    const topics = ctx.read(alarm, 'alarmActions').filter((action) => parseArn(action)?.service === 'sns');
    if (topics.length === 0) {
      silent.push(`alarm ${name} notifies no SNS topic`);
      continue;
    }
    for (const topicArn of topics) {
      const subscribers = confirmedSubscriptions(topicArn, account, ctx);
      if (subscribers > 0) return { stage: 'complete', alarm: name, topic: topicArn };
      furthest = {
        stage: 'no-subscriber',
        detail: `alarm ${name} notifies ${topicArn}, which ${subscribers < 0 ? 'does not exist' : 'has no confirmed subscription'}`,
      };
    }
  }
  return furthest.stage === 'no-subscriber' ? furthest : { stage: 'alarm-silent', detail: silent.join('; ') };
}

/** The topic's confirmed subscriptions; -1 when the topic does not exist in the scanned account. */
function confirmedSubscriptions(topicArn: string, account: string, ctx: CheckContext): number {
  const arn = parseArn(topicArn);
  const topics: Resource<'sns.topic'>[] = arn
    ? ctx.related('sns.topic', { account: arn.account, region: arn.region })
    : [];
  const topic = topics.find((candidate) => ctx.read(candidate, 'arn') === topicArn);
  if (topic) return ctx.read(topic, 'confirmedSubscriptions');
  // A topic in another account (a central security account's) is unknown to this scan, not missing.
  if (arn?.account !== account) {
    throw new Unobserved({
      field: 'confirmedSubscriptions',
      reason: 'unresolved',
      detail: `SNS topic ${topicArn} is outside account ${account}`,
    });
  }
  return -1;
}

/** What a pattern meant for these events would mention: their names, error codes, a root identity. */
function keywordsOf(event: SampleEvent['event']): string[] {
  const identity = event['userIdentity'] as { type?: string } | undefined;
  return [
    event['eventName'],
    event['errorCode'],
    event['errorMessage'],
    identity?.type === 'Root' ? 'Root' : undefined,
  ].filter((value): value is string => typeof value === 'string');
}

function list(names: readonly string[]): string {
  return names.length <= 4
    ? names.join(', ')
    : `${names.slice(0, 4).join(', ')} and ${names.length - 4} more`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function remediationFor(spec: MonitoringSpec) {
  const pattern = spec.cisPattern;
  const quoted = pattern.replace(/'/g, "'\\''");
  const yamlPattern = pattern.replace(/'/g, "''");
  const hclPattern = pattern.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return {
    text: `Send a multi-region trail to a CloudWatch Logs log group, add a metric filter on that group that matches ${spec.events}, and create an alarm on the filter's metric (threshold >= 1 over 5 minutes) with actions enabled that notifies an SNS topic with at least one confirmed subscription.`,
    cli: [
      `aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name ${spec.metricName} --metric-transformations metricName=${spec.metricName},metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '${quoted}'`,
      `aws cloudwatch put-metric-alarm --alarm-name ${spec.metricName} --metric-name ${spec.metricName} --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <sns-topic-arn>`,
      'aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>',
    ].join('\n'),
    cloudformation: [
      'Filter:',
      '  Type: AWS::Logs::MetricFilter',
      '  Properties:',
      '    LogGroupName: !Ref TrailLogGroup',
      `    FilterPattern: '${yamlPattern}'`,
      '    MetricTransformations:',
      `      - MetricName: ${spec.metricName}`,
      '        MetricNamespace: CISBenchmark',
      "        MetricValue: '1'",
      'Alarm:',
      '  Type: AWS::CloudWatch::Alarm',
      '  Properties:',
      `    MetricName: ${spec.metricName}`,
      '    Namespace: CISBenchmark',
      '    Statistic: Sum',
      '    Period: 300',
      '    EvaluationPeriods: 1',
      '    Threshold: 1',
      '    ComparisonOperator: GreaterThanOrEqualToThreshold',
      '    ActionsEnabled: true',
      '    AlarmActions: [!Ref SecurityAlertsTopic]',
    ].join('\n'),
    terraform: [
      `resource "aws_cloudwatch_log_metric_filter" "${snake(spec.metricName)}" {`,
      `  name           = "${spec.metricName}"`,
      '  log_group_name = aws_cloudwatch_log_group.trail.name',
      `  pattern        = "${hclPattern}"`,
      '  metric_transformation {',
      `    name      = "${spec.metricName}"`,
      '    namespace = "CISBenchmark"',
      '    value     = "1"',
      '  }',
      '}',
      '',
      `resource "aws_cloudwatch_metric_alarm" "${snake(spec.metricName)}" {`,
      `  alarm_name          = "${spec.metricName}"`,
      `  metric_name         = "${spec.metricName}"`,
      '  namespace           = "CISBenchmark"',
      '  statistic           = "Sum"',
      '  period              = 300',
      '  evaluation_periods  = 1',
      '  threshold           = 1',
      '  comparison_operator = "GreaterThanOrEqualToThreshold"',
      '  alarm_actions       = [aws_sns_topic.security_alerts.arn]',
      '}',
    ].join('\n'),
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html',
  };
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
