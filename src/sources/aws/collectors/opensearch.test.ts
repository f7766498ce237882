import {
  DescribeDomainsCommand,
  ListDomainNamesCommand,
  OpenSearchClient,
  type DomainStatus,
} from '@aws-sdk/client-opensearch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import {
  collectedAttributes,
  reloadedAttributes,
  snapshotProblem,
} from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { opensearchCollector } from './opensearch.js';

const opensearch = mockClient(OpenSearchClient);
const KINDS = Object.keys(opensearchCollector.kinds);

const arnOf = (name: string) => `arn:aws:es:${REGION}:${ACCOUNT}:domain/${name}`;
const LOGS = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/opensearch/search`;
const POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/search-app` },
      Action: 'es:ESHttp*',
      Resource: `${arnOf('search')}/*`,
    },
  ],
};

/** A domain as DescribeDomains returns it: in a VPC, encrypted, HTTPS-only, logging, with FGAC. */
function domain(name: string, overrides: Partial<DomainStatus> = {}): DomainStatus {
  return {
    DomainId: `${ACCOUNT}/${name}`,
    DomainName: name,
    ARN: arnOf(name),
    EngineVersion: 'OpenSearch_2.13',
    ClusterConfig: {},
    EncryptionAtRestOptions: { Enabled: true, KmsKeyId: 'key-1' },
    NodeToNodeEncryptionOptions: { Enabled: true },
    DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
    VPCOptions: { VPCId: 'vpc-1', SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] },
    LogPublishingOptions: {
      AUDIT_LOGS: { CloudWatchLogsLogGroupArn: LOGS, Enabled: true },
      ES_APPLICATION_LOGS: { CloudWatchLogsLogGroupArn: LOGS, Enabled: true },
      INDEX_SLOW_LOGS: { CloudWatchLogsLogGroupArn: LOGS, Enabled: false },
    },
    AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: false },
    AccessPolicies: JSON.stringify(POLICY),
    ...overrides,
  };
}

/** Domains listed, each described by whichever batch asks for it. */
function account(domains: DomainStatus[]) {
  opensearch.on(ListDomainNamesCommand).resolves({
    DomainNames: domains.map((found) => ({ DomainName: found.DomainName, EngineType: 'OpenSearch' })),
  });
  opensearch.on(DescribeDomainsCommand).callsFake((input: { DomainNames: string[] }) => ({
    DomainStatusList: domains.filter((found) => input.DomainNames.includes(found.DomainName ?? '')),
  }));
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

describe('opensearch collector', () => {
  beforeEach(() => opensearch.reset());

  it('reports every domain with every attribute of the kind', async () => {
    account([
      domain('search'),
      domain('legacy-logs', {
        EngineVersion: 'Elasticsearch_6.3',
        EncryptionAtRestOptions: { Enabled: false },
        NodeToNodeEncryptionOptions: { Enabled: false },
        DomainEndpointOptions: { EnforceHTTPS: false },
        VPCOptions: undefined,
        LogPublishingOptions: undefined,
        AdvancedSecurityOptions: undefined,
        AccessPolicies: '',
      }),
    ]);

    const sink = await collectWith(opensearchCollector);

    expect(byId(sink, 'search')).toEqual({
      kind: 'opensearch.domain',
      id: 'search',
      arn: arnOf('search'),
      region: REGION,
      attributes: {
        name: 'search',
        arn: arnOf('search'),
        engineVersion: 'OpenSearch_2.13',
        encryptionAtRest: true,
        nodeToNodeEncryption: true,
        enforceHttps: true,
        tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10',
        vpc: true,
        logPublishing: ['AUDIT_LOGS', 'ES_APPLICATION_LOGS'],
        advancedSecurity: true,
        accessPolicies: POLICY,
      },
      gaps: [],
    });
    // A public, unencrypted old domain: no VPC options, no log options and no FGAC options mean none.
    expect(byId(sink, 'legacy-logs')).toMatchObject({
      attributes: {
        encryptionAtRest: false,
        nodeToNodeEncryption: false,
        enforceHttps: false,
        tlsSecurityPolicy: null,
        vpc: false,
        logPublishing: [],
        advancedSecurity: false,
        accessPolicies: null,
      },
      gaps: [],
    });
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('describes domains five at a time, as DescribeDomains requires', async () => {
    account(Array.from({ length: 7 }, (_, index) => domain(`d${index}`)));
    const sink = await collectWith(opensearchCollector);
    expect(sink.resources).toHaveLength(7);
    const batches = opensearch
      .commandCalls(DescribeDomainsCommand)
      .map((call) => call.args[0].input.DomainNames);
    expect(batches.map((batch) => batch?.length).sort()).toEqual([2, 5]);
  });

  it('reports a region without domains as no resources and no gap', async () => {
    account([]);
    const sink = await collectWith(opensearchCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
    expect(opensearch.commandCalls(DescribeDomainsCommand)).toHaveLength(0);
  });

  it('turns a denied ListDomainNames into a gap on the kind, naming the action', async () => {
    opensearch.on(ListDomainNamesCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(opensearchCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('opensearch.domain', 'access-denied', 'es:ListDomainNames')]);
  });

  it('keeps the domains of a batch DescribeDomains refused, every setting a gap naming the action', async () => {
    account([domain('search')]);
    opensearch.on(DescribeDomainsCommand).rejects(awsError('AccessDeniedException', 403));

    const sink = await collectWith(opensearchCollector);

    const [found] = sink.resources;
    expect(found?.attributes).toEqual({ name: 'search', arn: arnOf('search') });
    expect(found?.gaps).toHaveLength(9);
    expect(found?.gaps).toContainEqual(
      expect.objectContaining({
        field: 'encryptionAtRest',
        reason: 'access-denied',
        action: 'es:DescribeDomains',
      }),
    );
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps what the answer left out rather than guessing it', async () => {
    account([domain('search', { EncryptionAtRestOptions: undefined, DomainEndpointOptions: undefined })]);
    const sink = await collectWith(opensearchCollector);
    const gapped = sink.resources[0]?.gaps?.map((gap) => [gap.field, gap.reason]);
    expect(gapped).toEqual([
      ['encryptionAtRest', 'not-collected'],
      ['enforceHttps', 'not-collected'],
      ['tlsSecurityPolicy', 'not-collected'],
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps an access policy that is not JSON instead of reporting none', async () => {
    account([domain('search', { AccessPolicies: '{not json' })]);
    const sink = await collectWith(opensearchCollector);
    expect(sink.resources[0]?.attributes).not.toHaveProperty('accessPolicies');
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'accessPolicies',
        reason: 'collection-error',
        action: 'es:DescribeDomains',
      }),
    ]);
  });

  it('leaves out a domain deleted since the listing, or being deleted', async () => {
    opensearch
      .on(ListDomainNamesCommand)
      .resolves({ DomainNames: [{ DomainName: 'gone' }, { DomainName: 'going' }] });
    opensearch
      .on(DescribeDomainsCommand)
      .resolves({ DomainStatusList: [domain('going', { Deleted: true })] });
    const sink = await collectWith(opensearchCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('declares every action it calls', async () => {
    account([domain('search')]);
    const sink = await collectWith(opensearchCollector);
    expect(sink.errors).toEqual([]);
    const called = opensearch
      .calls()
      .map((call) => `es:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(opensearchCollector.actions));
  });
});
