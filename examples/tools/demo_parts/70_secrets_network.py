# Hardcoded secrets in configuration, subnets, and the network and edge checks: resources that make them fail
# (and pass) in the demo account. Secrets here are made-up passwords under secret-like names: no real token
# formats, so that no secret scanner mistakes the demo for a leak.
from demo_common import A, ago, r


def subnet(region, sid, vpc, az, public, auto_ip, default=False):
    return r('ec2.subnet', sid, {'subnetId': sid, 'vpcId': vpc, 'availabilityZone': az, 'defaultForAz': default,
             'mapPublicIpOnLaunch': auto_ip, 'routeTableId': f'rtb-{sid[7:]}{"-public" if public else "-private"}', 'public': public},
             arn=f'arn:aws:ec2:{region}:{A}:subnet/{sid}')


def user_data(region, iid, text):
    return r('ec2.instance-user-data', iid, {'instanceId': iid, 'userData': text}, arn=f'arn:aws:ec2:{region}:{A}:instance/{iid}')


def container(name, env, secrets=()):
    return {'name': name, 'image': f'{A}.dkr.ecr.us-east-1.amazonaws.com/{name}:2.3.1', 'privileged': False, 'readonlyRootFilesystem': True,
            'user': '1000', 'environment': env, 'secretsFromParameters': list(secrets), 'logDriver': 'awslogs'}


def task(region, family, revision, containers):
    arn = f'arn:aws:ecs:{region}:{A}:task-definition/{family}:{revision}'
    return r('ecs.task-definition', arn, {'arn': arn, 'family': family, 'revision': revision, 'networkMode': 'awsvpc', 'pidMode': None, 'containers': containers}, arn=arn)


def stack(region, name, outputs, parameters, suffix):
    sid = f'arn:aws:cloudformation:{region}:{A}:stack/{name}/{suffix}'
    return r('cloudformation.stack', sid, {'stackId': sid, 'name': name, 'status': 'UPDATE_COMPLETE', 'terminationProtection': True,
             'outputs': [{'key': k, 'value': v, 'description': None} for k, v in outputs],
             'parameters': [{'key': k, 'value': v, 'resolvedFromSsm': ssm} for k, v, ssm in parameters],
             'roleArn': f'arn:aws:iam::{A}:role/cfn-deploy', 'driftStatus': 'IN_SYNC'}, arn=sid)


def fn(region, name, env):
    return r('lambda.function', name, {'name': name, 'runtime': 'python3.12', 'packageType': 'Zip', 'role': f'arn:aws:iam::{A}:role/{name}-role',
             'environment': env, 'kmsKeyArn': None, 'vpcConfigured': True, 'urlAuthType': None, 'policy': None}, arn=f'arn:aws:lambda:{region}:{A}:function:{name}')


FETCH_SECRET = '#!/bin/bash\nset -euo pipefail\nDB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/storefront/db --query SecretString --output text)\nexport DB_PASSWORD\nsystemctl start storefront\n'
WIN_TOOLS = '<powershell>\n$AdminPassword = "Acme-Tools-2024!"\nnet user tools-admin $AdminPassword /add\n</powershell>\n'  # planted: generic-password (for the live secrets checks)
REPORTING = '#!/bin/bash\nexport REPORTING_DB_PASSWORD="rep0rting-ro-2023"\n/opt/reporting/run.sh --db reporting-replica\n'  # planted: generic-password (for the live secrets checks)

