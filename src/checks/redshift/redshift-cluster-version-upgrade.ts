import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'redshift-cluster-version-upgrade',
  title: 'Redshift clusters take version upgrades automatically',
  description:
    'Every Redshift cluster must allow version upgrades, so that new engine versions (with their security fixes) are applied in its maintenance window. Security Hub control Redshift.6.',
  risk: 'A cluster that refuses upgrades keeps running an engine with known vulnerabilities until someone upgrades it by hand.',
  severity: 'high',
  service: 'redshift',
  domain: 'compute',
  kind: 'redshift.cluster',
  scope: 'resource',
  reads: ['clusterIdentifier', 'allowVersionUpgrade'],
  remediation: {
    text: 'Allow version upgrades and set a maintenance window when a short interruption is acceptable; use a maintenance track to control how fast new versions arrive.',
    cli: 'aws redshift modify-cluster --cluster-identifier <cluster> --allow-version-upgrade',
    cloudformation:
      'Cluster:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    # ...\n    AllowVersionUpgrade: true',
    terraform: 'resource "aws_redshift_cluster" "this" {\n  # ...\n  allow_version_upgrade = true\n}',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/managing-cluster-considerations.html',
  },
  evaluate(cluster) {
    const { clusterIdentifier, allowVersionUpgrade } = cluster.attributes;
    return allowVersionUpgrade
      ? pass(`Redshift cluster ${clusterIdentifier} takes version upgrades in its maintenance window`, {
          allowVersionUpgrade,
        })
      : fail(
          `Redshift cluster ${clusterIdentifier} refuses version upgrades, so it keeps an unpatched engine`,
          {
            allowVersionUpgrade,
          },
        );
  },
});
