import {
  CloudFrontClient,
  GetDistributionConfigCommand,
  ListDistributionsCommand,
  type DistributionConfig,
  type DistributionSummary,
} from '@aws-sdk/client-cloudfront';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import type { CollectionSink } from '../collector.js';
import { cloudfrontCollector } from './cloudfront.js';

const cloudfront = mockClient(CloudFrontClient);
const KINDS = Object.keys(cloudfrontCollector.kinds);
const WEB_ACL = `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/edge/473e64fd-f30b-4765-81a0-62ad96dd167a`;

/** A distribution as ListDistributions summarizes it: an API origin and an S3 origin, all HTTPS. */
function summary(id: string, overrides: Partial<DistributionSummary> = {}): DistributionSummary {
  return {
    Id: id,
    ARN: `arn:aws:cloudfront::${ACCOUNT}:distribution/${id}`,
    Status: 'Deployed',
    LastModifiedTime: new Date('2026-05-01T00:00:00Z'),
    DomainName: `${id.toLowerCase()}.cloudfront.net`,
    Aliases: { Quantity: 0 },
    Origins: {
      Quantity: 2,
      Items: [
        {
          Id: 'api',
          DomainName: 'api.example.com',
          CustomOriginConfig: {
            HTTPPort: 80,
            HTTPSPort: 443,
            OriginProtocolPolicy: 'https-only',
            OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] },
          },
        },
        { Id: 'assets', DomainName: 'assets.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } },
      ],
    },
    DefaultCacheBehavior: { TargetOriginId: 'api', ViewerProtocolPolicy: 'redirect-to-https' },
    CacheBehaviors: {
      Quantity: 1,
      Items: [{ PathPattern: '/static/*', TargetOriginId: 'assets', ViewerProtocolPolicy: 'https-only' }],
    },
    CustomErrorResponses: { Quantity: 0 },
    Comment: '',
    PriceClass: 'PriceClass_All',
    Enabled: true,
    ViewerCertificate: {
      ACMCertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/1`,
      SSLSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    },
    Restrictions: { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
    WebACLId: WEB_ACL,
    HttpVersion: 'http2',
    IsIPV6Enabled: true,
    Staging: false,
    ...overrides,
  };
}

/** The parts of a distribution config the collector reads; logging on, index.html as root object. */
function config(overrides: Partial<DistributionConfig> = {}) {
  return {
    ETag: 'E1',
    DistributionConfig: {
      CallerReference: 'ref',
      Comment: '',
      Enabled: true,
      DefaultRootObject: 'index.html',
      Logging: { Enabled: true, IncludeCookies: false, Bucket: 'logs.s3.amazonaws.com', Prefix: 'cf/' },
      ...overrides,
    } as DistributionConfig,
  };
}

function oneDistribution() {
  cloudfront.on(ListDistributionsCommand).resolves({ DistributionList: list([summary('E1')]) });
  cloudfront.on(GetDistributionConfigCommand).resolves(config());
}

function list(items: DistributionSummary[], nextMarker?: string) {
  return {
    Marker: '',
    MaxItems: 100,
    IsTruncated: nextMarker !== undefined,
    Quantity: items.length,
    Items: items,
    ...(nextMarker ? { NextMarker: nextMarker } : {}),
  };
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

describe('cloudfront collector', () => {
  beforeEach(() => cloudfront.reset());

  it('reports every distribution across pages, as a global resource, with what the list and config say', async () => {
    cloudfront
      .on(ListDistributionsCommand)
      .resolvesOnce({ DistributionList: list([summary('E1')], 'page-2') })
      .resolvesOnce({ DistributionList: list([summary('E2')]) });
    cloudfront.on(GetDistributionConfigCommand).resolves(config());

    const sink = await collectWith(cloudfrontCollector);

    expect(sink.resources.map((resource) => [resource.id, resource.region])).toEqual([
      ['E1', 'global'],
      ['E2', 'global'],
    ]);
    expect(byId(sink, 'E1')).toEqual({
      kind: 'cloudfront.distribution',
      id: 'E1',
      arn: `arn:aws:cloudfront::${ACCOUNT}:distribution/E1`,
      region: 'global',
      attributes: {
        id: 'E1',
        domainName: 'e1.cloudfront.net',
        enabled: true,
        viewerProtocolPolicies: [
          { pathPattern: null, policy: 'redirect-to-https' },
          { pathPattern: '/static/*', policy: 'https-only' },
        ],
        minimumProtocolVersion: 'TLSv1.2_2021',
        // The S3 origin has no protocol policy: only the custom origin is listed.
        originProtocolPolicies: [
          { originId: 'api', domainName: 'api.example.com', policy: 'https-only', sslProtocols: ['TLSv1.2'] },
        ],
        webAclId: WEB_ACL,
        loggingEnabled: true,
        defaultRootObject: 'index.html',
      },
      gaps: [],
    });
    expect(cloudfront.commandCalls(ListDistributionsCommand)[1]?.args[0].input.Marker).toBe('page-2');
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('asks CloudFront in us-east-1 whatever the home region of the scan', async () => {
    const regions: unknown[] = [];
    cloudfront.on(ListDistributionsCommand).callsFake(async (_input, getClient) => {
      regions.push(await getClient().config.region());
      return { DistributionList: list([]) };
    });
    const sink = await collectWith(cloudfrontCollector, { region: 'eu-west-1' });
    expect(regions).toEqual(['us-east-1']);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('records what a distribution lacks as null, false or empty, not as gaps', async () => {
    cloudfront.on(ListDistributionsCommand).resolves({
      DistributionList: list([
        summary('E1', {
          WebACLId: '',
          Origins: { Quantity: 1, Items: [{ Id: 's3', DomainName: 'b.s3.amazonaws.com' }] },
          CacheBehaviors: { Quantity: 0 },
          DefaultCacheBehavior: { TargetOriginId: 's3', ViewerProtocolPolicy: 'allow-all' },
          ViewerCertificate: { CloudFrontDefaultCertificate: true, MinimumProtocolVersion: 'TLSv1' },
        }),
      ]),
    });
    cloudfront
      .on(GetDistributionConfigCommand)
      .resolves(config({ DefaultRootObject: '', Logging: undefined }));

    const sink = await collectWith(cloudfrontCollector);

    expect(sink.resources[0]).toMatchObject({
      gaps: [],
      attributes: {
        viewerProtocolPolicies: [{ pathPattern: null, policy: 'allow-all' }],
        minimumProtocolVersion: 'TLSv1',
        originProtocolPolicies: [],
        webAclId: null,
        loggingEnabled: false,
        defaultRootObject: null,
      },
    });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports an account without distributions as no resources and no gap', async () => {
    cloudfront.on(ListDistributionsCommand).resolves({
      DistributionList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: 0 },
    });
    const sink = await collectWith(cloudfrontCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied ListDistributions into a gap on the kind in global, naming the IAM action', async () => {
    cloudfront.on(ListDistributionsCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(cloudfrontCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'cloudfront.distribution',
        field: '*',
        region: 'global',
        reason: 'access-denied',
        action: 'cloudfront:ListDistributions',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps a distribution whose config was denied, with gaps on logging and the root object only', async () => {
    oneDistribution();
    cloudfront.on(GetDistributionConfigCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(cloudfrontCollector);
    const [found] = sink.resources;
    expect(found?.gaps).toEqual(
      ['loggingEnabled', 'defaultRootObject'].map((field) =>
        expect.objectContaining({
          field,
          reason: 'access-denied',
          action: 'cloudfront:GetDistributionConfig',
        }),
      ),
    );
    expect(found?.attributes).not.toHaveProperty('loggingEnabled');
    expect(found?.attributes).toMatchObject({ webAclId: WEB_ACL, minimumProtocolVersion: 'TLSv1.2_2021' });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps logging and the root object as throttled when GetDistributionConfig is throttled for good', async () => {
    oneDistribution();
    cloudfront.on(GetDistributionConfigCommand).rejects(awsError('Throttling', 400));
    const sink = await collectWith(cloudfrontCollector);
    expect(sink.resources[0]?.gaps).toEqual(
      ['loggingEnabled', 'defaultRootObject'].map((field) =>
        expect.objectContaining({ field, reason: 'throttled', action: 'cloudfront:GetDistributionConfig' }),
      ),
    );
  });

  it('gaps a viewer protocol policy onus does not know instead of emitting it', async () => {
    cloudfront.on(ListDistributionsCommand).resolves({
      DistributionList: list([
        summary('E1', {
          DefaultCacheBehavior: { TargetOriginId: 'api', ViewerProtocolPolicy: 'quic-only' as 'https-only' },
        }),
      ]),
    });
    cloudfront.on(GetDistributionConfigCommand).resolves(config());
    const sink = await collectWith(cloudfrontCollector);
    const [found] = sink.resources;
    expect(found?.attributes).not.toHaveProperty('viewerProtocolPolicies');
    expect(found?.gaps).toEqual([
      expect.objectContaining({
        field: 'viewerProtocolPolicies',
        reason: 'collection-error',
        action: 'cloudfront:ListDistributions',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('does not report a distribution deleted while the scan ran', async () => {
    cloudfront
      .on(ListDistributionsCommand)
      .resolves({ DistributionList: list([summary('E1'), summary('E2')]) });
    cloudfront.on(GetDistributionConfigCommand).resolves(config());
    cloudfront.on(GetDistributionConfigCommand, { Id: 'E2' }).rejects(awsError('NoSuchDistribution', 404));
    const sink = await collectWith(cloudfrontCollector);
    expect(sink.resources.map((resource) => resource.id)).toEqual(['E1']);
    expect(sink).toMatchObject({ gaps: [], errors: [] });
  });

  it('declares every action it calls', async () => {
    oneDistribution();
    const sink = await collectWith(cloudfrontCollector);
    expect(sink.errors).toEqual([]);
    const called = cloudfront
      .calls()
      .map((call) => `cloudfront:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(cloudfrontCollector.actions));
  });
});
