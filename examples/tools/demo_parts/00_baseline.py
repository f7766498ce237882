# Resources that make the first checks of the catalog fail where the main generator's account did not.
from demo_common import A, ago, r

US_EAST_1 = [
    r('kms.key', '0d2f4a6c-8e0a-4c2e-9a4c-6e8a0c2e4a6c', {'keyId': '0d2f4a6c-8e0a-4c2e-9a4c-6e8a0c2e4a6c', 'description': 'old reporting exports (scheduled for deletion)', 'keyManager': 'CUSTOMER', 'keySpec': 'SYMMETRIC_DEFAULT', 'keyUsage': 'ENCRYPT_DECRYPT', 'keyState': 'PendingDeletion', 'origin': 'AWS_KMS', 'rotationEnabled': False, 'policy': {'Version': '2012-10-17', 'Statement': [{'Sid': 'Enable IAM User Permissions', 'Effect': 'Allow', 'Principal': {'AWS': f'arn:aws:iam::{A}:root'}, 'Action': 'kms:*', 'Resource': '*'}]}}, arn=f'arn:aws:kms:us-east-1:{A}:key/0d2f4a6c-8e0a-4c2e-9a4c-6e8a0c2e4a6c', tags={'team': 'data'}),
]
EU_WEST_1 = [
    r('rds.db-cluster', 'exports-analytics', {'identifier': 'exports-analytics', 'engine': 'aurora-mysql', 'storageEncrypted': False, 'kmsKeyId': None, 'deletionProtection': False, 'iamDatabaseAuthenticationEnabled': False, 'backupRetentionPeriod': 1, 'multiAZ': False}, arn=f'arn:aws:rds:eu-west-1:{A}:cluster:exports-analytics'),
]
