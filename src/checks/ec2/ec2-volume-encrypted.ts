import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-volume-encrypted',
  title: 'EBS volumes are encrypted at rest',
  description:
    'Every EBS volume that still exists (attached or not) must be encrypted, with the AWS managed key aws/ebs or a customer managed KMS key. Volumes being deleted are not concerned. Encryption covers the data at rest, the data moving between the volume and the instance, and every snapshot taken of the volume.',
  risk: 'An unencrypted volume keeps its data, and every snapshot taken of it, in clear text: a snapshot shared by mistake or copied out of the account exposes the whole disk, and nothing in KMS records or can revoke access to it.',
  severity: 'medium',
  service: 'ec2',
  domain: 'data',
  kind: 'ec2.volume',
  scope: 'resource',
  reads: ['volumeId', 'encrypted', 'kmsKeyId', 'state', 'attachedInstanceIds'],
  appliesTo: (volume) => volume.attributes.state !== 'deleting' && volume.attributes.state !== 'deleted',
  remediation: {
    text: 'A volume cannot be encrypted in place. Snapshot it, create an encrypted volume from the snapshot, stop the instance, swap the volumes and delete the unencrypted volume and snapshot. Enable EBS encryption by default so new volumes are encrypted whoever creates them.',
    cli: 'aws ec2 create-snapshot --volume-id <volume-id>\naws ec2 create-volume --snapshot-id <snapshot-id> --availability-zone <az> --encrypted --kms-key-id <key-id>\n# stop the instance, detach the old volume, attach the new one on the same device, start it, then:\naws ec2 delete-volume --volume-id <volume-id>\naws ec2 enable-ebs-encryption-by-default',
    cloudformation:
      'Volume:\n  Type: AWS::EC2::Volume\n  Properties:\n    AvailabilityZone: <az>\n    Size: 100\n    Encrypted: true\n    KmsKeyId: <key-id>',
    terraform:
      'resource "aws_ebs_volume" "this" {\n  availability_zone = "<az>"\n  size              = 100\n  encrypted         = true\n  kms_key_id        = aws_kms_key.ebs.arn\n}',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  },
  evaluate(volume) {
    const { volumeId, encrypted, kmsKeyId, state, attachedInstanceIds } = volume.attributes;
    const where =
      attachedInstanceIds.length > 0 ? `attached to ${attachedInstanceIds.join(', ')}` : 'unattached';
    const evidence = { encrypted, kmsKeyId, state, attachedInstanceIds };
    return encrypted
      ? pass(`EBS volume ${volumeId} (${where}) is encrypted with ${kmsKeyId ?? 'a KMS key'}`, evidence)
      : fail(`EBS volume ${volumeId} (${where}) is not encrypted`, evidence);
  },
});
