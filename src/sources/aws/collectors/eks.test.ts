import { DescribeClusterCommand, EKSClient, ListClustersCommand, type Cluster } from '@aws-sdk/client-eks';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { collectedAttributes, reloadedAttributes } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { eksCollector } from './eks.js';

const eks = mockClient(EKSClient);
const KINDS = Object.keys(eksCollector.kinds);

const arnOf = (name: string) => `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${name}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** A hardened cluster: private endpoint only, secrets encrypted, every control plane log on. */
function cluster(name: string, overrides: Partial<Cluster> = {}): Cluster {
  return {
    name,
    arn: arnOf(name),
    version: '1.31',
    status: 'ACTIVE',
    resourcesVpcConfig: {
      subnetIds: ['subnet-1', 'subnet-2'],
      endpointPublicAccess: false,
      endpointPrivateAccess: true,
      // EKS answers this even when the public endpoint is off.
      publicAccessCidrs: ['0.0.0.0/0'],
    },
    encryptionConfig: [{ provider: { keyArn: KEY } }],
    logging: {
      clusterLogging: [
        { types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: true },
      ],
    },
    tags: { team: 'platform' },
    ...overrides,
  };
}

function account(clusters: Cluster[]) {
  eks.on(ListClustersCommand).resolves({ clusters: clusters.map((c) => c.name ?? '') });
  for (const c of clusters) eks.on(DescribeClusterCommand, { name: c.name }).resolves({ cluster: c });
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

describe('eks collector', () => {
  beforeEach(() => eks.reset());

  it('reports every cluster across ListClusters pages with its endpoint, encryption and logging', async () => {
    account([
      cluster('prod'),
      cluster('dev', {
        version: '1.27',
        resourcesVpcConfig: {
          endpointPublicAccess: true,
          endpointPrivateAccess: false,
          publicAccessCidrs: ['0.0.0.0/0'],
        },
        encryptionConfig: undefined,
        logging: {
          clusterLogging: [
            { types: ['api', 'audit'], enabled: true },
            { types: ['authenticator', 'controllerManager', 'scheduler'], enabled: false },
          ],
        },
      }),
    ]);
    eks
      .on(ListClustersCommand)
      .resolvesOnce({ clusters: ['prod'], nextToken: 'page-2' })
      .resolvesOnce({ clusters: ['dev'] });
    const sink = await collectWith(eksCollector);

    expect(eks.commandCalls(ListClustersCommand)).toHaveLength(2);
    expect(byId(sink, 'prod')).toEqual({
      kind: 'eks.cluster',
      id: 'prod',
      arn: arnOf('prod'),
      region: REGION,
      tags: { team: 'platform' },
      attributes: {
        name: 'prod',
        version: '1.31',
        endpointPublicAccess: false,
        endpointPrivateAccess: true,
        // Nobody reaches a public endpoint that is off, whatever CIDRs EKS still lists.
        publicAccessCidrs: [],
        secretsEncryption: true,
        enabledLogTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
      },
      gaps: [],
    });
    expect(byId(sink, 'dev')?.attributes).toEqual({
      name: 'dev',
      version: '1.27',
      endpointPublicAccess: true,
      endpointPrivateAccess: false,
      publicAccessCidrs: ['0.0.0.0/0'],
      secretsEncryption: false,
      enabledLogTypes: ['api', 'audit'],
    });
    expect(sink.gaps).toEqual([]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('reports logging that was never configured as no log types, not as a gap', async () => {
    account([cluster('bare', { logging: undefined, encryptionConfig: [] })]);
    const sink = await collectWith(eksCollector);
    expect(sink.resources[0]).toMatchObject({
      attributes: { enabledLogTypes: [], secretsEncryption: false },
      gaps: [],
    });
  });

  it('reports a region without clusters as no resources and no gap', async () => {
    account([]);
    const sink = await collectWith(eksCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied ListClusters into a gap on the kind, naming the action', async () => {
    eks.on(ListClustersCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(eksCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('eks.cluster', 'access-denied', 'eks:ListClusters')]);
  });

  it('keeps a cluster whose DescribeCluster was denied, with gaps on every field it fills', async () => {
    account([cluster('prod')]);
    eks.on(DescribeClusterCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(eksCollector);
    const [prod] = sink.resources;
    expect(prod).toMatchObject({ id: 'prod', arn: arnOf('prod'), attributes: { name: 'prod' } });
    expect(prod?.gaps?.map((gap) => [gap.field, gap.reason, gap.action])).toEqual(
      [
        'version',
        'endpointPublicAccess',
        'endpointPrivateAccess',
        'publicAccessCidrs',
        'secretsEncryption',
        'enabledLogTypes',
      ].map((field) => [field, 'access-denied', 'eks:DescribeCluster']),
    );
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('gaps a cluster as throttled when DescribeCluster is throttled for good', async () => {
    account([cluster('prod')]);
    eks.on(DescribeClusterCommand).rejects(awsError('ThrottlingException', 400));
    const sink = await collectWith(eksCollector);
    expect(sink.resources[0]?.gaps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'endpointPublicAccess',
          reason: 'throttled',
          action: 'eks:DescribeCluster',
        }),
      ]),
    );
    expect(sink.resources[0]?.attributes).toEqual({ name: 'prod' });
  });

  it('leaves out a cluster deleted between listing and describing', async () => {
    account([cluster('prod')]);
    eks.on(ListClustersCommand).resolves({ clusters: ['prod', 'gone'] });
    eks.on(DescribeClusterCommand, { name: 'gone' }).rejects(awsError('ResourceNotFoundException', 404));
    const sink = await collectWith(eksCollector);
    expect(sink.resources.map((resource) => resource.id)).toEqual(['prod']);
    expect(sink.gaps).toEqual([]);
  });

  it('gaps the endpoint settings when the answer leaves them out, rather than guessing', async () => {
    account([cluster('prod', { resourcesVpcConfig: undefined })]);
    const sink = await collectWith(eksCollector);
    expect(sink.resources[0]?.gaps?.map((gap) => [gap.field, gap.reason])).toEqual([
      ['endpointPublicAccess', 'not-collected'],
      ['endpointPrivateAccess', 'not-collected'],
      ['publicAccessCidrs', 'not-collected'],
    ]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });
});
