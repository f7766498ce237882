import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'redshift-cluster-enhanced-vpc-routing',
  title: 'Redshift clusters use enhanced VPC routing',
  description:
    'Every Redshift cluster must have enhanced VPC routing on, so that COPY and UNLOAD traffic to S3 and other data sources goes through the VPC. Security Hub control Redshift.7.',
  risk: 'Without it, data loaded and unloaded travels outside the VPC: security groups, VPC endpoint policies and flow logs do not see it, so data can be unloaded to any bucket unnoticed.',
  severity: 'high',
  service: 'redshift',
  domain: 'network',
  kind: 'redshift.cluster',
  scope: 'resource',
  reads: ['clusterIdentifier', 'enhancedVpcRouting'],
  remediation: {
    text: 'Turn on enhanced VPC routing, after giving the VPC a route to S3 (an S3 gateway endpoint, with a policy limiting the buckets) or a NAT gateway.',
    cli: 'aws redshift modify-cluster --cluster-identifier <cluster> --enhanced-vpc-routing',
    cloudformation:
      'Cluster:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    # ...\n    EnhancedVpcRouting: true',
    terraform: 'resource "aws_redshift_cluster" "this" {\n  # ...\n  enhanced_vpc_routing = true\n}',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html',
  },
  evaluate(cluster) {
    const { clusterIdentifier, enhancedVpcRouting } = cluster.attributes;
    return enhancedVpcRouting
      ? pass(`Redshift cluster ${clusterIdentifier} routes COPY and UNLOAD traffic through its VPC`, {
          enhancedVpcRouting,
        })
      : fail(
          `Redshift cluster ${clusterIdentifier} sends COPY and UNLOAD traffic outside its VPC (enhanced VPC routing off)`,
          { enhancedVpcRouting },
        );
  },
});
