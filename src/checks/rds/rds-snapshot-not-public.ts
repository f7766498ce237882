import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'rds-snapshot-not-public',
  title: 'RDS DB snapshots are not publicly restorable',
  description:
    'No manual DB snapshot or DB cluster snapshot the account owns may list `all` in its restore attribute, which lets every AWS account restore it. Sharing with named accounts is not public and passes.',
  risk: 'Anyone with an AWS account can restore a public snapshot into their own account and read the whole database, with no trace in the owner’s logs.',
  severity: 'critical',
  service: 'rds',
  domain: 'data',
  kind: 'rds.db-snapshot',
  scope: 'resource',
  reads: ['identifier', 'cluster', 'encrypted', 'public'],
  remediation: {
    text: 'Remove `all` from the snapshot’s restore attribute; share it with specific account ids if it must be shared.',
    cli: '# a DB instance snapshot:\naws rds modify-db-snapshot-attribute --db-snapshot-identifier <snapshot> --attribute-name restore --values-to-remove all\n# a DB cluster snapshot:\naws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier <snapshot> --attribute-name restore --values-to-remove all',
    cloudformation:
      '# CloudFormation has no resource type for DB snapshots or their sharing: use the CLI or Terraform.',
    terraform:
      'resource "aws_db_snapshot" "this" {\n  db_instance_identifier = aws_db_instance.this.identifier\n  db_snapshot_identifier = "<snapshot>"\n  shared_accounts        = [] # never "all"\n}',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html',
  },
  evaluate(snapshot) {
    const { identifier, cluster, encrypted, public: isPublic } = snapshot.attributes;
    const label = `${cluster ? 'DB cluster snapshot' : 'DB snapshot'} ${identifier}`;
    const evidence = { public: isPublic, cluster, encrypted };
    return isPublic
      ? fail(`${label} can be restored by any AWS account`, evidence)
      : pass(`${label} is not public`, evidence);
  },
});
