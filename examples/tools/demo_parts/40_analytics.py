# Analytics and APIs: OpenSearch domains, Kinesis streams, SageMaker notebooks and API Gateway stages, plus a
# DynamoDB table on a customer managed key (the baseline tables all use the AWS owned key).
from demo_common import A, r

KINDS = ['opensearch.domain', 'kinesis.stream', 'sagemaker.notebook-instance', 'apigateway.stage']

KEY = f'arn:aws:kms:us-east-1:{A}:key/6f1c2a9e-1d4b-4c8e-9a51-0b7e2c4d8f10'


def domain(region, name, version, at_rest, n2n, https, tls, vpc, logs, fgac, policy=None):
    arn = f'arn:aws:es:{region}:{A}:domain/{name}'
    return r('opensearch.domain', name, {
        'name': name, 'arn': arn, 'engineVersion': version, 'encryptionAtRest': at_rest,
        'nodeToNodeEncryption': n2n, 'enforceHttps': https, 'tlsSecurityPolicy': tls, 'vpc': vpc,
        'logPublishing': logs, 'advancedSecurity': fgac, 'accessPolicies': policy,
    }, arn=arn)


def stream(region, name, key, hours=24):
    arn = f'arn:aws:kinesis:{region}:{A}:stream/{name}'
    return r('kinesis.stream', name, {
        'name': name, 'arn': arn, 'encryptionType': 'KMS' if key else 'NONE', 'keyId': key,
        'retentionHours': hours,
    }, arn=arn)


def notebook(region, name, key, internet, root, subnet, status='InService'):
    return r('sagemaker.notebook-instance', name, {
        'name': name, 'kmsKeyId': key, 'directInternetAccess': internet, 'rootAccess': root,
        'subnetId': subnet, 'status': status,
    }, arn=f'arn:aws:sagemaker:{region}:{A}:notebook-instance/{name}')


def stage(region, api_id, api_name, name, access_logs, logging, cache, cache_encrypted, waf, tags=None):
    return r('apigateway.stage', f'{api_id}/{name}', {
        'apiId': api_id, 'apiName': api_name, 'stageName': name,
        'accessLogDestination': f'arn:aws:logs:{region}:{A}:log-group:/apigateway/{api_name}' if access_logs else None,
        'executionLogging': logging, 'cacheClusterEnabled': cache, 'cacheDataEncrypted': cache_encrypted,
        'webAclArn': f'arn:aws:wafv2:{region}:{A}:regional/webacl/{api_name}/3c2b1a09' if waf else None,
        'clientCertificateId': None, 'tracingEnabled': logging != 'OFF',
    }, arn=f'arn:aws:apigateway:{region}::/restapis/{api_id}/stages/{name}', tags=tags)


PUBLIC_SEARCH_POLICY = {'Version': '2012-10-17', 'Statement': [
    {'Effect': 'Allow', 'Principal': {'AWS': '*'}, 'Action': 'es:ESHttp*',
     'Resource': f'arn:aws:es:eu-west-1:{A}:domain/exports-search/*'}]}

US_EAST_1 = [
    domain('us-east-1', 'storefront-search', 'OpenSearch_2.13', True, True, True, 'Policy-Min-TLS-1-2-PFS-2023-10',
           True, ['AUDIT_LOGS', 'ES_APPLICATION_LOGS'], True),
    stream('us-east-1', 'storefront-clickstream', KEY),
    stream('us-east-1', 'order-events-raw', None, 168),
    notebook('us-east-1', 'fraud-research', KEY, False, False, 'subnet-0a1'),
    notebook('us-east-1', 'marketing-scratch', None, True, True, None, 'Stopped'),
    stage('us-east-1', 'a1b2c3d4e5', 'storefront-api', 'prod', True, 'ERROR', True, True, True, {'app': 'storefront'}),
    stage('us-east-1', 'a1b2c3d4e5', 'storefront-api', 'staging', False, 'OFF', True, False, False, {'app': 'storefront'}),
    r('dynamodb.table', 'payments-ledger', {'name': 'payments-ledger', 'sseType': 'KMS', 'kmsKeyArn': KEY,
      'pointInTimeRecovery': True, 'deletionProtection': True, 'billingMode': 'PROVISIONED'},
      arn=f'arn:aws:dynamodb:us-east-1:{A}:table/payments-ledger'),
]
EU_WEST_1 = [
    domain('eu-west-1', 'exports-search', 'Elasticsearch_7.10', False, False, True, 'Policy-Min-TLS-1-0-2019-07',
           False, ['INDEX_SLOW_LOGS'], False, PUBLIC_SEARCH_POLICY),
    stage('eu-west-1', 'f6g7h8i9j0', 'exports-api', 'v1', True, 'INFO', False, False, False),
]
AP_SOUTHEAST_2 = [
    # A public endpoint, but only the catalog role may call it.
    domain('ap-southeast-2', 'apac-catalog-search', 'OpenSearch_2.13', True, True, True,
           'Policy-Min-TLS-1-2-2019-07', False, ['AUDIT_LOGS', 'ES_APPLICATION_LOGS'], True,
           {'Version': '2012-10-17', 'Statement': [
               {'Effect': 'Allow', 'Principal': {'AWS': f'arn:aws:iam::{A}:role/apac-catalog'}, 'Action': 'es:ESHttp*',
                'Resource': f'arn:aws:es:ap-southeast-2:{A}:domain/apac-catalog-search/*'}]}),
]
