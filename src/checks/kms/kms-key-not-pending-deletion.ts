import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

const PENDING = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

export default defineCheck({
  id: 'kms-key-not-pending-deletion',
  title: 'Customer managed KMS key is not scheduled for deletion',
  description:
    'A customer managed key in the PendingDeletion state (or PendingReplicaDeletion, for a multi-Region replica) is deleted for good when its 7 to 30 day waiting period ends, and can no longer be used meanwhile (in the spirit of FSBP KMS.3). AWS managed keys cannot be deleted and are not concerned.',
  risk: 'Once the key is deleted, every piece of data it encrypted (volumes, snapshots, buckets, databases, secrets) becomes unrecoverable; a scheduled deletion is also a way for an attacker to destroy data or extort its owner.',
  severity: 'medium',
  service: 'kms',
  domain: 'keys',
  kind: 'kms.key',
  scope: 'resource',
  reads: ['keyId', 'keyManager', 'keyState'],
  appliesTo: (key) => key.attributes.keyManager === 'CUSTOMER',
  remediation: {
    text: 'Find out who scheduled the deletion (CloudTrail ScheduleKeyDeletion event) and whether anything still depends on the key. If the deletion was not intended, cancel it before the waiting period ends: the key returns in the Disabled state and must be enabled again. Alert on ScheduleKeyDeletion (CIS 4.7) and restrict kms:ScheduleKeyDeletion.',
    cli: 'aws kms cancel-key-deletion --key-id <key-id>\naws kms enable-key --key-id <key-id>',
    cloudformation:
      '# CloudFormation cannot cancel a scheduled deletion (use the CLI or console). It schedules one when an\n# AWS::KMS::Key leaves the stack; keep keys with a Retain policy:\nKey:\n  Type: AWS::KMS::Key\n  DeletionPolicy: Retain\n  UpdateReplacePolicy: Retain\n  Properties:\n    PendingWindowInDays: 30',
    terraform:
      '# Terraform cannot cancel a scheduled deletion (use the CLI or console). Guard managed keys against it:\nresource "aws_kms_key" "this" {\n  deletion_window_in_days = 30\n  lifecycle {\n    prevent_destroy = true\n  }\n}',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  },
  evaluate(key) {
    const { keyId, keyState } = key.attributes;
    return PENDING.has(keyState)
      ? fail(`Customer managed key ${keyId} is scheduled for deletion (${keyState})`, { keyId, keyState })
      : pass(`Customer managed key ${keyId} is not scheduled for deletion (${keyState})`, {
          keyId,
          keyState,
        });
  },
});
