import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

/** The name ElastiCache gives the subnet group it makes over the default VPC's subnets. */
const DEFAULT_SUBNET_GROUP = 'default';

export default defineCheck({
  id: 'elasticache-replication-group-not-default-subnet-group',
  title: 'ElastiCache replication groups do not use the default subnet group',
  description:
    'Every ElastiCache (Redis OSS, Valkey) replication group must place its nodes with a subnet group of your own rather than `default`, which ElastiCache makes over the subnets of the default VPC. Security Hub control ElastiCache.7, which evaluates every node; here each group is reported once.',
  risk: "The default subnet group puts the cache in the default VPC, whose subnets are public by default and shared with whatever else was launched without thought: the cache's reachability then depends on settings nobody designed for it.",
  severity: 'high',
  service: 'elasticache',
  domain: 'network',
  kind: 'elasticache.replication-group',
  scope: 'resource',
  reads: ['replicationGroupId', 'engine', 'cacheSubnetGroupName'],
  remediation: {
    text: "A group's subnet group cannot be changed: create a subnet group over private subnets of a VPC you designed, create a new group in it from a snapshot of the old one, move clients to it and delete the old group.",
    cli: 'aws elasticache create-cache-subnet-group --cache-subnet-group-name cache-private --cache-subnet-group-description "private subnets for caches" --subnet-ids <subnet-a> <subnet-b>\naws elasticache create-replication-group --replication-group-id <new-group> --replication-group-description <description> --engine <engine> --cache-node-type <node-type> --snapshot-name <snapshot> --cache-subnet-group-name cache-private --security-group-ids <sg>',
    cloudformation:
      'CacheSubnetGroup:\n  Type: AWS::ElastiCache::SubnetGroup\n  Properties:\n    Description: private subnets for caches\n    SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\nReplicationGroup:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    # ...\n    CacheSubnetGroupName: !Ref CacheSubnetGroup',
    terraform:
      'resource "aws_elasticache_subnet_group" "private" {\n  name       = "cache-private"\n  subnet_ids = [aws_subnet.private_a.id, aws_subnet.private_b.id]\n}\n\nresource "aws_elasticache_replication_group" "this" {\n  # ...\n  subnet_group_name = aws_elasticache_subnet_group.private.name\n}',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SubnetGroups.html',
  },
  evaluate(group) {
    const { replicationGroupId, engine, cacheSubnetGroupName } = group.attributes;
    return cacheSubnetGroupName === DEFAULT_SUBNET_GROUP
      ? fail(
          `Replication group ${replicationGroupId} (${engine}) sits in the default subnet group, in the subnets of the default VPC`,
          { cacheSubnetGroupName },
        )
      : pass(
          `Replication group ${replicationGroupId} (${engine}) uses subnet group ${cacheSubnetGroupName}`,
          {
            cacheSubnetGroupName,
          },
        );
  },
});
