import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'elasticache-replication-group-auth-enabled',
  title: 'ElastiCache replication groups require clients to authenticate',
  description:
    'Every ElastiCache (Redis OSS, Valkey) replication group must make clients authenticate: with role-based access control (RBAC user groups, Redis OSS 6 and later, Valkey) or, on any version, with an AUTH token. Security Hub control ElastiCache.6 asks for AUTH on versions before 6, where RBAC does not exist.',
  risk: 'Without authentication, anything that can reach the endpoint (a compromised instance in the VPC, a misrouted peering) can read, change or flush every key, including sessions and tokens other services trust.',
  severity: 'medium',
  service: 'elasticache',
  domain: 'identity',
  kind: 'elasticache.replication-group',
  scope: 'resource',
  reads: ['replicationGroupId', 'engine', 'authTokenEnabled', 'userGroupIds'],
  remediation: {
    text: 'Attach an RBAC user group whose default user is disabled (Redis OSS 6 and later, Valkey), or set an AUTH token (any version). Both need in-transit encryption on; keep the token in Secrets Manager and rotate it.',
    cli: 'aws elasticache modify-replication-group --replication-group-id <group> --user-group-ids-to-add <user-group> --apply-immediately\n# or, with an AUTH token:\naws elasticache modify-replication-group --replication-group-id <group> --auth-token <token> --auth-token-update-strategy ROTATE --apply-immediately',
    cloudformation:
      'ReplicationGroup:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    # ...\n    TransitEncryptionEnabled: true\n    UserGroupIds:\n      - !Ref CacheUserGroup',
    terraform:
      'resource "aws_elasticache_replication_group" "this" {\n  # ...\n  transit_encryption_enabled = true\n  user_group_ids             = [aws_elasticache_user_group.app.user_group_id]\n}',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html',
  },
  evaluate(group) {
    const { replicationGroupId, engine, authTokenEnabled, userGroupIds } = group.attributes;
    const evidence = { authTokenEnabled, userGroupIds };
    if (userGroupIds.length > 0) {
      return pass(
        `Replication group ${replicationGroupId} (${engine}) authenticates clients as users of ${userGroupIds.join(', ')}`,
        evidence,
      );
    }
    if (authTokenEnabled) {
      return pass(`Replication group ${replicationGroupId} (${engine}) requires its AUTH token`, evidence);
    }
    return fail(
      `Replication group ${replicationGroupId} (${engine}) lets any client that reaches it run commands: no AUTH token and no RBAC user group`,
      evidence,
    );
  },
});
