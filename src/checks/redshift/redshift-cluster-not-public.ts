import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'redshift-cluster-not-public',
  title: 'Redshift clusters are not publicly accessible',
  description:
    'No Redshift cluster may be publicly accessible, that is have a public IP address and an endpoint that resolves to it from the internet. Security Hub control Redshift.1.',
  risk: 'A publicly accessible cluster is one security group rule away from the whole internet, where database ports are scanned within minutes and passwords are guessed.',
  severity: 'critical',
  service: 'redshift',
  domain: 'network',
  kind: 'redshift.cluster',
  scope: 'resource',
  reads: ['clusterIdentifier', 'publiclyAccessible'],
  remediation: {
    text: 'Turn off public accessibility; reach the cluster from inside the VPC, through a VPN, or through a Redshift-managed VPC endpoint.',
    cli: 'aws redshift modify-cluster --cluster-identifier <cluster> --no-publicly-accessible',
    cloudformation:
      'Cluster:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    # ...\n    PubliclyAccessible: false',
    terraform: 'resource "aws_redshift_cluster" "this" {\n  # ...\n  publicly_accessible = false\n}',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html',
  },
  evaluate(cluster) {
    const { clusterIdentifier, publiclyAccessible } = cluster.attributes;
    return publiclyAccessible
      ? fail(
          `Redshift cluster ${clusterIdentifier} is publicly accessible: only its security group keeps the internet out`,
          { publiclyAccessible },
        )
      : pass(`Redshift cluster ${clusterIdentifier} is not publicly accessible`, { publiclyAccessible });
  },
});
