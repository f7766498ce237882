import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-snapshot-not-public',
  title: 'EBS snapshots are not publicly restorable',
  description:
    'No EBS snapshot the account owns may grant createVolumePermission to the group `all`, which lets every AWS account create a volume from it. Sharing with named accounts is not public and passes.',
  risk: 'Anyone with an AWS account can copy a public snapshot into their own account and read the whole disk: databases, credentials, keys and application data. Public snapshots are actively searched for.',
  severity: 'critical',
  service: 'ec2',
  domain: 'data',
  kind: 'ec2.snapshot',
  scope: 'resource',
  reads: ['snapshotId', 'volumeId', 'encrypted', 'public'],
  remediation: {
    text: 'Remove the public permission from the snapshot (share it with specific account ids if it must be shared), then turn on block public access for EBS snapshots in every region so no snapshot can be made public again.',
    cli: 'aws ec2 modify-snapshot-attribute --snapshot-id <snapshot-id> --attribute createVolumePermission --operation-type remove --group-names all\naws ec2 enable-snapshot-block-public-access --state block-all-sharing',
    cloudformation:
      '# Snapshot permissions have no resource type; block public sharing for the region instead:\nSnapshotBlockPublicAccess:\n  Type: AWS::EC2::SnapshotBlockPublicAccess\n  Properties:\n    State: block-all-sharing',
    terraform: 'resource "aws_ebs_snapshot_block_public_access" "this" {\n  state = "block-all-sharing"\n}',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html',
  },
  evaluate(snapshot) {
    const { snapshotId, volumeId, encrypted, public: isPublic } = snapshot.attributes;
    const of = volumeId === null ? '' : ` of ${volumeId}`;
    const evidence = { public: isPublic, volumeId, encrypted };
    return isPublic
      ? fail(`EBS snapshot ${snapshotId}${of} can be restored by any AWS account`, evidence)
      : pass(`EBS snapshot ${snapshotId}${of} is not public`, evidence);
  },
});
