# CloudTrail to CloudWatch Logs and the CIS 4.x alarm chains: the management trail delivers to the log group
# below, whose metric filters each stop at a different link (an unsubscribed topic, a muted alarm, no alarm,
# a filter that misses events, a pattern that does not parse) so every monitoring check shows its own reason.
from demo_common import A, r

GROUP = '/aws/cloudtrail/acme-management-events'
KEY = f'arn:aws:kms:us-east-1:{A}:key/6f1c2a9e-1d4b-4c8e-9a51-0b7e2c4d8f10'
ALERTS = f'arn:aws:sns:us-east-1:{A}:security-alerts'
UNSUBSCRIBED = f'arn:aws:sns:us-east-1:{A}:cis-alarms'

def metric_filter(name, pattern):
    return {'name': name, 'pattern': pattern, 'metricName': name, 'metricNamespace': 'CISBenchmark'}

def alarm(name, metric, actions, enabled=True, state='OK'):
    return r('cloudwatch.alarm', name, {'name': name, 'metricName': metric, 'namespace': 'CISBenchmark', 'alarmActions': actions, 'actionsEnabled': enabled, 'stateValue': state}, arn=f'arn:aws:cloudwatch:us-east-1:{A}:alarm:{name}')

FILTERS = [
    metric_filter('CloudTrailConfigChanges', '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }'),
    metric_filter('UnauthorizedAPICalls', '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }'),
    metric_filter('IAMPolicyChanges', '{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy) }'),
    # Root sign-ins only: root API calls with the root user's access key go unnoticed.
    metric_filter('RootSignIn', '{ $.userIdentity.type = "Root" && $.eventName = "ConsoleLogin" }'),
    # A missing parenthesis: CloudWatch would have refused it; onus reports it as broken.
    metric_filter('SecurityGroupChanges', '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupIngress }'),
]

US_EAST_1 = [
    r('logs.log-group', GROUP, {'name': GROUP, 'retentionInDays': 365, 'kmsKeyId': KEY, 'metricFilters': FILTERS}, arn=f'arn:aws:logs:us-east-1:{A}:log-group:{GROUP}'),
    r('sns.topic', UNSUBSCRIBED, {'arn': UNSUBSCRIBED, 'name': 'cis-alarms', 'kmsMasterKeyId': 'alias/aws/sns', 'policy': None, 'confirmedSubscriptions': 0}, arn=UNSUBSCRIBED),
    alarm('cis-cloudtrail-changes', 'CloudTrailConfigChanges', [UNSUBSCRIBED]),
    alarm('cis-unauthorized-api-calls', 'UnauthorizedAPICalls', [ALERTS], enabled=False, state='ALARM'),
    alarm('root-console-sign-in', 'RootSignIn', [ALERTS]),
]
KINDS = ['cloudwatch.alarm']
