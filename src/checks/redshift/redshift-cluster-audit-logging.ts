import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'redshift-cluster-audit-logging',
  title: 'Redshift clusters have audit logging on',
  description:
    'Every Redshift cluster must have audit logging on, delivering its connection, user and user activity logs to S3 or CloudWatch Logs. Security Hub control Redshift.4.',
  risk: 'Without audit logs, nobody can tell who connected to the warehouse, from where, or what they queried: an intrusion or a leak cannot be investigated or even noticed.',
  severity: 'medium',
  service: 'redshift',
  domain: 'logging',
  kind: 'redshift.cluster',
  scope: 'resource',
  reads: ['clusterIdentifier', 'loggingEnabled'],
  remediation: {
    text: 'Turn on audit logging to CloudWatch Logs (or an S3 bucket Redshift may write to). User activity logs also need enable_user_activity_logging set to true in the parameter group.',
    cli: 'aws redshift enable-logging --cluster-identifier <cluster> --log-destination-type cloudwatch --log-exports connectionlog userlog useractivitylog',
    cloudformation:
      'Cluster:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    # ...\n    LoggingProperties:\n      LogDestinationType: cloudwatch\n      LogExports: [connectionlog, userlog, useractivitylog]',
    terraform:
      'resource "aws_redshift_logging" "this" {\n  cluster_identifier   = aws_redshift_cluster.this.id\n  log_destination_type = "cloudwatch"\n  log_exports          = ["connectionlog", "userlog", "useractivitylog"]\n}',
    url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html',
  },
  evaluate(cluster) {
    const { clusterIdentifier, loggingEnabled } = cluster.attributes;
    return loggingEnabled
      ? pass(`Redshift cluster ${clusterIdentifier} has audit logging on`, { loggingEnabled })
      : fail(`Redshift cluster ${clusterIdentifier} keeps no audit log of connections and queries`, {
          loggingEnabled,
        });
  },
});
