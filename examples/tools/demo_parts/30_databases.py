# Databases: ElastiCache, Redshift, and the RDS instances and parameter groups the RDS checks need.
from demo_common import A, r

KINDS = ['elasticache.replication-group', 'elasticache.cache-cluster', 'redshift.cluster', 'rds.db-parameter-group']


def cache_group(region, gid, engine, at_rest, transit, mode, auth, users, failover, multi_az, retention, minor=True, subnets='cache-private'):
    return r('elasticache.replication-group', gid, {
        'replicationGroupId': gid, 'engine': engine, 'atRestEncryptionEnabled': at_rest,
        'transitEncryptionEnabled': transit, 'transitEncryptionMode': mode if transit else None,
        'authTokenEnabled': auth, 'userGroupIds': users, 'automaticFailover': failover, 'multiAZ': multi_az,
        'snapshotRetentionLimit': retention,
        'kmsKeyId': f'arn:aws:kms:{region}:{A}:key/6f1c2a9e-1d4b-4c8e-9a51-0b7e2c4d8f10' if at_rest else None,
        'autoMinorVersionUpgrade': minor, 'cacheSubnetGroupName': subnets,
    }, arn=f'arn:aws:elasticache:{region}:{A}:replicationgroup:{gid}')


def cache_cluster(region, cid, engine, version, minor, subnet_group, retention=None):
    return r('elasticache.cache-cluster', cid, {
        'cacheClusterId': cid, 'engine': engine, 'engineVersion': version, 'autoMinorVersionUpgrade': minor,
        'snapshotRetentionLimit': retention, 'transitEncryptionEnabled': engine != 'memcached',
        'atRestEncryptionEnabled': engine != 'memcached', 'cacheSubnetGroupName': subnet_group,
    }, arn=f'arn:aws:elasticache:{region}:{A}:cluster:{cid}')


def warehouse(region, cid, enc, public, ssl, logging, evr, upgrade, retention, tags=None, gaps=None):
    attrs = {
        'clusterIdentifier': cid, 'encrypted': enc,
        'kmsKeyId': f'arn:aws:kms:{region}:{A}:key/6f1c2a9e-1d4b-4c8e-9a51-0b7e2c4d8f10' if enc else None,
        'publiclyAccessible': public, 'requireSsl': ssl, 'loggingEnabled': logging, 'enhancedVpcRouting': evr,
        'allowVersionUpgrade': upgrade, 'automatedSnapshotRetentionPeriod': retention,
    }
    for gap in gaps or []:
        attrs.pop(gap['field'], None)
    return r('redshift.cluster', cid, attrs, arn=f'arn:aws:redshift:{region}:{A}:cluster:{cid}', tags=tags, gaps=gaps)


def db(region, ident, engine, version, groups, multi_az, backup, iam, tags=None):
    return r('rds.db-instance', ident, {
        'identifier': ident, 'engine': engine, 'engineVersion': version, 'storageEncrypted': True,
        'kmsKeyId': f'arn:aws:kms:{region}:{A}:key/6f1c2a9e-1d4b-4c8e-9a51-0b7e2c4d8f10', 'publiclyAccessible': False,
        'autoMinorVersionUpgrade': True, 'multiAZ': multi_az, 'backupRetentionPeriod': backup,
        'iamDatabaseAuthenticationEnabled': iam, 'deletionProtection': True, 'dbClusterIdentifier': None,
        'readReplicaSourceIdentifier': None, 'parameterGroupNames': groups,
    }, arn=f'arn:aws:rds:{region}:{A}:db:{ident}', tags=tags)


def param_group(region, name, family, force_ssl=None, secure_transport=None, gaps=None):
    attrs = {'name': name, 'family': family, 'forceSsl': force_ssl, 'requireSecureTransport': secure_transport}
    for gap in gaps or []:
        attrs.pop(gap['field'], None)
    return r('rds.db-parameter-group', name, attrs, arn=f'arn:aws:rds:{region}:{A}:pg:{name}', gaps=gaps)


# A default group leaves rds.force_ssl at the engine default, which onus does not guess.
ENGINE_DEFAULT_GAP = [{'field': 'forceSsl', 'reason': 'not-collected', 'action': 'rds:DescribeDBParameters',
                       'detail': 'the group leaves rds.force_ssl at the engine default, which depends on the engine version'}]

US_EAST_1 = [
    cache_group('us-east-1', 'storefront-sessions', 'valkey', True, True, 'required', False, ['storefront-users'], 'enabled', True, 7),
    cache_group('us-east-1', 'legacy-cart', 'redis', False, False, None, False, [], 'disabled', False, 0, minor=False, subnets='default'),
    cache_cluster('us-east-1', 'catalog-memcached', 'memcached', '1.6.22', False, 'default'),
    cache_cluster('us-east-1', 'search-suggestions', 'redis', '7.1.0', True, 'cache-private', 3),
    warehouse('us-east-1', 'analytics-warehouse', True, False, True, True, True, True, 14, {'team': 'data'}),
    warehouse('us-east-1', 'marketing-sandbox', False, True, False, False, False, False, 1, {'team': 'marketing'}),
    db('us-east-1', 'billing-mysql', 'mysql', '8.0.39', ['billing-mysql80'], True, 0, True, {'team': 'payments'}),
    param_group('us-east-1', 'billing-mysql80', 'mysql8.0', secure_transport=False),
    param_group('us-east-1', 'default.postgres16', 'postgres16', gaps=ENGINE_DEFAULT_GAP),
]

EU_WEST_1 = [
    cache_group('eu-west-1', 'exports-queue', 'redis', True, True, 'preferred', True, [], 'enabled', True, 1),
    warehouse('eu-west-1', 'exports-reporting', True, False, None, True, True, True, 7, gaps=[
        {'field': 'requireSsl', 'reason': 'access-denied', 'action': 'redshift:DescribeClusterParameters',
         'detail': 'AccessDenied: the audit role may not read parameter group exports-params'}]),
    db('eu-west-1', 'exports-archive', 'postgres', '16.4', ['exports-tls'], True, 14, True, {'team': 'exports'}),
    param_group('eu-west-1', 'exports-tls', 'postgres16', force_ssl=True),
    param_group('eu-west-1', 'default.postgres16', 'postgres16', gaps=ENGINE_DEFAULT_GAP),
]
