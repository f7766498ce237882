import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'redshift-cluster-require-ssl',
  title: 'Redshift clusters refuse connections without TLS',
  description:
    'Every Redshift cluster must use a parameter group with `require_ssl` set to true, so that clients cannot connect in plaintext. The default parameter group leaves it false. Security Hub control Redshift.2.',
  risk: 'Without require_ssl, a client that does not ask for TLS sends its password and query results in plaintext, readable and alterable by anyone on the network path.',
  severity: 'medium',
  service: 'redshift',
  domain: 'data',
  kind: 'redshift.cluster',
  scope: 'resource',
  reads: ['clusterIdentifier', 'requireSsl'],
  remediation: {
    text: 'Create a parameter group with require_ssl set to true (default parameter groups cannot be changed), attach it to the cluster, and reboot the cluster for it to apply.',
    cli: 'aws redshift create-cluster-parameter-group --parameter-group-name tls-only --parameter-group-family redshift-1.0 --description "require TLS"\naws redshift modify-cluster-parameter-group --parameter-group-name tls-only --parameters ParameterName=require_ssl,ParameterValue=true\naws redshift modify-cluster --cluster-identifier <cluster> --cluster-parameter-group-name tls-only\naws redshift reboot-cluster --cluster-identifier <cluster>',
    cloudformation:
      "ParameterGroup:\n  Type: AWS::Redshift::ClusterParameterGroup\n  Properties:\n    Description: require TLS\n    ParameterGroupFamily: redshift-1.0\n    Parameters:\n      - ParameterName: require_ssl\n        ParameterValue: 'true'\nCluster:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    # ...\n    ClusterParameterGroupName: !Ref ParameterGroup",
    terraform:
      'resource "aws_redshift_parameter_group" "tls_only" {\n  name   = "tls-only"\n  family = "redshift-1.0"\n  parameter {\n    name  = "require_ssl"\n    value = "true"\n  }\n}\n\nresource "aws_redshift_cluster" "this" {\n  # ...\n  cluster_parameter_group_name = aws_redshift_parameter_group.tls_only.name\n}',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html',
  },
  evaluate(cluster) {
    const { clusterIdentifier, requireSsl } = cluster.attributes;
    return requireSsl
      ? pass(`Redshift cluster ${clusterIdentifier} requires TLS (require_ssl is true)`, { requireSsl })
      : fail(
          `Redshift cluster ${clusterIdentifier} accepts plaintext connections: its parameter group leaves require_ssl false`,
          { requireSsl },
        );
  },
});
