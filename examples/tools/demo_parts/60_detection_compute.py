# Detection services (GuardDuty plans and findings, Inspector, Systems Manager) and compute hygiene (ECS, EKS).
from demo_common import A, ago, r

ALL_PLANS = {'CLOUD_TRAIL': 'ENABLED', 'DNS_LOGS': 'ENABLED', 'FLOW_LOGS': 'ENABLED', 'S3_DATA_EVENTS': 'DISABLED', 'EKS_AUDIT_LOGS': 'DISABLED',
             'EBS_MALWARE_PROTECTION': 'ENABLED', 'RDS_LOGIN_EVENTS': 'ENABLED', 'LAMBDA_NETWORK_LOGS': 'ENABLED', 'EKS_RUNTIME_MONITORING': 'DISABLED',
             'RUNTIME_MONITORING': 'ENABLED'}


def detector(region, did, features, findings):
    return r('guardduty.detector', did, {'detectorId': did, 'status': 'ENABLED', 'features': features, 'highSeverityFindings': {'findings': findings, 'truncated': False}},
             arn=f'arn:aws:guardduty:{region}:{A}:detector/{did}')


def finding(fid, ftype, severity, age, resource):
    return {'id': fid, 'type': ftype, 'severity': severity, 'createdAt': ago(age), 'updatedAt': ago(0), 'resource': resource}


def inspector(region, ec2, ecr, lam, code):
    return r('inspector2.account', region, {'ec2': ec2, 'ecr': ecr, 'lambda': lam, 'lambdaCode': code})


def managed(region, iid, ping, patch, last=0, platform='Linux'):
    arn = f'arn:aws:ssm:{region}:{A}:managed-instance/{iid}' if iid.startswith('mi-') else f'arn:aws:ec2:{region}:{A}:instance/{iid}'
    return r('ssm.managed-instance', iid, {'instanceId': iid, 'pingStatus': ping, 'platformType': platform, 'agentVersion': '3.3.1142.0', 'lastPingAt': ago(last), 'patchCompliance': patch}, arn=arn)


def cluster(region, name, insights):
    arn = f'arn:aws:ecs:{region}:{A}:cluster/{name}'
    return r('ecs.cluster', arn, {'name': name, 'containerInsights': insights, 'status': 'ACTIVE'}, arn=arn)


def task(region, family, revision, pid, containers):
    arn = f'arn:aws:ecs:{region}:{A}:task-definition/{family}:{revision}'
    return r('ecs.task-definition', arn, {'arn': arn, 'family': family, 'revision': revision, 'networkMode': 'awsvpc' if pid is None else 'host', 'pidMode': pid, 'containers': containers}, arn=arn)


def container(name, privileged=False, read_only=True, user='1000', log='awslogs'):
    return {'name': name, 'image': f'{A}.dkr.ecr.us-east-1.amazonaws.com/{name}:5.0.2', 'privileged': privileged, 'readonlyRootFilesystem': read_only,
            'user': user, 'environment': {}, 'secretsFromParameters': [], 'logDriver': log}


def eks(region, name, version, secrets, logs):
    return r('eks.cluster', name, {'name': name, 'version': version, 'endpointPublicAccess': False, 'endpointPrivateAccess': True, 'publicAccessCidrs': [],
                                   'secretsEncryption': secrets, 'enabledLogTypes': logs}, arn=f'arn:aws:eks:{region}:{A}:cluster/{name}')


US_EAST_1 = [
    inspector('us-east-1', 'ENABLED', 'ENABLED', 'ENABLED', 'DISABLED'),
    managed('us-east-1', 'i-0d1e2f3a4b5c60001', 'Online', 'COMPLIANT'),
    managed('us-east-1', 'i-0d1e2f3a4b5c60002', 'Online', 'NON_COMPLIANT'),
    managed('us-east-1', 'mi-0a1b2c3d4e5f60001', 'ConnectionLost', None, last=41),
    cluster('us-east-1', 'storefront', 'enhanced'),
    cluster('us-east-1', 'batch', 'disabled'),
    task('us-east-1', 'batch-worker', 22, 'host', [container('batch-worker', privileged=True, read_only=False, user=None, log=None), container('metrics-agent', user='root')]),
    eks('us-east-1', 'analytics', '1.34', False, []),
]
EU_WEST_1 = [
    detector('eu-west-1', '8f2e4d6c0b1a3c5e7f9d1b3a5c7e9f0b', ALL_PLANS, [
        finding('a4c9e1f2b3d4c5e6f7a8b9c0d1e2f3a4', 'CryptoCurrency:EC2/BitcoinTool.B!DNS', 8.0, 75, 'Instance i-0e1f2a3b4c5d60012'),
        finding('b5d0f2a3c4e5d6f7a8b9c0d1e2f3a4b5', 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS', 8.0, 3, 'AccessKey ASIAQXAMPLEEXPORTS01 (exports-role)'),
    ]),
    inspector('eu-west-1', 'ENABLED', 'DISABLED', 'DISABLED', 'DISABLED'),
    managed('eu-west-1', 'i-0e1f2a3b4c5d60011', 'Online', 'COMPLIANT'),
]
AP_SOUTHEAST_2 = [
    inspector('ap-southeast-2', 'DISABLED', 'DISABLED', 'DISABLED', 'DISABLED'),
]
KINDS = ['inspector2.account', 'ssm.managed-instance', 'ecs.cluster', 'ecs.task-definition', 'guardduty.detector']
