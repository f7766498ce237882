import type { Check } from '../core/check.js';
import accessanalyzerEnabled from './accessanalyzer/accessanalyzer-enabled.js';
import apigatewayStageAccessLogging from './apigateway/apigateway-stage-access-logging.js';
import apigatewayStageCacheEncrypted from './apigateway/apigateway-stage-cache-encrypted.js';
import apigatewayStageLogging from './apigateway/apigateway-stage-logging.js';
import apigatewayStageWaf from './apigateway/apigateway-stage-waf.js';
import cloudformationStackNoSecretsInOutputs from './cloudformation/cloudformation-stack-no-secrets-in-outputs.js';
import cloudformationStackSecretParametersNoEcho from './cloudformation/cloudformation-stack-secret-parameters-no-echo.js';
import cloudfrontDistributionDefaultRootObject from './cloudfront/cloudfront-distribution-default-root-object.js';
import cloudfrontDistributionHttpsOnly from './cloudfront/cloudfront-distribution-https-only.js';
import cloudfrontDistributionLogging from './cloudfront/cloudfront-distribution-logging.js';
import cloudfrontDistributionModernTls from './cloudfront/cloudfront-distribution-modern-tls.js';
import cloudfrontDistributionOriginHttps from './cloudfront/cloudfront-distribution-origin-https.js';
import cloudfrontDistributionWaf from './cloudfront/cloudfront-distribution-waf.js';
import cloudtrailBucketAccessLogging from './cloudtrail/cloudtrail-bucket-access-logging.js';
import cloudtrailBucketNotPublic from './cloudtrail/cloudtrail-bucket-not-public.js';
import cloudtrailCentralizedLogging from './cloudtrail/cloudtrail-centralized-logging.js';
import cloudtrailCloudwatchLogsIntegration from './cloudtrail/cloudtrail-cloudwatch-logs-integration.js';
import cloudtrailKmsEncryption from './cloudtrail/cloudtrail-kms-encryption.js';
import cloudtrailLogFileValidationEnabled from './cloudtrail/cloudtrail-log-file-validation-enabled.js';
import cloudtrailMultiRegionTrailLogging from './cloudtrail/cloudtrail-multi-region-trail-logging.js';
import cloudtrailS3DataEventsRead from './cloudtrail/cloudtrail-s3-data-events-read.js';
import cloudtrailS3DataEventsWrite from './cloudtrail/cloudtrail-s3-data-events-write.js';
import cloudwatchAlarmCloudtrailChanges from './cloudwatch/cloudwatch-alarm-cloudtrail-changes.js';
import cloudwatchAlarmConfigChanges from './cloudwatch/cloudwatch-alarm-config-changes.js';
import cloudwatchAlarmConsoleAuthFailures from './cloudwatch/cloudwatch-alarm-console-auth-failures.js';
import cloudwatchAlarmConsoleLoginWithoutMfa from './cloudwatch/cloudwatch-alarm-console-login-without-mfa.js';
import cloudwatchAlarmIamPolicyChanges from './cloudwatch/cloudwatch-alarm-iam-policy-changes.js';
import cloudwatchAlarmKmsKeyDisabledOrDeleted from './cloudwatch/cloudwatch-alarm-kms-key-disabled-or-deleted.js';
import cloudwatchAlarmNaclChanges from './cloudwatch/cloudwatch-alarm-nacl-changes.js';
import cloudwatchAlarmNetworkGatewayChanges from './cloudwatch/cloudwatch-alarm-network-gateway-changes.js';
import cloudwatchAlarmOrganizationsChanges from './cloudwatch/cloudwatch-alarm-organizations-changes.js';
import cloudwatchAlarmRootUsage from './cloudwatch/cloudwatch-alarm-root-usage.js';
import cloudwatchAlarmRouteTableChanges from './cloudwatch/cloudwatch-alarm-route-table-changes.js';
import cloudwatchAlarmS3BucketPolicyChanges from './cloudwatch/cloudwatch-alarm-s3-bucket-policy-changes.js';
import cloudwatchAlarmSecurityGroupChanges from './cloudwatch/cloudwatch-alarm-security-group-changes.js';
import cloudwatchAlarmUnauthorizedApiCalls from './cloudwatch/cloudwatch-alarm-unauthorized-api-calls.js';
import cloudwatchAlarmVpcChanges from './cloudwatch/cloudwatch-alarm-vpc-changes.js';
import configRecorderEnabled from './config/config-recorder-enabled.js';
import dynamodbTableDeletionProtection from './dynamodb/dynamodb-table-deletion-protection.js';
import dynamodbTableKmsEncryption from './dynamodb/dynamodb-table-kms-encryption.js';
import dynamodbTablePointInTimeRecovery from './dynamodb/dynamodb-table-point-in-time-recovery.js';
import ec2DefaultSecurityGroupRestrictsAll from './ec2/ec2-default-security-group-restricts-all.js';
import ec2EbsEncryptionByDefault from './ec2/ec2-ebs-encryption-by-default.js';
import ec2ImageNotPublic from './ec2/ec2-image-not-public.js';
import ec2InstanceImdsv2Required from './ec2/ec2-instance-imdsv2-required.js';
import ec2InstanceManagedBySsm from './ec2/ec2-instance-managed-by-ssm.js';
import ec2InstanceNoPublicIpInPublicSubnet from './ec2/ec2-instance-no-public-ip-in-public-subnet.js';
import ec2InstanceNoSecretsInUserData from './ec2/ec2-instance-no-secrets-in-user-data.js';
import ec2InstanceProfileAttached from './ec2/ec2-instance-profile-attached.js';
import ec2LaunchTemplateImdsv2Required from './ec2/ec2-launch-template-imdsv2-required.js';
import ec2LaunchTemplateNoSecretsInUserData from './ec2/ec2-launch-template-no-secrets-in-user-data.js';
import ec2NetworkAclNoOpenAdminPorts from './ec2/ec2-network-acl-no-open-admin-ports.js';
import ec2SecurityGroupNoOpenAdminPorts from './ec2/ec2-security-group-no-open-admin-ports.js';
import ec2SecurityGroupNoOpenAllPorts from './ec2/ec2-security-group-no-open-all-ports.js';
import ec2SecurityGroupNoOpenCifs from './ec2/ec2-security-group-no-open-cifs.js';
import ec2SecurityGroupNoOpenDatabasePorts from './ec2/ec2-security-group-no-open-database-ports.js';
import ec2SnapshotNotPublic from './ec2/ec2-snapshot-not-public.js';
import ec2SubnetNoAutoPublicIp from './ec2/ec2-subnet-no-auto-public-ip.js';
import ec2VolumeEncrypted from './ec2/ec2-volume-encrypted.js';
import ec2VpcDefaultNotInUse from './ec2/ec2-vpc-default-not-in-use.js';
import ec2VpcFlowLogsEnabled from './ec2/ec2-vpc-flow-logs-enabled.js';
import ecrRepositoryImmutableTags from './ecr/ecr-repository-immutable-tags.js';
import ecrRepositoryPolicyNotPublic from './ecr/ecr-repository-policy-not-public.js';
import ecrRepositoryScanOnPush from './ecr/ecr-repository-scan-on-push.js';
import ecsClusterContainerInsights from './ecs/ecs-cluster-container-insights.js';
import ecsTaskDefinitionLogging from './ecs/ecs-task-definition-logging.js';
import ecsTaskDefinitionNoHostPid from './ecs/ecs-task-definition-no-host-pid.js';
import ecsTaskDefinitionNoSecretsInEnvironment from './ecs/ecs-task-definition-no-secrets-in-environment.js';
import ecsTaskDefinitionNonRootUser from './ecs/ecs-task-definition-non-root-user.js';
import ecsTaskDefinitionNotPrivileged from './ecs/ecs-task-definition-not-privileged.js';
import ecsTaskDefinitionReadOnlyRoot from './ecs/ecs-task-definition-read-only-root.js';
import efsFileSystemBackupEnabled from './efs/efs-file-system-backup-enabled.js';
import efsFileSystemEncrypted from './efs/efs-file-system-encrypted.js';
import efsFileSystemPolicyNotPublic from './efs/efs-file-system-policy-not-public.js';
import eksClusterAuditLogging from './eks/eks-cluster-audit-logging.js';
import eksClusterEndpointNotPublic from './eks/eks-cluster-endpoint-not-public.js';
import eksClusterSecretsEncrypted from './eks/eks-cluster-secrets-encrypted.js';
import eksClusterSupportedVersion from './eks/eks-cluster-supported-version.js';
import elasticacheCacheClusterAutoMinorVersionUpgrade from './elasticache/elasticache-cache-cluster-auto-minor-version-upgrade.js';
import elasticacheCacheClusterNotDefaultSubnetGroup from './elasticache/elasticache-cache-cluster-not-default-subnet-group.js';
import elasticacheReplicationGroupAuthEnabled from './elasticache/elasticache-replication-group-auth-enabled.js';
import elasticacheReplicationGroupAutoMinorVersionUpgrade from './elasticache/elasticache-replication-group-auto-minor-version-upgrade.js';
import elasticacheReplicationGroupAutomaticBackups from './elasticache/elasticache-replication-group-automatic-backups.js';
import elasticacheReplicationGroupAutomaticFailover from './elasticache/elasticache-replication-group-automatic-failover.js';
import elasticacheReplicationGroupEncryptedAtRest from './elasticache/elasticache-replication-group-encrypted-at-rest.js';
import elasticacheReplicationGroupEncryptedInTransit from './elasticache/elasticache-replication-group-encrypted-in-transit.js';
import elasticacheReplicationGroupNotDefaultSubnetGroup from './elasticache/elasticache-replication-group-not-default-subnet-group.js';
import elbv2LoadBalancerAccessLogs from './elbv2/elbv2-load-balancer-access-logs.js';
import elbv2LoadBalancerDeletionProtection from './elbv2/elbv2-load-balancer-deletion-protection.js';
import elbv2LoadBalancerDropInvalidHeaders from './elbv2/elbv2-load-balancer-drop-invalid-headers.js';
import elbv2LoadBalancerHttpsListeners from './elbv2/elbv2-load-balancer-https-listeners.js';
import elbv2LoadBalancerModernTls from './elbv2/elbv2-load-balancer-modern-tls.js';
import guarddutyEksProtectionEnabled from './guardduty/guardduty-eks-protection-enabled.js';
import guarddutyEnabled from './guardduty/guardduty-enabled.js';
import guarddutyLambdaProtectionEnabled from './guardduty/guardduty-lambda-protection-enabled.js';
import guarddutyMalwareProtectionEnabled from './guardduty/guardduty-malware-protection-enabled.js';
import guarddutyNoOldHighSeverityFindings from './guardduty/guardduty-no-old-high-severity-findings.js';
import guarddutyRdsProtectionEnabled from './guardduty/guardduty-rds-protection-enabled.js';
import guarddutyRuntimeMonitoringEnabled from './guardduty/guardduty-runtime-monitoring-enabled.js';
import guarddutyS3ProtectionEnabled from './guardduty/guardduty-s3-protection-enabled.js';
import iamGroupInlinePolicyNoFullAdmin from './iam/iam-group-inline-policy-no-full-admin.js';
import iamPasswordPolicyComplexity from './iam/iam-password-policy-complexity.js';
import iamPasswordPolicyExpires from './iam/iam-password-policy-expires.js';
import iamPasswordPolicyMinLength from './iam/iam-password-policy-min-length.js';
import iamPasswordPolicyPreventsReuse from './iam/iam-password-policy-prevents-reuse.js';
import iamPolicyCloudshellFullAccessNotAttached from './iam/iam-policy-cloudshell-full-access-not-attached.js';
import iamPolicyNoFullAdmin from './iam/iam-policy-no-full-admin.js';
import iamPolicyNoWildcardServiceActions from './iam/iam-policy-no-wildcard-service-actions.js';
import iamRoleCrossAccountTrustExternalId from './iam/iam-role-cross-account-trust-external-id.js';
import iamRoleInlinePolicyNoFullAdmin from './iam/iam-role-inline-policy-no-full-admin.js';
import iamRoleInlinePolicyNoWildcardActions from './iam/iam-role-inline-policy-no-wildcard-actions.js';
import iamRoleNoPrivilegeEscalation from './iam/iam-role-no-privilege-escalation.js';
import iamRoleOidcTrustRestrictsSubject from './iam/iam-role-oidc-trust-restricts-subject.js';
import iamRoleTrustNotPublic from './iam/iam-role-trust-not-public.js';
import iamRoleUnused from './iam/iam-role-unused.js';
import iamRoleUnusedServices from './iam/iam-role-unused-services.js';
import iamRootHardwareMfa from './iam/iam-root-hardware-mfa.js';
import iamRootMfaEnabled from './iam/iam-root-mfa-enabled.js';
import iamRootNoAccessKeys from './iam/iam-root-no-access-keys.js';
import iamRootNotUsedRecently from './iam/iam-root-not-used-recently.js';
import iamServerCertificateNotExpired from './iam/iam-server-certificate-not-expired.js';
import iamSupportRoleExists from './iam/iam-support-role-exists.js';
import iamUserAccessKeysRotated from './iam/iam-user-access-keys-rotated.js';
import iamUserAdministratorAccessNotAttached from './iam/iam-user-administrator-access-not-attached.js';
import iamUserConsoleMfa from './iam/iam-user-console-mfa.js';
import iamUserInlinePolicyNoFullAdmin from './iam/iam-user-inline-policy-no-full-admin.js';
import iamUserInlinePolicyNoWildcardActions from './iam/iam-user-inline-policy-no-wildcard-actions.js';
import iamUserNoAttachedPolicies from './iam/iam-user-no-attached-policies.js';
import iamUserNoPrivilegeEscalation from './iam/iam-user-no-privilege-escalation.js';
import iamUserNotEffectiveAdmin from './iam/iam-user-not-effective-admin.js';
import iamUserSingleActiveKey from './iam/iam-user-single-active-key.js';
import iamUserUnusedCredentials from './iam/iam-user-unused-credentials.js';
import iamUserUnusedServices from './iam/iam-user-unused-services.js';
import inspector2Enabled from './inspector2/inspector2-enabled.js';
import kinesisStreamEncrypted from './kinesis/kinesis-stream-encrypted.js';
import kmsKeyNotPendingDeletion from './kms/kms-key-not-pending-deletion.js';
import kmsKeyPolicyNotPublic from './kms/kms-key-policy-not-public.js';
import kmsKeyRotationEnabled from './kms/kms-key-rotation-enabled.js';
import lambdaFunctionNoSecretsInEnvironment from './lambda/lambda-function-no-secrets-in-environment.js';
import lambdaFunctionPolicyNotPublic from './lambda/lambda-function-policy-not-public.js';
import lambdaFunctionSupportedRuntime from './lambda/lambda-function-supported-runtime.js';
import lambdaFunctionUrlRequiresAuth from './lambda/lambda-function-url-requires-auth.js';
import logsLogGroupEncrypted from './logs/logs-log-group-encrypted.js';
import logsLogGroupRetention from './logs/logs-log-group-retention.js';
import opensearchDomainAccessPolicyNotPublic from './opensearch/opensearch-domain-access-policy-not-public.js';
import opensearchDomainAuditLogging from './opensearch/opensearch-domain-audit-logging.js';
import opensearchDomainEncryptedAtRest from './opensearch/opensearch-domain-encrypted-at-rest.js';
import opensearchDomainErrorLogging from './opensearch/opensearch-domain-error-logging.js';
import opensearchDomainFineGrainedAccessControl from './opensearch/opensearch-domain-fine-grained-access-control.js';
import opensearchDomainHttpsRequired from './opensearch/opensearch-domain-https-required.js';
import opensearchDomainInVpc from './opensearch/opensearch-domain-in-vpc.js';
import opensearchDomainNodeToNodeEncryption from './opensearch/opensearch-domain-node-to-node-encryption.js';
import rdsClusterDeletionProtection from './rds/rds-cluster-deletion-protection.js';
import rdsClusterIamAuthentication from './rds/rds-cluster-iam-authentication.js';
import rdsClusterStorageEncrypted from './rds/rds-cluster-storage-encrypted.js';
import rdsInstanceAutoMinorVersionUpgrade from './rds/rds-instance-auto-minor-version-upgrade.js';
import rdsInstanceBackupEnabled from './rds/rds-instance-backup-enabled.js';
import rdsInstanceDeletionProtection from './rds/rds-instance-deletion-protection.js';
import rdsInstanceIamAuthentication from './rds/rds-instance-iam-authentication.js';
import rdsInstanceMultiAz from './rds/rds-instance-multi-az.js';
import rdsInstanceNotPublic from './rds/rds-instance-not-public.js';
import rdsInstanceRequireTls from './rds/rds-instance-require-tls.js';
import rdsInstanceStorageEncrypted from './rds/rds-instance-storage-encrypted.js';
import rdsSnapshotEncrypted from './rds/rds-snapshot-encrypted.js';
import rdsSnapshotNotPublic from './rds/rds-snapshot-not-public.js';
import redshiftClusterAuditLogging from './redshift/redshift-cluster-audit-logging.js';
import redshiftClusterAutomaticSnapshots from './redshift/redshift-cluster-automatic-snapshots.js';
import redshiftClusterEncrypted from './redshift/redshift-cluster-encrypted.js';
import redshiftClusterEnhancedVpcRouting from './redshift/redshift-cluster-enhanced-vpc-routing.js';
import redshiftClusterNotPublic from './redshift/redshift-cluster-not-public.js';
import redshiftClusterRequireSsl from './redshift/redshift-cluster-require-ssl.js';
import redshiftClusterVersionUpgrade from './redshift/redshift-cluster-version-upgrade.js';
import s3AccountPublicAccessBlock from './s3/s3-account-public-access-block.js';
import s3BucketAccessLogging from './s3/s3-bucket-access-logging.js';
import s3BucketAclNotPublic from './s3/s3-bucket-acl-not-public.js';
import s3BucketAclsDisabled from './s3/s3-bucket-acls-disabled.js';
import s3BucketDenyInsecureTransport from './s3/s3-bucket-deny-insecure-transport.js';
import s3BucketKmsEncryption from './s3/s3-bucket-kms-encryption.js';
import s3BucketMfaDeleteEnabled from './s3/s3-bucket-mfa-delete-enabled.js';
import s3BucketPolicyNotPublic from './s3/s3-bucket-policy-not-public.js';
import s3BucketPublicAccessBlock from './s3/s3-bucket-public-access-block.js';
import s3BucketVersioningEnabled from './s3/s3-bucket-versioning-enabled.js';
import sagemakerNotebookInstanceInVpc from './sagemaker/sagemaker-notebook-instance-in-vpc.js';
import sagemakerNotebookInstanceKmsEncrypted from './sagemaker/sagemaker-notebook-instance-kms-encrypted.js';
import sagemakerNotebookInstanceNoDirectInternet from './sagemaker/sagemaker-notebook-instance-no-direct-internet.js';
import sagemakerNotebookInstanceRootAccessDisabled from './sagemaker/sagemaker-notebook-instance-root-access-disabled.js';
import secretsmanagerSecretPolicyNotPublic from './secretsmanager/secretsmanager-secret-policy-not-public.js';
import secretsmanagerSecretRotatedRecently from './secretsmanager/secretsmanager-secret-rotated-recently.js';
import secretsmanagerSecretRotationEnabled from './secretsmanager/secretsmanager-secret-rotation-enabled.js';
import secretsmanagerSecretUnused from './secretsmanager/secretsmanager-secret-unused.js';
import securityhubEnabled from './securityhub/securityhub-enabled.js';
import securityhubStandardsEnabled from './securityhub/securityhub-standards-enabled.js';
import snsTopicEncrypted from './sns/sns-topic-encrypted.js';
import snsTopicPolicyNotPublic from './sns/sns-topic-policy-not-public.js';
import sqsQueueEncrypted from './sqs/sqs-queue-encrypted.js';
import sqsQueuePolicyNotPublic from './sqs/sqs-queue-policy-not-public.js';
import ssmManagedInstanceAgentOnline from './ssm/ssm-managed-instance-agent-online.js';
import ssmManagedInstancePatchCompliant from './ssm/ssm-managed-instance-patch-compliant.js';
import ssmParameterSecretNotPlaintext from './ssm/ssm-parameter-secret-not-plaintext.js';

