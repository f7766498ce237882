# IAM roles, groups, managed policies and server certificates of the demo account: each IAM check finds
# something to fail (and usually something to pass). The users and their policies are in the main generator.
import importlib
from demo_common import A, ago, r

def doc(*statements):
    return {'Version': '2012-10-17', 'Statement': list(statements)}

ADMIN = doc({'Effect': 'Allow', 'Action': '*', 'Resource': '*'})
AWS = 'arn:aws:iam::aws:policy/'
READ_REPORTS = doc({'Effect': 'Allow', 'Action': ['s3:GetObject', 's3:ListBucket'], 'Resource': ['arn:aws:s3:::acme-reports', 'arn:aws:s3:::acme-reports/*']})

def trust_service(service):
    return doc({'Effect': 'Allow', 'Principal': {'Service': service}, 'Action': 'sts:AssumeRole'})

def role(name, trust, created, last_used, attached=(), inline=(), path='/', boundary=None, tags=None):
    arn = f'arn:aws:iam::{A}:role{path}{name}'
    # The role's access-advisor report lives with the unused-access part (85_unused_access.py).
    accessed, gaps = importlib.import_module('demo_parts.85_unused_access').last_accessed('role', name)
    return r('iam.role', name, {'name': name, 'arn': arn, 'path': path, 'createdAt': created, 'trustPolicy': trust,
        'attachedManagedPolicies': list(attached), 'inlinePolicies': [{'name': n, 'document': d} for n, d in inline],
        'permissionsBoundary': boundary, 'lastUsedAt': last_used, 'isServiceLinked': path.startswith('/aws-service-role/'),
        **accessed}, arn=arn, tags=tags, gaps=gaps)

def group(name, members, attached=(), inline=()):
    return r('iam.group', name, {'name': name, 'attachedManagedPolicies': list(attached),
        'inlinePolicies': [{'name': n, 'document': d} for n, d in inline], 'memberCount': members},
        arn=f'arn:aws:iam::{A}:group/{name}')

def managed(name, count, document, aws=False):
    arn = f'{AWS}{name}' if aws else f'arn:aws:iam::{A}:policy/{name}'
    return r('iam.managed-policy', arn, {'arn': arn, 'name': name, 'awsManaged': aws, 'attachmentCount': count,
        'defaultVersionDocument': document}, arn=arn)

def certificate(name, expiration, uploaded):
    arn = f'arn:aws:iam::{A}:server-certificate/{name}'
    return r('iam.server-certificate', name, {'name': name, 'arn': arn, 'expiration': expiration, 'uploadDate': uploaded}, arn=arn)

GITHUB = f'arn:aws:iam::{A}:oidc-provider/token.actions.githubusercontent.com'
def github_trust(condition):
    return doc({'Effect': 'Allow', 'Principal': {'Federated': GITHUB}, 'Action': 'sts:AssumeRoleWithWebIdentity', 'Condition': condition})

