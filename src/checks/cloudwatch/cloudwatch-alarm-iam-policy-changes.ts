import { apiCalls } from './support/cloudtrail-events.js';
import { defineMonitoringCheck } from './support/monitoring-check.js';

export default defineMonitoringCheck({
  id: 'cloudwatch-alarm-iam-policy-changes',
  title: 'IAM policy changes raise a CloudWatch alarm',
  events: 'IAM policy changes',
  description:
    'A metric filter on the log group of a multi-region trail counts changes to IAM policies (inline and managed: create, delete, put, version, attach, detach), and an alarm on it notifies a subscribed SNS topic (CIS 4.4).',
  risk: 'Granting a user or role more power is the usual step after a foothold; an unwatched policy change can turn a small compromise into an administrator.',
  severity: 'medium',
  cisPattern:
    '{ (($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy)) }',
  metricName: 'IAMPolicyChanges',
  samples: apiCalls('iam', [
    'DeleteGroupPolicy',
    'DeleteRolePolicy',
    'DeleteUserPolicy',
    'PutGroupPolicy',
    'PutRolePolicy',
    'PutUserPolicy',
    'CreatePolicy',
    'DeletePolicy',
    'CreatePolicyVersion',
    'DeletePolicyVersion',
    'AttachRolePolicy',
    'DetachRolePolicy',
    'AttachUserPolicy',
    'DetachUserPolicy',
    'AttachGroupPolicy',
    'DetachGroupPolicy',
  ]),
});
