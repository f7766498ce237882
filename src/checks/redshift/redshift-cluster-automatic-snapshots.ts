import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'redshift-cluster-automatic-snapshots',
  title: 'Redshift clusters keep automated snapshots long enough',
  description:
    'Every Redshift cluster must take automated snapshots and keep them for at least `minRetentionDays` days. Security Hub control Redshift.3 (whose default is seven days).',
  risk: 'With automated snapshots off or kept briefly, a dropped table, a bad load or a deliberate wipe found a few days late cannot be undone.',
  severity: 'medium',
  service: 'redshift',
  domain: 'data',
  kind: 'redshift.cluster',
  scope: 'resource',
  reads: ['clusterIdentifier', 'automatedSnapshotRetentionPeriod'],
  thresholds: {
    minRetentionDays: {
      default: 7,
      description: 'The fewest days automated snapshots must be kept (Redshift allows up to 35).',
    },
  },
  remediation: {
    text: 'Set the automated snapshot retention period to at least the required number of days.',
    cli: 'aws redshift modify-cluster --cluster-identifier <cluster> --automated-snapshot-retention-period 7',
    cloudformation:
      'Cluster:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    # ...\n    AutomatedSnapshotRetentionPeriod: 7',
    terraform:
      'resource "aws_redshift_cluster" "this" {\n  # ...\n  automated_snapshot_retention_period = 7\n}',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html',
  },
  evaluate(cluster, ctx) {
    const { clusterIdentifier, automatedSnapshotRetentionPeriod: days } = cluster.attributes;
    const { minRetentionDays } = ctx.thresholds;
    const evidence = { automatedSnapshotRetentionPeriod: days, minRetentionDays };
    if (days === 0)
      return fail(`Redshift cluster ${clusterIdentifier} takes no automated snapshots`, evidence);
    return days >= minRetentionDays
      ? pass(`Redshift cluster ${clusterIdentifier} keeps automated snapshots for ${days} days`, evidence)
      : fail(
          `Redshift cluster ${clusterIdentifier} keeps automated snapshots for ${days} days, fewer than ${minRetentionDays}`,
          evidence,
        );
  },
});