GLOBAL = [
    group('platform-admins', 2, attached=[f'{AWS}AdministratorAccess']),
    group('data-engineers', 1, attached=[f'{AWS}AWSCloudShellFullAccess'], inline=[('reports', READ_REPORTS)]),
    group('security-audit', 1, attached=[f'{AWS}SecurityAudit']),
    group('finance', 1, attached=[f'arn:aws:iam::{A}:policy/read-reports']),
    group('backup-operators', 1, attached=[f'arn:aws:iam::{A}:policy/s3-backup-writer']),
    group('ops-breakglass', 0, inline=[('break-glass', ADMIN)]),

    role('web', trust_service('ec2.amazonaws.com'), ago(700), ago(0), inline=[('reports', READ_REPORTS)]),
    role('app', trust_service('ec2.amazonaws.com'), ago(500), ago(0), attached=[f'arn:aws:iam::{A}:policy/read-reports']),
    role('order-webhook-role', trust_service('lambda.amazonaws.com'), ago(300), ago(0), attached=[f'{AWS}service-role/AWSLambdaBasicExecutionRole']),
    role('thumbnailer-role', trust_service('lambda.amazonaws.com'), ago(300), ago(1), inline=[('images', doc({'Sid': 'Images', 'Effect': 'Allow', 'Action': 's3:*', 'Resource': 'arn:aws:s3:::acme-images/*'}))]),
    role('orders-api', trust_service('ecs-tasks.amazonaws.com'), ago(400), ago(0), inline=[('tables', doc({'Effect': 'Allow', 'Action': 'dynamodb:*', 'Resource': '*'}))]),
    role('deploy-admin', trust_service('codebuild.amazonaws.com'), ago(800), ago(2), inline=[('everything', doc({'Sid': 'Everything', 'Effect': 'Allow', 'Action': '*', 'Resource': '*'}))]),
    role('ops-automation', trust_service('ssm.amazonaws.com'), ago(600), ago(5), attached=[f'arn:aws:iam::{A}:policy/platform-admin']),
    role('datadog-integration', doc({'Effect': 'Allow', 'Principal': {'AWS': 'arn:aws:iam::464622532012:root'}, 'Action': 'sts:AssumeRole', 'Condition': {'StringEquals': {'sts:ExternalId': '6c1f0d2e9b8a4f3c'}}}), ago(900), ago(0), attached=[f'{AWS}SecurityAudit']),
    role('vendor-cost-audit', doc({'Effect': 'Allow', 'Principal': {'AWS': 'arn:aws:iam::999988887777:root'}, 'Action': 'sts:AssumeRole'}), ago(1000), ago(210), attached=[f'{AWS}ReadOnlyAccess']),
    role('shared-readonly-test', doc({'Sid': 'AnyoneForTesting', 'Effect': 'Allow', 'Principal': {'AWS': '*'}, 'Action': 'sts:AssumeRole'}), ago(420), None, attached=[f'{AWS}ReadOnlyAccess']),
    role('org-readonly', doc({'Effect': 'Allow', 'Principal': {'AWS': '*'}, 'Action': 'sts:AssumeRole', 'Condition': {'StringEquals': {'aws:PrincipalOrgID': 'o-7x2k9q4m1z'}}}), ago(350), ago(3), attached=[f'{AWS}ReadOnlyAccess']),
    role('github-actions-deploy', github_trust({'StringEquals': {'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com'}}), ago(200), ago(1), attached=[f'arn:aws:iam::{A}:policy/s3-backup-writer']),
    role('github-actions-plan', github_trust({'StringEquals': {'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com'}, 'StringLike': {'token.actions.githubusercontent.com:sub': 'repo:acme/infrastructure:*'}}), ago(200), ago(1), attached=[f'{AWS}ReadOnlyAccess']),
    role('AWSServiceRoleForSupport', trust_service('support.amazonaws.com'), ago(1500), None, attached=[f'{AWS}aws-service-role/AWSSupportServiceRolePolicy'], path='/aws-service-role/support.amazonaws.com/'),
    role('AWSServiceRoleForElasticLoadBalancing', trust_service('elasticloadbalancing.amazonaws.com'), ago(1400), ago(0), attached=[f'{AWS}aws-service-role/AWSElasticLoadBalancingServiceRolePolicy'], path='/aws-service-role/elasticloadbalancing.amazonaws.com/'),

    managed('platform-admin', 1, ADMIN),
    managed('read-reports', 2, READ_REPORTS),
    managed('s3-backup-writer', 2, doc({'Sid': 'Backups', 'Effect': 'Allow', 'Action': ['s3:*', 'kms:GenerateDataKey'], 'Resource': '*'})),
    managed('old-admin-draft', 0, ADMIN),
    managed('AdministratorAccess', 2, ADMIN, aws=True),
    managed('AWSCloudShellFullAccess', 1, doc({'Effect': 'Allow', 'Action': ['cloudshell:*'], 'Resource': '*'}), aws=True),
    managed('ReadOnlyAccess', 4, doc({'Effect': 'Allow', 'Action': ['s3:Get*', 'ec2:Describe*'], 'Resource': '*'}), aws=True),
    managed('SecurityAudit', 2, doc({'Effect': 'Allow', 'Action': ['iam:Get*', 'iam:List*'], 'Resource': '*'}), aws=True),

    certificate('www-acme-example-2024', ago(45), ago(410)),
    certificate('api-acme-example-2026', ago(-240), ago(125)),
]
KINDS = ['iam.role', 'iam.group', 'iam.managed-policy', 'iam.server-certificate']
