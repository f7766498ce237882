# Data exposure through resource policies and S3 settings: a partner integration that was opened to the world,
# a forgotten secret, and a well-kept legal-hold bucket for contrast.
# Resources of other areas' kinds (trail, function, queue, topic, repository, file system) are made with the
# generator's own builders, so they keep following their kinds' schemas; only their policy is set here.
import sys
from demo_common import A, ago

gen = sys.modules['__main__']


def allow_everyone(sid, actions, resource='*', condition=None):
    statement = {'Sid': sid, 'Effect': 'Allow', 'Principal': '*', 'Action': actions, 'Resource': resource}
    if condition:
        statement['Condition'] = condition
    return statement


def policy(*statements):
    return {'Version': '2012-10-17', 'Statement': list(statements)}


def with_policy(resource, document):
    resource['attributes']['policy'] = document
    return resource


ALL_ON = {'blockPublicAcls': True, 'ignorePublicAcls': True, 'blockPublicPolicy': True, 'restrictPublicBuckets': True}
LOG_WRITE = {'Sid': 'S3ServerAccessLogs', 'Effect': 'Allow', 'Principal': {'Service': 'logging.s3.amazonaws.com'}, 'Action': 's3:PutObject',
             'Resource': 'arn:aws:s3:::acme-s3-access-logs/*', 'Condition': {'StringEquals': {'aws:SourceAccount': A}}}
EVERYONE_READ = {'granteeType': 'Group', 'grantee': 'http://acs.amazonaws.com/groups/global/AllUsers', 'permission': 'READ'}
ANY_ACCOUNT_WRITE = {'granteeType': 'Group', 'grantee': 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers', 'permission': 'WRITE'}
PARTNER_KEY = '5e7a9c1b-3d5f-4b7d-9f1b-3d5f7a9c1b3d'

US_EAST_1 = [
    # Where every classified bucket sends its access logs; it does not log its own access (that would loop).
    gen.bucket('acme-s3-access-logs', 'us-east-1', ALL_ON, policy(LOG_WRITE), tags={'data-classification': 'audit'}, logging=None),
    # Kept for litigation: versioned, MFA Delete on, KMS, logged.
    gen.bucket('acme-legal-hold', 'us-east-1', ALL_ON, None, ('aws:kms', f'arn:aws:kms:us-east-1:{A}:key/6f1c2a9e-1d4b-4c8e-9a51-0b7e2c4d8f10'),
               tags={'data-classification': 'restricted'}, mfa_delete=True),
    # A partner upload bucket set up the old way: ACLs on, everyone may list it, any AWS account may write.
    gen.bucket('acme-partner-uploads', 'us-east-1', None, None, versioning='Suspended', acl=[gen.OWNER_GRANT, EVERYONE_READ, ANY_ACCOUNT_WRITE],
               ownership='ObjectWriter', tags={'team': 'partners'}),
    gen.kms('us-east-1', PARTNER_KEY, 'partner file exchange', 'CUSTOMER', True, tags={'team': 'partners'},
            policy=policy(gen.DEFAULT_KEY_POLICY['Statement'][0],
                          allow_everyone('AllowUseThroughS3', ['kms:Decrypt', 'kms:GenerateDataKey'],
                                         condition={'StringEquals': {'kms:ViaService': 's3.us-east-1.amazonaws.com'}}))),
    gen.secret('us-east-1', 'prod/legacy/ftp-password', False, None, None, ago(400), accessed=None),
    gen.secret('us-east-1', 'partners/api-token', True, 30, ago(12), ago(200), accessed=2,
               policy=policy(allow_everyone('PartnerRead', 'secretsmanager:GetSecretValue'))),
    gen.secret('us-east-1', 'prod/storefront/session-key', True, 30, ago(3), ago(200), accessed=0,
               policy=policy({'Sid': 'OrgRead', 'Effect': 'Allow', 'Principal': '*', 'Action': 'secretsmanager:GetSecretValue', 'Resource': '*',
                              'Condition': {'StringEquals': {'aws:PrincipalOrgID': 'o-a1b2c3d4e5'}}})),
    with_policy(gen.fn('us-east-1', 'partner-webhook', 'nodejs20.x', None, {}),
                policy(allow_everyone('PartnerInvoke', 'lambda:InvokeFunction', f'arn:aws:lambda:us-east-1:{A}:function:partner-webhook'))),
    with_policy(gen.fn('us-east-1', 'image-resizer', 'python3.12', None, {}),
                policy({'Sid': 'S3Invoke', 'Effect': 'Allow', 'Principal': {'Service': 's3.amazonaws.com'}, 'Action': 'lambda:InvokeFunction',
                        'Resource': f'arn:aws:lambda:us-east-1:{A}:function:image-resizer',
                        'Condition': {'ArnLike': {'AWS:SourceArn': 'arn:aws:s3:::acme-partner-uploads'}, 'StringEquals': {'AWS:SourceAccount': A}}})),
    with_policy(gen.queue('us-east-1', 'partner-orders', True),
                policy(allow_everyone('PartnerSend', 'sqs:SendMessage', f'arn:aws:sqs:us-east-1:{A}:partner-orders'))),
    with_policy(gen.topic('us-east-1', 'partner-notifications', 'alias/aws/sns'),
                policy(allow_everyone('PartnerSubscribe', ['SNS:Subscribe', 'SNS:Receive'], f'arn:aws:sns:us-east-1:{A}:partner-notifications'))),
    with_policy(gen.topic('us-east-1', 'ops-events', 'alias/aws/sns'),
                policy({'Sid': '__default_statement_ID', 'Effect': 'Allow', 'Principal': {'AWS': '*'}, 'Action': ['SNS:Publish', 'SNS:Subscribe'],
                        'Resource': f'arn:aws:sns:us-east-1:{A}:ops-events', 'Condition': {'StringEquals': {'AWS:SourceOwner': A}}})),
    with_policy(gen.repo('us-east-1', 'partner-sdk', True, 'IMMUTABLE'),
                policy(allow_everyone('PublicPull', ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']))),
    with_policy(gen.efs('us-east-1', 'fs-0a1b2c3d4e5f60002', True),
                policy(allow_everyone('AnyoneMount', ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']))),
]
EU_WEST_1 = [
    # Files for partners, opened to the world; a trail that was pointed at it for a debugging session still writes there.
    gen.bucket('acme-eu-partner-drop', 'eu-west-1', None,
               policy(allow_everyone('PartnerDrop', ['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::acme-eu-partner-drop/*')), tags={'team': 'partners'}),
    gen.trail('eu-west-1', 'partner-exchange-audit', False, True, True, 'acme-eu-partner-drop', None),
]
