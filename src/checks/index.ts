import type { Check } from '../core/check.js';
import accessanalyzerEnabled from './accessanalyzer/accessanalyzer-enabled.js';
import cloudfrontDistributionHttpsOnly from './cloudfront/cloudfront-distribution-https-only.js';
import cloudfrontDistributionLogging from './cloudfront/cloudfront-distribution-logging.js';
import cloudtrailKmsEncryption from './cloudtrail/cloudtrail-kms-encryption.js';
import cloudtrailLogFileValidationEnabled from './cloudtrail/cloudtrail-log-file-validation-enabled.js';
import cloudtrailMultiRegionTrailLogging from './cloudtrail/cloudtrail-multi-region-trail-logging.js';
import configRecorderEnabled from './config/config-recorder-enabled.js';
import dynamodbTablePointInTimeRecovery from './dynamodb/dynamodb-table-point-in-time-recovery.js';
import ec2DefaultSecurityGroupRestrictsAll from './ec2/ec2-default-security-group-restricts-all.js';
import ec2EbsEncryptionByDefault from './ec2/ec2-ebs-encryption-by-default.js';
import ec2ImageNotPublic from './ec2/ec2-image-not-public.js';
import ec2InstanceImdsv2Required from './ec2/ec2-instance-imdsv2-required.js';
import ec2LaunchTemplateImdsv2Required from './ec2/ec2-launch-template-imdsv2-required.js';
import ec2NetworkAclNoOpenAdminPorts from './ec2/ec2-network-acl-no-open-admin-ports.js';
import ec2SecurityGroupNoOpenAdminPorts from './ec2/ec2-security-group-no-open-admin-ports.js';
import ec2SecurityGroupNoOpenAllPorts from './ec2/ec2-security-group-no-open-all-ports.js';
import ec2SecurityGroupNoOpenDatabasePorts from './ec2/ec2-security-group-no-open-database-ports.js';
import ec2SnapshotNotPublic from './ec2/ec2-snapshot-not-public.js';
import ec2VolumeEncrypted from './ec2/ec2-volume-encrypted.js';
import ec2VpcFlowLogsEnabled from './ec2/ec2-vpc-flow-logs-enabled.js';
import ecrRepositoryImmutableTags from './ecr/ecr-repository-immutable-tags.js';
import ecrRepositoryScanOnPush from './ecr/ecr-repository-scan-on-push.js';
import efsFileSystemEncrypted from './efs/efs-file-system-encrypted.js';
import eksClusterEndpointNotPublic from './eks/eks-cluster-endpoint-not-public.js';
import elbv2LoadBalancerAccessLogs from './elbv2/elbv2-load-balancer-access-logs.js';
import elbv2LoadBalancerDropInvalidHeaders from './elbv2/elbv2-load-balancer-drop-invalid-headers.js';
import elbv2LoadBalancerHttpsListeners from './elbv2/elbv2-load-balancer-https-listeners.js';
import elbv2LoadBalancerModernTls from './elbv2/elbv2-load-balancer-modern-tls.js';
import guarddutyEnabled from './guardduty/guardduty-enabled.js';
import iamPasswordPolicyComplexity from './iam/iam-password-policy-complexity.js';
import iamPasswordPolicyExpires from './iam/iam-password-policy-expires.js';
import iamPasswordPolicyMinLength from './iam/iam-password-policy-min-length.js';
import iamPasswordPolicyPreventsReuse from './iam/iam-password-policy-prevents-reuse.js';
import iamRootHardwareMfa from './iam/iam-root-hardware-mfa.js';
import iamRootMfaEnabled from './iam/iam-root-mfa-enabled.js';
import iamRootNoAccessKeys from './iam/iam-root-no-access-keys.js';
import iamRootNotUsedRecently from './iam/iam-root-not-used-recently.js';
import iamUserAccessKeysRotated from './iam/iam-user-access-keys-rotated.js';
import iamUserConsoleMfa from './iam/iam-user-console-mfa.js';
import iamUserSingleActiveKey from './iam/iam-user-single-active-key.js';
import iamUserUnusedCredentials from './iam/iam-user-unused-credentials.js';
import kmsKeyNotPendingDeletion from './kms/kms-key-not-pending-deletion.js';
import kmsKeyRotationEnabled from './kms/kms-key-rotation-enabled.js';
import lambdaFunctionUrlRequiresAuth from './lambda/lambda-function-url-requires-auth.js';
import logsLogGroupEncrypted from './logs/logs-log-group-encrypted.js';
import logsLogGroupRetention from './logs/logs-log-group-retention.js';
import rdsClusterStorageEncrypted from './rds/rds-cluster-storage-encrypted.js';
import rdsInstanceAutoMinorVersionUpgrade from './rds/rds-instance-auto-minor-version-upgrade.js';
import rdsInstanceDeletionProtection from './rds/rds-instance-deletion-protection.js';
import rdsInstanceNotPublic from './rds/rds-instance-not-public.js';
import rdsInstanceStorageEncrypted from './rds/rds-instance-storage-encrypted.js';
import rdsSnapshotEncrypted from './rds/rds-snapshot-encrypted.js';
import rdsSnapshotNotPublic from './rds/rds-snapshot-not-public.js';
import s3AccountPublicAccessBlock from './s3/s3-account-public-access-block.js';
import s3BucketDenyInsecureTransport from './s3/s3-bucket-deny-insecure-transport.js';
import s3BucketPublicAccessBlock from './s3/s3-bucket-public-access-block.js';
import secretsmanagerSecretRotationEnabled from './secretsmanager/secretsmanager-secret-rotation-enabled.js';
import securityhubEnabled from './securityhub/securityhub-enabled.js';
import snsTopicEncrypted from './sns/sns-topic-encrypted.js';
import sqsQueueEncrypted from './sqs/sqs-queue-encrypted.js';
import ssmParameterSecretNotPlaintext from './ssm/ssm-parameter-secret-not-plaintext.js';

