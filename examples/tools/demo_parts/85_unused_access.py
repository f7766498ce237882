# IAM last-accessed data (access advisor, service level) of the demo users and roles: the services each one's
# permissions policies allow, and when it last used each (None = never within IAM's 400-day tracking period).
# The user() builder in generate-demo-account.py and role() in 10_iam.py look their principal up here; a
# principal missing from these tables gets a gap on the field, never a made-up report.
# Findings the demo shows: administrators who use a handful of the services they may use, a vendor role idle
# since its audit, a test role nobody ever assumed, a CI role granted KMS it never needed.
from demo_common import ago

def used(service, days):
    return {'service': service, 'lastAuthenticatedAt': ago(days)}

def never(service):
    return {'service': service, 'lastAuthenticatedAt': None}

USERS = {
    'alice.nguyen': [used('iam', 0), used('s3', 1), used('ec2', 2), used('cloudformation', 5), used('lambda', 20),
                     never('sagemaker'), never('redshift'), used('glue', 240)],
    'bob.martins': [used('cloudshell', 10), used('s3', 2)],
    'carol.osei': [used('iam', 6), used('securityhub', 3), used('guardduty', 3), used('cloudtrail', 10),
                   used('access-analyzer', 12), used('s3', 6), used('ec2', 20), never('rds')],
    # Created 60 days ago: its unused administrator access is not stale yet.
    'dave.kowalski': [used('s3', 5), never('ec2'), never('iam')],
    'ci-deploy': [used('cloudformation', 0), used('s3', 0), used('iam', 0)],
    'backup-agent': [used('s3', 1), used('kms', 1)],
    # Full access, key inactive for 610 days: nothing used within the tracking period.
    'legacy-reporting': [never('athena'), never('ec2'), never('iam'), never('s3'), never('sts')],
}

ROLES = {
    'web': [used('s3', 0)],
    'app': [used('s3', 0)],
    'order-webhook-role': [used('logs', 0)],
    'thumbnailer-role': [used('s3', 1)],
    'orders-api': [used('dynamodb', 0)],
    'deploy-admin': [used('cloudformation', 2), used('s3', 2), used('iam', 2), used('lambda', 2), used('ec2', 150),
                     never('rds'), never('sagemaker')],
    'ops-automation': [used('ssm', 5), used('ec2', 5), used('s3', 5), never('ecs'), never('secretsmanager')],
    'datadog-integration': [used('iam', 0)],
    'vendor-cost-audit': [used('s3', 210), used('ec2', 215)],
    'shared-readonly-test': [never('s3'), never('ec2')],
    'org-readonly': [used('s3', 3), used('ec2', 3)],
    'github-actions-deploy': [used('s3', 1), never('kms')],
    'github-actions-plan': [used('s3', 1), used('ec2', 1)],
    'AWSServiceRoleForSupport': [never('support')],
    'AWSServiceRoleForElasticLoadBalancing': [used('ec2', 0)],
}

def last_accessed(kind, name):
    """(attributes, gaps) to merge into a demo user ('user') or role ('role') named `name`."""
    table = USERS if kind == 'user' else ROLES
    if name in table:
        return {'servicesLastAccessed': table[name]}, []
    return {}, [{'field': 'servicesLastAccessed', 'reason': 'not-collected', 'action': 'iam:GetServiceLastAccessedDetails',
                 'detail': f'no access-advisor report for {kind} {name} in the demo'}]
