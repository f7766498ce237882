import {
  DescribeClusterParametersCommand,
  DescribeClustersCommand,
  DescribeLoggingStatusCommand,
  RedshiftClient,
  type Cluster,
} from '@aws-sdk/client-redshift';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { redshiftCollector } from './redshift.js';

const redshift = mockClient(RedshiftClient);
const KINDS = Object.keys(redshiftCollector.kinds);
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`;

function cluster(id: string, overrides: Partial<Cluster> = {}): Cluster {
  return {
    ClusterIdentifier: id,
    ClusterStatus: 'available',
    Encrypted: true,
    KmsKeyId: KEY,
    PubliclyAccessible: false,
    EnhancedVpcRouting: true,
    AllowVersionUpgrade: true,
    AutomatedSnapshotRetentionPeriod: 7,
    ClusterParameterGroups: [{ ParameterGroupName: 'tls-only', ParameterApplyStatus: 'in-sync' }],
    Tags: [{ Key: 'team', Value: 'analytics' }],
    ...overrides,
  };
}

/** `tls-only` requires TLS; the default group does not (as AWS ships it). */
function answerEverything(clusters: Cluster[] = [cluster('warehouse')]) {
  redshift.on(DescribeClustersCommand).resolves({ Clusters: clusters });
  redshift.on(DescribeLoggingStatusCommand).resolves({ LoggingEnabled: true, BucketName: 'audit-logs' });
  redshift
    .on(DescribeClusterParametersCommand, { ParameterGroupName: 'tls-only' })
    .resolves({ Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'true', Source: 'user' }] });
  redshift.on(DescribeClusterParametersCommand, { ParameterGroupName: 'default.redshift-1.0' }).resolves({
    Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'false', Source: 'engine-default' }],
  });
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((found) => found.id === id);

describe('redshift collector', () => {
  beforeEach(() => redshift.reset());

  it('reports every cluster across pages, with its logging, its TLS parameter and its tags', async () => {
    answerEverything();
    redshift
      .on(DescribeClustersCommand)
      .resolvesOnce({ Clusters: [cluster('warehouse')], Marker: 'm2' })
      .resolvesOnce({
        Clusters: [
          cluster('sandbox', {
            Encrypted: false,
            KmsKeyId: undefined,
            PubliclyAccessible: true,
            EnhancedVpcRouting: false,
            AllowVersionUpgrade: false,
            AutomatedSnapshotRetentionPeriod: 1,
            ClusterParameterGroups: [{ ParameterGroupName: 'default.redshift-1.0' }],
            Tags: [],
          }),
        ],
      });
    redshift
      .on(DescribeLoggingStatusCommand, { ClusterIdentifier: 'sandbox' })
      .resolves({ LoggingEnabled: false });

    const sink = await collectWith(redshiftCollector);

    expect(byId(sink, 'warehouse')).toEqual({
      kind: 'redshift.cluster',
      id: 'warehouse',
      arn: `arn:aws:redshift:${REGION}:${ACCOUNT}:cluster:warehouse`,
      region: REGION,
      tags: { team: 'analytics' },
      attributes: {
        clusterIdentifier: 'warehouse',
        encrypted: true,
        kmsKeyId: KEY,
        publiclyAccessible: false,
        requireSsl: true,
        loggingEnabled: true,
        enhancedVpcRouting: true,
        allowVersionUpgrade: true,
        automatedSnapshotRetentionPeriod: 7,
      },
      gaps: [],
    });
    expect(byId(sink, 'sandbox')?.attributes).toEqual({
      clusterIdentifier: 'sandbox',
      encrypted: false,
      kmsKeyId: null,
      publiclyAccessible: true,
      requireSsl: false,
      loggingEnabled: false,
      enhancedVpcRouting: false,
      allowVersionUpgrade: false,
      automatedSnapshotRetentionPeriod: 1,
    });
    expect(redshift.commandCalls(DescribeClustersCommand)[1]?.args[0].input.Marker).toBe('m2');
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reads a parameter group shared by clusters once, paging until it meets require_ssl', async () => {
    answerEverything([cluster('a'), cluster('b')]);
    redshift
      .on(DescribeClusterParametersCommand, { ParameterGroupName: 'tls-only' })
      .resolvesOnce({
        Parameters: [{ ParameterName: 'datestyle', ParameterValue: 'ISO, MDY' }],
        Marker: 'p2',
      })
      .resolvesOnce({ Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'TRUE' }], Marker: 'p3' });

    const sink = await collectWith(redshiftCollector);

    expect(sink.resources.map((found) => found.attributes.requireSsl)).toEqual([true, true]);
    expect(redshift.commandCalls(DescribeClusterParametersCommand)).toHaveLength(2);
  });

  it('reports a region without clusters as no resources and no gaps', async () => {
    redshift.on(DescribeClustersCommand).resolves({ Clusters: [] });
    const sink = await collectWith(redshiftCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied DescribeClusters into a gap on the kind, naming the action', async () => {
    redshift.on(DescribeClustersCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(redshiftCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('redshift.cluster', 'access-denied', 'redshift:DescribeClusters')]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it.each([
    ['requireSsl', 'redshift:DescribeClusterParameters', 'loggingEnabled'],
    ['loggingEnabled', 'redshift:DescribeLoggingStatus', 'requireSsl'],
  ] as const)(
    'keeps a cluster whose read of %s was denied, with a gap on that field only',
    async (field, action, kept) => {
      answerEverything();
      if (action === 'redshift:DescribeLoggingStatus')
        redshift.on(DescribeLoggingStatusCommand).rejects(awsError('AccessDenied', 403));
      else redshift.on(DescribeClusterParametersCommand).rejects(awsError('AccessDenied', 403));

      const sink = await collectWith(redshiftCollector);

      const [found] = sink.resources;
      expect(found?.attributes).not.toHaveProperty(field);
      expect(found?.attributes).toHaveProperty(kept);
      expect(found?.attributes).toMatchObject({ encrypted: true });
      expect(found?.gaps).toEqual([expect.objectContaining({ field, reason: 'access-denied', action })]);
      expect(sink.gaps).toEqual([]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it('gaps requireSsl when the parameter group has no require_ssl, rather than guessing', async () => {
    answerEverything();
    redshift
      .on(DescribeClusterParametersCommand, { ParameterGroupName: 'tls-only' })
      .resolves({ Parameters: [{ ParameterName: 'datestyle', ParameterValue: 'ISO, MDY' }] });

    const sink = await collectWith(redshiftCollector);

    expect(sink.resources[0]?.attributes).not.toHaveProperty('requireSsl');
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'requireSsl',
        reason: 'collection-error',
        action: 'redshift:DescribeClusterParameters',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('leaves a setting the answer left out a gap, rather than a made-up value', async () => {
    answerEverything([cluster('warehouse', { PubliclyAccessible: undefined })]);

    const sink = await collectWith(redshiftCollector);

    expect(sink.resources[0]?.attributes).not.toHaveProperty('publiclyAccessible');
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'publiclyAccessible',
        reason: 'not-collected',
        action: 'redshift:DescribeClusters',
      }),
    ]);
  });

  it('declares every action it calls', async () => {
    answerEverything();
    const sink = await collectWith(redshiftCollector);
    expect(sink.errors).toEqual([]);
    const called = redshift
      .calls()
      .map((call) => `redshift:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(redshiftCollector.actions));
  });
});
