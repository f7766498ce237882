# IAM least-privilege analysis (onus iam ...): roles that give the demo's principals a privilege-escalation path.
# The admins (alice, carol, dave, legacy-reporting, deploy-admin, ops-automation) and the exposed resources
# (public buckets, queue, secret, function) come from the other parts.
from demo_common import A, ago, r

def doc(*statements):
    return {'Version': '2012-10-17', 'Statement': list(statements)}

def role(name, service, inline, accessed, created=400, used=1):
    arn = f'arn:aws:iam::{A}:role/{name}'
    trust = doc({'Effect': 'Allow', 'Principal': {'Service': service}, 'Action': 'sts:AssumeRole'})
    return r('iam.role', name, {'name': name, 'arn': arn, 'path': '/', 'createdAt': ago(created), 'trustPolicy': trust,
        'attachedManagedPolicies': [], 'inlinePolicies': [{'name': n, 'document': d} for n, d in inline],
        'permissionsBoundary': None, 'lastUsedAt': ago(used), 'isServiceLinked': False,
        # What the role's access-advisor report says it used (service, days ago).
        'servicesLastAccessed': [{'service': svc, 'lastAuthenticatedAt': ago(days)} for svc, days in accessed]}, arn=arn)

GLOBAL = [
    # The role CloudFormation runs stacks as: administrator, so that stacks may create anything. ci-deploy holds
    # cloudformation:* and iam:PassRole on *: it can create a stack as this role (cloudformation-create-stack-pass-role).
    role('cfn-provisioner', 'cloudformation.amazonaws.com',
         [('provision-anything', doc({'Sid': 'ProvisionAnything', 'Effect': 'Allow', 'Action': '*', 'Resource': '*'}))],
         [('cloudformation', 1), ('s3', 1), ('iam', 3), ('lambda', 3)]),
    # A build role allowed to "manage its own permissions": iam:PutRolePolicy on itself makes it administrator.
    role('nightly-build', 'codebuild.amazonaws.com',
         [('build', doc({'Sid': 'Artifacts', 'Effect': 'Allow', 'Action': ['s3:GetObject', 's3:PutObject'], 'Resource': 'arn:aws:s3:::acme-build-artifacts/*'},
                        {'Sid': 'SelfManagedPermissions', 'Effect': 'Allow', 'Action': ['iam:PutRolePolicy', 'iam:GetRolePolicy'], 'Resource': f'arn:aws:iam::{A}:role/nightly-build'}))],
         [('s3', 0), ('iam', 30)]),
    # Attached to order-webhook-role: in the snapshot so that role's permissions are fully known to the analyses.
    r('iam.managed-policy', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      {'arn': 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'name': 'AWSLambdaBasicExecutionRole',
       'awsManaged': True, 'attachmentCount': 1,
       'defaultVersionDocument': doc({'Effect': 'Allow', 'Action': ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], 'Resource': '*'})},
      arn='arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'),
]
