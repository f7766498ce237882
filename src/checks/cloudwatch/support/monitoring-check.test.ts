import { ACCOUNT, REGION, withGap } from '../../../testing/builders.js';
import { testCheck } from '../../../testing/check-tester.js';
import check from '../cloudwatch-alarm-cloudtrail-changes.js';
import {
  ALARMS_DENIED,
  alarm,
  filter,
  logGroup,
  monitored,
  TOPIC_ARN,
  topic,
  trail,
} from './monitoring-fixtures.js';

/** The whole chain, link by link, through one of the CIS 4.x checks (4.5, CloudTrail changes). */

const CIS =
  '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }';
const FIRST_THREE =
  '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) }';
const LAST_TWO = '{ ($.eventName = StartLogging) || ($.eventName = StopLogging) }';
const OTHER_ACCOUNT_TOPIC = 'arn:aws:sns:eu-west-1:999988887777:central-security';

testCheck(check, {
  pass: [
    {
      name: 'the CIS filter, an alarm and a subscribed topic',
      resources: monitored(CIS),
      message:
        /CloudTrail configuration changes on log group aws-cloudtrail-logs-main \(trail main\) are monitored/,
    },
    {
      name: 'two filters with their own alarms together catch every event',
      resources: [
        trail(),
        logGroup([filter('TrailChanges', FIRST_THREE), filter('LoggingToggles', LAST_TWO)]),
        alarm('TrailChanges'),
        alarm('LoggingToggles'),
        topic(),
      ],
      message: /filter TrailChanges → alarm TrailChanges-alarm.*; filter LoggingToggles/,
    },
    {
      name: 'a catch-all filter detects the events, and the message says it catches everything',
      resources: monitored('{ $.eventName = * }'),
      message: /a filter also matches unrelated events/,
    },
    {
      name: 'one of two alarms on the metric is silent, the other notifies',
      resources: [
        trail(),
        logGroup([filter('Monitored', CIS)]),
        alarm('Monitored', { name: 'muted', actionsEnabled: false }),
        alarm('Monitored', { name: 'paging' }),
        topic(),
      ],
      message: /alarm paging/,
    },
    {
      name: 'a second, broken trail does not matter when one trail is monitored',
      resources: [...monitored(CIS), withGap(trail({ name: 'other' }, 'us-east-1'), 'isLogging')],
    },
  ],
  fail: [
    {
      name: 'the account has no trail',
      resources: [],
      regions: [REGION],
      message: /no CloudTrail trail/,
    },
    {
      name: 'the only trail is single-region',
      resources: [trail({ isMultiRegionTrail: false }), logGroup([filter('Monitored', CIS)])],
      message: /No multi-region trail is logging all management events/,
    },
    {
      name: 'the trail does not send to CloudWatch Logs',
      resources: [trail({ cloudWatchLogsLogGroupArn: null })],
      message: /Trail main does not send events to CloudWatch Logs/,
    },
    {
      name: 'the trail names a log group that no longer exists',
      resources: [trail(), logGroup([filter('Monitored', CIS)], 'some-other-group')],
      message: /sends to log group aws-cloudtrail-logs-main, which does not exist in eu-west-1/,
    },
    {
      name: 'the log group has no metric filter',
      resources: [trail(), logGroup([])],
      message:
        /No metric filter on log group aws-cloudtrail-logs-main \(trail main\) matches CloudTrail configuration changes/,
    },
    {
      name: 'the only filter has a pattern that does not parse',
      resources: [trail(), logGroup([filter('Broken', '{ ($.eventName = StopLogging }')])],
      message: /a filter pattern does not parse: Broken: expected \)/,
    },
    {
      name: 'the filter has no alarm on its metric',
      resources: [trail(), logGroup([filter('Monitored', CIS)]), topic()],
      message:
        /matches CloudTrail configuration changes, but no CloudWatch alarm watches its metric CISBenchmark\/Monitored/,
    },
    {
      name: 'the alarm watches a metric of the same name in another namespace',
      resources: [
        trail(),
        logGroup([filter('Monitored', CIS)]),
        alarm('Monitored', { namespace: 'Other' }),
        topic(),
      ],
      message: /no CloudWatch alarm watches/,
    },
    {
      name: 'the alarm notifies no SNS topic',
      resources: [
        trail(),
        logGroup([filter('Monitored', CIS)]),
        alarm('Monitored', { alarmActions: [] }),
        topic(),
      ],
      message: /alarm Monitored-alarm notifies no SNS topic/,
    },
    {
      name: 'the alarm notifies a topic nobody confirmed a subscription to',
      resources: [trail(), logGroup([filter('Monitored', CIS)]), alarm('Monitored'), topic(0)],
      message: new RegExp(`notifies ${TOPIC_ARN}, which has no confirmed subscription`),
    },
    {
      name: 'the alarm notifies a topic that was deleted',
      resources: [trail(), logGroup([filter('Monitored', CIS)]), alarm('Monitored')],
      message: /which does not exist/,
    },
    {
      name: 'a complete chain whose filter misses StopLogging, and an unalarmed one that catches it',
      resources: [
        trail(),
        logGroup([filter('TrailChanges', FIRST_THREE), filter('LoggingToggles', LAST_TWO)]),
        alarm('TrailChanges'),
        topic(),
      ],
      message:
        /Metric filter LoggingToggles .* but no CloudWatch alarm watches its metric CISBenchmark\/LoggingToggles/,
    },
    {
      name: 'complete chains that together still miss StopLogging',
      resources: [trail(), logGroup([filter('TrailChanges', FIRST_THREE)]), alarm('TrailChanges'), topic()],
      message: /miss part of CloudTrail configuration changes: no filter matches StartLogging, StopLogging/,
    },
  ],
  notEvaluated: [
    {
      name: 'alarms could not be listed in the log group region',
      resources: monitored(CIS),
      scopeGaps: [ALARMS_DENIED],
      reason: 'access-denied',
      message: /could not be observed: access-denied: cloudwatch:DescribeAlarms/,
    },
    {
      name: 'the metric filters of the log group could not be read',
      resources: [
        trail(),
        withGap(logGroup([]), 'metricFilters', 'access-denied', 'logs:DescribeMetricFilters'),
      ],
      reason: 'access-denied',
    },
    {
      name: 'the subscriptions of the alarm topic could not be read',
      resources: [
        trail(),
        logGroup([filter('Monitored', CIS)]),
        alarm('Monitored'),
        withGap(topic(), 'confirmedSubscriptions', 'access-denied', 'sns:GetTopicAttributes'),
      ],
      reason: 'access-denied',
    },
    {
      name: 'the alarm notifies a topic in a central security account outside the scan',
      resources: [
        trail(),
        logGroup([filter('Monitored', CIS)]),
        alarm('Monitored', { alarmActions: [OTHER_ACCOUNT_TOPIC] }),
      ],
      reason: 'unresolved',
      message: /outside account/,
    },
    {
      name: 'an organization trail delivers to a log group in the management account',
      resources: [
        trail({
          isOrganizationTrail: true,
          cloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:999988887777:log-group:org-trail:*`,
        }),
      ],
      reason: 'unresolved',
      message: new RegExp(`outside account ${ACCOUNT}`),
    },
    {
      name: 'whether the only trail is logging could not be read',
      resources: [withGap(trail(), 'isLogging', 'access-denied', 'cloudtrail:GetTrailStatus'), logGroup([])],
      reason: 'access-denied',
    },
  ],
});