US_EAST_1 = [
    subnet('us-east-1', 'subnet-0a1', 'vpc-0f00d1e2a3b4c5d60', 'us-east-1a', True, False),
    subnet('us-east-1', 'subnet-0a2', 'vpc-0f00d1e2a3b4c5d60', 'us-east-1a', False, False),
    subnet('us-east-1', 'subnet-0d1', 'vpc-0d3f1a2b3c4d5e6f7', 'us-east-1b', True, True, default=True),
    user_data('us-east-1', 'i-0d1e2f3a4b5c60001', FETCH_SECRET),
    user_data('us-east-1', 'i-0d1e2f3a4b5c60002', FETCH_SECRET),
    user_data('us-east-1', 'i-0d1e2f3a4b5c60003', None),
    r('ec2.launch-template', 'lt-0a1b2c3d4e5f60003', {'launchTemplateId': 'lt-0a1b2c3d4e5f60003', 'name': 'reporting-workers', 'latestVersion': 5,
      'metadataOptions': {'httpEndpoint': 'enabled', 'httpTokens': 'required'}, 'userData': REPORTING, 'associatePublicIpAddress': False},
      arn=f'arn:aws:ec2:us-east-1:{A}:launch-template/lt-0a1b2c3d4e5f60003', tags={'team': 'data'}),
    fn('us-east-1', 'invoice-mailer', {'SMTP_HOST': 'email-smtp.us-east-1.amazonaws.com', 'SMTP_USER': 'invoices', 'SMTP_PASSWORD': 'Inv0ice-Mail-2025'}),  # planted: generic-password (for the live secrets checks)
    task('us-east-1', 'storefront-api', 14, [container('storefront-api', {'PORT': '8080', 'DB_SECRET_ARN': f'arn:aws:secretsmanager:us-east-1:{A}:secret:prod/storefront/db-a1b2c3'}, ['STRIPE_API_KEY'])]),
    task('us-east-1', 'legacy-import', 3, [container('importer', {'FTP_HOST': 'ftp.partner.example', 'FTP_PASSWORD': 'partner-ftp-2022'}), container('log-router', {})]),  # planted: generic-password (for the live secrets checks)
    stack('us-east-1', 'storefront-network', [('VpcId', 'vpc-0f00d1e2a3b4c5d60'), ('PublicSubnetId', 'subnet-0a1')], [('Environment', 'production', False), ('DbPassword', '****', False), ('AmiId', '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64', True)], '1f2e3d4c-5b6a-4789-8a0b-1c2d3e4f5a6b'),
    stack('us-east-1', 'reporting-db', [('Endpoint', 'reporting-replica.cxyz.us-east-1.rds.amazonaws.com'), ('MasterPassword', 'rep0rting-Master-2023')], [('MasterUsername', 'reporting', False), ('MasterUserPassword', 'rep0rting-Master-2023', False)], '9a8b7c6d-5e4f-4321-8fed-cba987654321'),
    r('elbv2.load-balancer', f'arn:aws:elasticloadbalancing:us-east-1:{A}:loadbalancer/net/sftp-nlb/7e1c2d3b4a5f6e7d', {'arn': f'arn:aws:elasticloadbalancing:us-east-1:{A}:loadbalancer/net/sftp-nlb/7e1c2d3b4a5f6e7d', 'name': 'sftp-nlb', 'type': 'network', 'scheme': 'internet-facing',
      'listeners': [{'port': 22, 'protocol': 'TCP', 'sslPolicy': None, 'defaultActionRedirectsToHttps': False}], 'dropInvalidHeaderFields': None, 'accessLogsEnabled': False, 'deletionProtection': False},
      arn=f'arn:aws:elasticloadbalancing:us-east-1:{A}:loadbalancer/net/sftp-nlb/7e1c2d3b4a5f6e7d', tags={'team': 'data'}),
]

EU_WEST_1 = [
    subnet('eu-west-1', 'subnet-0e1', 'vpc-0e11a2b3c4d5e6f70', 'eu-west-1a', True, True),
    subnet('eu-west-1', 'subnet-0e2', 'vpc-0e11a2b3c4d5e6f70', 'eu-west-1a', False, False),
    user_data('eu-west-1', 'i-0e1f2a3b4c5d60011', '#cloud-config\npackages:\n  - nginx\n'),
    user_data('eu-west-1', 'i-0e1f2a3b4c5d60012', WIN_TOOLS),
    r('ec2.security-group', 'sg-0e1f2a3b4c5d60014', {'groupId': 'sg-0e1f2a3b4c5d60014', 'groupName': 'fsx-file-share', 'vpcId': 'vpc-0e11a2b3c4d5e6f70', 'description': 'FSx for Windows file share',
      'ingress': [{'protocol': 'tcp', 'fromPort': 445, 'toPort': 445, 'ipv4Ranges': ['0.0.0.0/0'], 'ipv6Ranges': [], 'prefixListIds': [], 'sourceGroupIds': [], 'description': 'SMB for the branch offices'}],
      'egress': [{'protocol': '-1', 'fromPort': None, 'toPort': None, 'ipv4Ranges': ['0.0.0.0/0'], 'ipv6Ranges': [], 'prefixListIds': [], 'sourceGroupIds': [], 'description': None}]},
      arn=f'arn:aws:ec2:eu-west-1:{A}:security-group/sg-0e1f2a3b4c5d60014', tags={'app': 'windows-tools'}),
]

AP_SOUTHEAST_2 = [
    subnet('ap-southeast-2', 'subnet-0c1', 'vpc-0c21d2e3f4a5b6c70', 'ap-southeast-2a', True, True, default=True),
]

GLOBAL = [
    r('cloudfront.distribution', 'E1A2B3C4D5E6F7', {'id': 'E1A2B3C4D5E6F7', 'domainName': 'd222222abcdef8.cloudfront.net', 'enabled': True,
      'viewerProtocolPolicies': [{'pathPattern': None, 'policy': 'redirect-to-https'}], 'minimumProtocolVersion': 'TLSv1',
      'originProtocolPolicies': [{'originId': 'exports-api', 'domainName': 'exports-alb-123456.eu-west-1.elb.amazonaws.com', 'policy': 'http-only', 'sslProtocols': ['TLSv1.2']},
                                 {'originId': 'storefront', 'domainName': 'storefront.acme.example', 'policy': 'https-only', 'sslProtocols': ['TLSv1.2']}],
      'webAclId': f'arn:aws:wafv2:us-east-1:{A}:global/webacl/cdn-protection/3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9', 'loggingEnabled': True, 'defaultRootObject': None},
      arn=f'arn:aws:cloudfront::{A}:distribution/E1A2B3C4D5E6F7', tags={'team': 'data'}),
]
