import type { Check } from '../core/check.js';
import cloudtrailLogFileValidationEnabled from './cloudtrail/cloudtrail-log-file-validation-enabled.js';
import cloudtrailMultiRegionTrailLogging from './cloudtrail/cloudtrail-multi-region-trail-logging.js';
import ec2EbsEncryptionByDefault from './ec2/ec2-ebs-encryption-by-default.js';
import ec2InstanceImdsv2Required from './ec2/ec2-instance-imdsv2-required.js';
import ec2SecurityGroupNoOpenAdminPorts from './ec2/ec2-security-group-no-open-admin-ports.js';
import guarddutyEnabled from './guardduty/guardduty-enabled.js';
import iamPasswordPolicyMinLength from './iam/iam-password-policy-min-length.js';
import iamPasswordPolicyPreventsReuse from './iam/iam-password-policy-prevents-reuse.js';
import iamRootMfaEnabled from './iam/iam-root-mfa-enabled.js';
import iamRootNoAccessKeys from './iam/iam-root-no-access-keys.js';
import iamUserAccessKeysRotated from './iam/iam-user-access-keys-rotated.js';
import iamUserConsoleMfa from './iam/iam-user-console-mfa.js';
import kmsKeyRotationEnabled from './kms/kms-key-rotation-enabled.js';
import s3AccountPublicAccessBlock from './s3/s3-account-public-access-block.js';
import s3BucketDenyInsecureTransport from './s3/s3-bucket-deny-insecure-transport.js';
import s3BucketPublicAccessBlock from './s3/s3-bucket-public-access-block.js';
import secretsmanagerSecretRotationEnabled from './secretsmanager/secretsmanager-secret-rotation-enabled.js';

/** Every check onus ships, sorted by id. A test proves each check file under src/checks is listed here. */
export const CHECKS: readonly Check[] = [
  cloudtrailLogFileValidationEnabled,
  cloudtrailMultiRegionTrailLogging,
  ec2EbsEncryptionByDefault,
  ec2InstanceImdsv2Required,
  ec2SecurityGroupNoOpenAdminPorts,
  guarddutyEnabled,
  iamPasswordPolicyMinLength,
  iamPasswordPolicyPreventsReuse,
  iamRootMfaEnabled,
  iamRootNoAccessKeys,
  iamUserAccessKeysRotated,
  iamUserConsoleMfa,
  kmsKeyRotationEnabled,
  s3AccountPublicAccessBlock,
  s3BucketDenyInsecureTransport,
  s3BucketPublicAccessBlock,
  secretsmanagerSecretRotationEnabled,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