/** Every check onus ships, sorted by id. A test proves each check file under src/checks is listed here. */
export const CHECKS: readonly Check[] = [
  accessanalyzerEnabled,
  apigatewayStageAccessLogging,
  apigatewayStageCacheEncrypted,
  apigatewayStageLogging,
  apigatewayStageWaf,
  cloudformationStackNoSecretsInOutputs,
  cloudformationStackSecretParametersNoEcho,
  cloudfrontDistributionDefaultRootObject,
  cloudfrontDistributionHttpsOnly,
  cloudfrontDistributionLogging,
  cloudfrontDistributionModernTls,
  cloudfrontDistributionOriginHttps,
  cloudfrontDistributionWaf,
  cloudtrailBucketAccessLogging,
  cloudtrailBucketNotPublic,
  cloudtrailCentralizedLogging,
  cloudtrailCloudwatchLogsIntegration,
  cloudtrailKmsEncryption,
  cloudtrailLogFileValidationEnabled,
  cloudtrailMultiRegionTrailLogging,
  cloudtrailS3DataEventsRead,
  cloudtrailS3DataEventsWrite,
  cloudwatchAlarmCloudtrailChanges,
  cloudwatchAlarmConfigChanges,
  cloudwatchAlarmConsoleAuthFailures,
  cloudwatchAlarmConsoleLoginWithoutMfa,
  cloudwatchAlarmIamPolicyChanges,
  cloudwatchAlarmKmsKeyDisabledOrDeleted,
  cloudwatchAlarmNaclChanges,
  cloudwatchAlarmNetworkGatewayChanges,
  cloudwatchAlarmOrganizationsChanges,
  cloudwatchAlarmRootUsage,
  cloudwatchAlarmRouteTableChanges,
  cloudwatchAlarmS3BucketPolicyChanges,
  cloudwatchAlarmSecurityGroupChanges,
  cloudwatchAlarmUnauthorizedApiCalls,
  cloudwatchAlarmVpcChanges,
  configRecorderEnabled,
  dynamodbTableDeletionProtection,
  dynamodbTableKmsEncryption,
  dynamodbTablePointInTimeRecovery,
  ec2DefaultSecurityGroupRestrictsAll,
  ec2EbsEncryptionByDefault,
  ec2ImageNotPublic,
  ec2InstanceImdsv2Required,
  ec2InstanceManagedBySsm,
  ec2InstanceNoPublicIpInPublicSubnet,
  ec2InstanceNoSecretsInUserData,
  ec2InstanceProfileAttached,
  ec2LaunchTemplateImdsv2Required,
  ec2LaunchTemplateNoSecretsInUserData,
  ec2NetworkAclNoOpenAdminPorts,
  ec2SecurityGroupNoOpenAdminPorts,
  ec2SecurityGroupNoOpenAllPorts,
  ec2SecurityGroupNoOpenCifs,
  ec2SecurityGroupNoOpenDatabasePorts,
  ec2SnapshotNotPublic,
  ec2SubnetNoAutoPublicIp,
  ec2VolumeEncrypted,
  ec2VpcDefaultNotInUse,
  ec2VpcFlowLogsEnabled,
  ecrRepositoryImmutableTags,
  ecrRepositoryPolicyNotPublic,
  ecrRepositoryScanOnPush,
  ecsClusterContainerInsights,
  ecsTaskDefinitionLogging,
  ecsTaskDefinitionNoHostPid,
  ecsTaskDefinitionNonRootUser,
  ecsTaskDefinitionNoSecretsInEnvironment,
  ecsTaskDefinitionNotPrivileged,
  ecsTaskDefinitionReadOnlyRoot,
  efsFileSystemBackupEnabled,
  efsFileSystemEncrypted,
  efsFileSystemPolicyNotPublic,
  eksClusterAuditLogging,
  eksClusterEndpointNotPublic,
  eksClusterSecretsEncrypted,
  eksClusterSupportedVersion,
  elasticacheCacheClusterAutoMinorVersionUpgrade,
  elasticacheCacheClusterNotDefaultSubnetGroup,
  elasticacheReplicationGroupAuthEnabled,
  elasticacheReplicationGroupAutoMinorVersionUpgrade,
  elasticacheReplicationGroupAutomaticBackups,
  elasticacheReplicationGroupAutomaticFailover,
  elasticacheReplicationGroupEncryptedAtRest,
  elasticacheReplicationGroupEncryptedInTransit,
  elasticacheReplicationGroupNotDefaultSubnetGroup,
  elbv2LoadBalancerAccessLogs,
  elbv2LoadBalancerDeletionProtection,
  elbv2LoadBalancerDropInvalidHeaders,
  elbv2LoadBalancerHttpsListeners,
  elbv2LoadBalancerModernTls,
  guarddutyEksProtectionEnabled,
  guarddutyEnabled,
  guarddutyLambdaProtectionEnabled,
  guarddutyMalwareProtectionEnabled,
  guarddutyNoOldHighSeverityFindings,
  guarddutyRdsProtectionEnabled,
  guarddutyRuntimeMonitoringEnabled,
  guarddutyS3ProtectionEnabled,
  iamGroupInlinePolicyNoFullAdmin,
  iamPasswordPolicyComplexity,
  iamPasswordPolicyExpires,
  iamPasswordPolicyMinLength,
  iamPasswordPolicyPreventsReuse,
  iamPolicyCloudshellFullAccessNotAttached,
  iamPolicyNoFullAdmin,
  iamPolicyNoWildcardServiceActions,
  iamRoleCrossAccountTrustExternalId,
  iamRoleInlinePolicyNoFullAdmin,
  iamRoleInlinePolicyNoWildcardActions,
  iamRoleNoPrivilegeEscalation,
  iamRoleOidcTrustRestrictsSubject,
  iamRoleTrustNotPublic,
  iamRoleUnused,
  iamRoleUnusedServices,
  iamRootHardwareMfa,
  iamRootMfaEnabled,
  iamRootNoAccessKeys,
  iamRootNotUsedRecently,
  iamServerCertificateNotExpired,
  iamSupportRoleExists,
  iamUserAccessKeysRotated,
  iamUserAdministratorAccessNotAttached,
  iamUserConsoleMfa,
  iamUserInlinePolicyNoFullAdmin,
  iamUserInlinePolicyNoWildcardActions,
  iamUserNoAttachedPolicies,
  iamUserNoPrivilegeEscalation,
  iamUserNotEffectiveAdmin,
  iamUserSingleActiveKey,
  iamUserUnusedCredentials,
  iamUserUnusedServices,
  inspector2Enabled,
  kinesisStreamEncrypted,
  kmsKeyNotPendingDeletion,
  kmsKeyPolicyNotPublic,
  kmsKeyRotationEnabled,
  lambdaFunctionNoSecretsInEnvironment,
  lambdaFunctionPolicyNotPublic,
  lambdaFunctionSupportedRuntime,
  lambdaFunctionUrlRequiresAuth,
  logsLogGroupEncrypted,
  logsLogGroupRetention,
  opensearchDomainAccessPolicyNotPublic,
  opensearchDomainAuditLogging,
  opensearchDomainEncryptedAtRest,
  opensearchDomainErrorLogging,
  opensearchDomainFineGrainedAccessControl,
  opensearchDomainHttpsRequired,
  opensearchDomainInVpc,
  opensearchDomainNodeToNodeEncryption,
  rdsClusterDeletionProtection,
  rdsClusterIamAuthentication,
  rdsClusterStorageEncrypted,
  rdsInstanceAutoMinorVersionUpgrade,
  rdsInstanceBackupEnabled,
  rdsInstanceDeletionProtection,
  rdsInstanceIamAuthentication,
  rdsInstanceMultiAz,
  rdsInstanceNotPublic,
  rdsInstanceRequireTls,
  rdsInstanceStorageEncrypted,
  rdsSnapshotEncrypted,
  rdsSnapshotNotPublic,
  redshiftClusterAuditLogging,
  redshiftClusterAutomaticSnapshots,
  redshiftClusterEncrypted,
  redshiftClusterEnhancedVpcRouting,
  redshiftClusterNotPublic,
  redshiftClusterRequireSsl,
  redshiftClusterVersionUpgrade,
  s3AccountPublicAccessBlock,
  s3BucketAccessLogging,
  s3BucketAclNotPublic,
  s3BucketAclsDisabled,
  s3BucketDenyInsecureTransport,
  s3BucketKmsEncryption,
  s3BucketMfaDeleteEnabled,
  s3BucketPolicyNotPublic,
  s3BucketPublicAccessBlock,
  s3BucketVersioningEnabled,
  sagemakerNotebookInstanceInVpc,
  sagemakerNotebookInstanceKmsEncrypted,
  sagemakerNotebookInstanceNoDirectInternet,
  sagemakerNotebookInstanceRootAccessDisabled,
  secretsmanagerSecretPolicyNotPublic,
  secretsmanagerSecretRotatedRecently,
  secretsmanagerSecretRotationEnabled,
  secretsmanagerSecretUnused,
  securityhubEnabled,
  securityhubStandardsEnabled,
  snsTopicEncrypted,
  snsTopicPolicyNotPublic,
  sqsQueueEncrypted,
  sqsQueuePolicyNotPublic,
  ssmManagedInstanceAgentOnline,
  ssmManagedInstancePatchCompliant,
  ssmParameterSecretNotPlaintext,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
