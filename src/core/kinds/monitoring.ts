import { z } from 'zod';
import { defineKind, timestamp } from './kind.js';

/** A CloudWatch Logs metric filter: log events matching `pattern` publish to `metricNamespace`/`metricName`. */
export const metricFilter = z.object({
  name: z.string(),
  /** The filter pattern as written; an empty pattern matches every event. */
  pattern: z.string(),
  metricName: z.string(),
  metricNamespace: z.string(),
});
export type MetricFilter = z.infer<typeof metricFilter>;

export const logsLogGroup = defineKind({
  name: 'logs.log-group',
  service: 'logs',
  title: 'CloudWatch Logs log group',
  global: false,
  attributes: z.object({
    name: z.string(),
    /** Null when events never expire. */
    retentionInDays: z.number().int().positive().nullable(),
    /** Null when the group is encrypted with a CloudWatch Logs owned key, not a KMS key. */
    kmsKeyId: z.string().nullable(),
    /** The metric filters on this group (CIS 4.x: log group, then metric filter, then alarm). */
    metricFilters: z.array(metricFilter),
  }),
});

export const ALARM_STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;

export const cloudwatchAlarm = defineKind({
  name: 'cloudwatch.alarm',
  service: 'cloudwatch',
  title: 'CloudWatch metric alarm',
  global: false,
  attributes: z.object({
    name: z.string(),
    /** The metric watched; null for an alarm on a metric math expression, which names no single metric. */
    metricName: z.string().nullable(),
    namespace: z.string().nullable(),
    /** ARNs notified (SNS topics, Auto Scaling, EC2 and Systems Manager actions) when the alarm fires. */
    alarmActions: z.array(z.string()),
    /** False when the alarm's actions are switched off: it changes state but notifies nobody. */
    actionsEnabled: z.boolean(),
    stateValue: z.enum(ALARM_STATES),
  }),
});

export const RECORDER_STATUSES = ['Pending', 'Success', 'Failure', 'NotApplicable'] as const;

export const configRecorderSettings = z.object({
  name: z.string(),
  /** Records every supported resource type (and new ones as Config adds them). */
  allSupported: z.boolean(),
  /** Also records the global IAM resource types (users, groups, roles, customer managed policies). */
  includeGlobalResourceTypes: z.boolean(),
  /** From DescribeConfigurationRecorderStatus: the recorder is started. */
  recording: z.boolean(),
  /** Outcome of the last recording attempt; null when the recorder never ran. */
  lastStatus: z.enum(RECORDER_STATUSES).nullable(),
});
export type ConfigRecorderSettings = z.infer<typeof configRecorderSettings>;

/** AWS Config in one region (id = the region): its customer managed recorder and whether it delivers anywhere. */
export const configRecorder = defineKind({
  name: 'config.recorder',
  service: 'config',
  title: 'AWS Config recorder',
  global: false,
  attributes: z.object({
    /** Empty when AWS Config has no recorder in the region: Config is off there. */
    recorders: z.array(configRecorderSettings),
    /** A delivery channel exists (Config cannot start recording without one). */
    deliveryChannelConfigured: z.boolean(),
  }),
});

export const STANDARDS_STATUSES = ['PENDING', 'READY', 'FAILED', 'DELETING', 'INCOMPLETE'] as const;

/** Security Hub in one region (id = the region). */
export const securityhubHub = defineKind({
  name: 'securityhub.hub',
  service: 'securityhub',
  title: 'Security Hub',
  global: false,
  attributes: z.object({
    /** False when the account is not subscribed to Security Hub in the region. */
    enabled: z.boolean(),
    /** When Security Hub was enabled; null when it is not. */
    subscribedAt: timestamp.nullable(),
    /** Enabled standards; empty when Security Hub is off. */
    standards: z.array(
      z.object({
        /** The standard's ARN, e.g. `arn:aws:securityhub:<region>::standards/cis-aws-foundations-benchmark/v/5.0.0`. */
        arn: z.string(),
        status: z.enum(STANDARDS_STATUSES),
      }),
    ),
  }),
});

export const ANALYZER_TYPES = [
  'ACCOUNT',
  'ORGANIZATION',
  'ACCOUNT_UNUSED_ACCESS',
  'ORGANIZATION_UNUSED_ACCESS',
  'ACCOUNT_INTERNAL_ACCESS',
  'ORGANIZATION_INTERNAL_ACCESS',
] as const;
export const ANALYZER_STATUSES = ['ACTIVE', 'CREATING', 'DISABLED', 'FAILED'] as const;

export const accessanalyzerAnalyzer = defineKind({
  name: 'accessanalyzer.analyzer',
  service: 'accessanalyzer',
  title: 'IAM Access Analyzer analyzer',
  global: false,
  attributes: z.object({
    name: z.string(),
    arn: z.string(),
    /** `ACCOUNT` and `ORGANIZATION` analyze external access (CIS 1.19); the others unused or internal access. */
    type: z.enum(ANALYZER_TYPES),
    status: z.enum(ANALYZER_STATUSES),
  }),
});