/** Every check onus ships, sorted by id. A test proves each check file under src/checks is listed here. */
export const CHECKS: readonly Check[] = [
  accessanalyzerEnabled,
  cloudfrontDistributionHttpsOnly,
  cloudfrontDistributionLogging,
  cloudtrailKmsEncryption,
  cloudtrailLogFileValidationEnabled,
  cloudtrailMultiRegionTrailLogging,
  configRecorderEnabled,
  dynamodbTablePointInTimeRecovery,
  ec2DefaultSecurityGroupRestrictsAll,
  ec2EbsEncryptionByDefault,
  ec2ImageNotPublic,
  ec2InstanceImdsv2Required,
  ec2LaunchTemplateImdsv2Required,
  ec2NetworkAclNoOpenAdminPorts,
  ec2SecurityGroupNoOpenAdminPorts,
  ec2SecurityGroupNoOpenAllPorts,
  ec2SecurityGroupNoOpenDatabasePorts,
  ec2SnapshotNotPublic,
  ec2VolumeEncrypted,
  ec2VpcFlowLogsEnabled,
  ecrRepositoryImmutableTags,
  ecrRepositoryScanOnPush,
  efsFileSystemEncrypted,
  eksClusterEndpointNotPublic,
  elbv2LoadBalancerAccessLogs,
  elbv2LoadBalancerDropInvalidHeaders,
  elbv2LoadBalancerHttpsListeners,
  elbv2LoadBalancerModernTls,
  guarddutyEnabled,
  iamPasswordPolicyComplexity,
  iamPasswordPolicyExpires,
  iamPasswordPolicyMinLength,
  iamPasswordPolicyPreventsReuse,
  iamRootHardwareMfa,
  iamRootMfaEnabled,
  iamRootNoAccessKeys,
  iamRootNotUsedRecently,
  iamUserAccessKeysRotated,
  iamUserConsoleMfa,
  iamUserSingleActiveKey,
  iamUserUnusedCredentials,
  kmsKeyNotPendingDeletion,
  kmsKeyRotationEnabled,
  lambdaFunctionUrlRequiresAuth,
  logsLogGroupEncrypted,
  logsLogGroupRetention,
  rdsClusterStorageEncrypted,
  rdsInstanceAutoMinorVersionUpgrade,
  rdsInstanceDeletionProtection,
  rdsInstanceNotPublic,
  rdsInstanceStorageEncrypted,
  rdsSnapshotEncrypted,
  rdsSnapshotNotPublic,
  s3AccountPublicAccessBlock,
  s3BucketDenyInsecureTransport,
  s3BucketPublicAccessBlock,
  secretsmanagerSecretRotationEnabled,
  securityhubEnabled,
  snsTopicEncrypted,
  sqsQueueEncrypted,
  ssmParameterSecretNotPlaintext,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
