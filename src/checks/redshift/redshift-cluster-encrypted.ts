import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'redshift-cluster-encrypted',
  title: 'Redshift clusters are encrypted at rest',
  description:
    'Every Redshift cluster must be encrypted at rest, which covers its data blocks, metadata and snapshots. Security Hub control Redshift.10.',
  risk: 'An unencrypted warehouse leaves its data, usually the most complete copy of the business, readable from its storage and its snapshots, and snapshots shared by mistake expose it whole.',
  severity: 'medium',
  service: 'redshift',
  domain: 'data',
  kind: 'redshift.cluster',
  scope: 'resource',
  reads: ['clusterIdentifier', 'encrypted', 'kmsKeyId'],
  remediation: {
    text: 'Turn on encryption with a KMS key (a customer managed key lets you control who can use it). Redshift migrates the data in the background; the cluster stays readable meanwhile.',
    cli: 'aws redshift modify-cluster --cluster-identifier <cluster> --encrypted --kms-key-id <key-arn>',
    cloudformation:
      'Cluster:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    # ...\n    Encrypted: true\n    KmsKeyId: !Ref WarehouseKey',
    terraform:
      'resource "aws_redshift_cluster" "this" {\n  # ...\n  encrypted  = true\n  kms_key_id = aws_kms_key.warehouse.arn\n}',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html',
  },
  evaluate(cluster) {
    const { clusterIdentifier, encrypted, kmsKeyId } = cluster.attributes;
    return encrypted
      ? pass(`Redshift cluster ${clusterIdentifier} is encrypted at rest`, { encrypted, kmsKeyId })
      : fail(`Redshift cluster ${clusterIdentifier} stores its data and snapshots unencrypted`, {
          encrypted,
        });
  },
});
