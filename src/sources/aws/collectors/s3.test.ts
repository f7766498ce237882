import { Readable } from 'node:stream';
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpRequest, HttpResponse } from '@smithy/types';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contextFor, runCollector, type CollectionSink } from '../collector.js';
import { awsError, collectWith, testPool } from '../../../testing/aws.js';
import { ACCOUNT } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { s3Collector } from './s3.js';

const KINDS = Object.keys(s3Collector.kinds);
const CREATED = new Date('2024-06-03T09:14:03Z');
const ALL_ON = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};
const REGIONS = ['us-east-1', 'eu-west-1'];
const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const OWNER_GRANT = { granteeType: 'CanonicalUser', grantee: OWNER_ID, permission: 'FULL_CONTROL' };

function policyFor(name: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  };
}

function buckets(sink: CollectionSink) {
  return sink.resources.filter((r) => r.kind === 's3.bucket').sort((a, b) => a.id.localeCompare(b.id));
}

function accountBlock(sink: CollectionSink) {
  return sink.resources.find((r) => r.kind === 's3.account-public-access-block');
}

describe('s3 collector', () => {
  let s3: AwsClientStub<S3Client>;
  let control: AwsClientStub<S3ControlClient>;

  beforeEach(() => {
    s3 = mockClient(S3Client);
    control = mockClient(S3ControlClient);
    control.on(GetAccountPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: ALL_ON });
  });
  afterEach(() => {
    s3.restore();
    control.restore();
  });

  /** Every bucket answers with a full configuration unless a test says otherwise. */
  function configureEveryBucket() {
    s3.on(GetPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: ALL_ON });
    s3.on(GetBucketPolicyCommand).callsFake((input: { Bucket: string }) => ({
      Policy: JSON.stringify(policyFor(input.Bucket)),
    }));
    s3.on(GetBucketEncryptionCommand).resolves({
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/data' },
            BucketKeyEnabled: true,
          },
        ],
      },
    });
    s3.on(GetBucketTaggingCommand).resolves({ TagSet: [{ Key: 'team', Value: 'data' }] });
    s3.on(GetBucketVersioningCommand).resolves({ Status: 'Enabled', MFADelete: 'Disabled' });
    s3.on(GetBucketAclCommand).resolves({
      Owner: { ID: OWNER_ID },
      Grants: [{ Grantee: { Type: 'CanonicalUser', ID: OWNER_ID }, Permission: 'FULL_CONTROL' }],
    });
    s3.on(GetBucketOwnershipControlsCommand).resolves({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    s3.on(GetBucketLoggingCommand).callsFake((input: { Bucket: string }) => ({
      LoggingEnabled: { TargetBucket: 'access-logs', TargetPrefix: `${input.Bucket}/` },
    }));
  }

  function listBuckets(...entries: { Name: string; BucketRegion?: string }[]) {
    s3.on(ListBucketsCommand).resolves({
      Buckets: entries.map((entry) => ({ ...entry, CreationDate: CREATED })),
    });
  }

  it('reports each bucket in its own region with its configuration, across pages', async () => {
    configureEveryBucket();
    s3.on(ListBucketsCommand)
      .resolvesOnce({
        Buckets: [{ Name: 'logs', CreationDate: CREATED, BucketRegion: 'us-east-1' }],
        ContinuationToken: 'page-2',
      })
      .resolvesOnce({ Buckets: [{ Name: 'exports', CreationDate: CREATED, BucketRegion: 'eu-west-1' }] });

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    expect(buckets(sink).map((bucket) => [bucket.id, bucket.region, bucket.arn])).toEqual([
      ['exports', 'eu-west-1', 'arn:aws:s3:::exports'],
      ['logs', 'us-east-1', 'arn:aws:s3:::logs'],
    ]);
    expect(buckets(sink)[0]).toMatchObject({
      tags: { team: 'data' },
      gaps: [],
      attributes: {
        name: 'exports',
        createdAt: '2024-06-03T09:14:03.000Z',
        publicAccessBlock: {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: true,
          restrictPublicBuckets: true,
        },
        policy: policyFor('exports'),
        defaultEncryption: { algorithm: 'aws:kms', kmsKeyId: 'alias/data', bucketKeyEnabled: true },
        versioning: 'Enabled',
        mfaDelete: false,
        acl: [OWNER_GRANT],
        objectOwnership: 'BucketOwnerEnforced',
        logging: { targetBucket: 'access-logs', targetPrefix: 'exports/' },
      },
    });
    const pages = s3.commandCalls(ListBucketsCommand).map((call) => call.args[0].input);
    expect(pages[1]).toMatchObject({ ContinuationToken: 'page-2' });
    // A parameter on ListBuckets is what makes S3 say each bucket's region, sparing a call per bucket.
    expect(pages[0]?.MaxBuckets).toBeGreaterThan(0);
    expect(s3.commandCalls(GetBucketLocationCommand)).toEqual([]);
    expect(accountBlock(sink)).toMatchObject({
      id: ACCOUNT,
      region: 'global',
      attributes: { configuration: { blockPublicAcls: true, restrictPublicBuckets: true } },
      gaps: [],
    });
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('finds the region with GetBucketLocation when ListBuckets does not give it', async () => {
    configureEveryBucket();
    listBuckets({ Name: 'classic' }, { Name: 'old-europe' }, { Name: 'sydney' });
    s3.on(GetBucketLocationCommand, { Bucket: 'classic' }).resolves({ LocationConstraint: undefined });
    s3.on(GetBucketLocationCommand, { Bucket: 'old-europe' }).resolves({ LocationConstraint: 'EU' });
    s3.on(GetBucketLocationCommand, { Bucket: 'sydney' }).resolves({ LocationConstraint: 'ap-southeast-2' });

    const sink = await collectWith(s3Collector, { regions: [...REGIONS, 'ap-southeast-2'] });

    expect(buckets(sink).map((bucket) => [bucket.id, bucket.region])).toEqual([
      ['classic', 'us-east-1'],
      ['old-europe', 'eu-west-1'],
      ['sydney', 'ap-southeast-2'],
    ]);
    expect(sink.gaps).toEqual([]);
  });

  it('skips buckets in regions out of scope without reading them', async () => {
    configureEveryBucket();
    listBuckets(
      { Name: 'in-scope', BucketRegion: 'eu-west-1' },
      { Name: 'oregon', BucketRegion: 'us-west-2' },
      {
        Name: 'located-away',
      },
    );
    s3.on(GetBucketLocationCommand, { Bucket: 'located-away' }).resolves({ LocationConstraint: 'sa-east-1' });

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    expect(buckets(sink).map((bucket) => bucket.id)).toEqual(['in-scope']);
    const perBucket = s3
      .calls()
      .map((call) => call.args[0].input as { Bucket?: string })
      .filter((input) => input.Bucket !== undefined);
    // Only the location of the bucket ListBuckets did not place was asked; nothing else about either bucket.
    expect(perBucket.filter((input) => input.Bucket !== 'in-scope')).toEqual([{ Bucket: 'located-away' }]);
    expect(sink.gaps).toEqual([]);
  });

  it('reports absent configuration as null, not as gaps: absence is data', async () => {
    listBuckets({ Name: 'bare', BucketRegion: 'us-east-1' });
    s3.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 404));
    s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 404));
    s3.on(GetBucketEncryptionCommand).rejects(
      awsError('ServerSideEncryptionConfigurationNotFoundError', 404),
    );
    s3.on(GetBucketTaggingCommand).rejects(awsError('NoSuchTagSet', 404));
    // A bucket whose versioning was never enabled, without ownership controls or logging, as S3 answers.
    s3.on(GetBucketVersioningCommand).resolves({});
    s3.on(GetBucketAclCommand).resolves({
      Owner: { ID: OWNER_ID },
      Grants: [
        { Grantee: { Type: 'CanonicalUser', ID: OWNER_ID }, Permission: 'FULL_CONTROL' },
        {
          Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
          Permission: 'READ',
        },
      ],
    });
    s3.on(GetBucketOwnershipControlsCommand).rejects(awsError('OwnershipControlsNotFoundError', 404));
    s3.on(GetBucketLoggingCommand).resolves({});
    control
      .on(GetAccountPublicAccessBlockCommand)
      .rejects(awsError('NoSuchPublicAccessBlockConfiguration', 404));

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    expect(buckets(sink)).toEqual([
      expect.objectContaining({
        tags: {},
        gaps: [],
        attributes: {
          name: 'bare',
          createdAt: '2024-06-03T09:14:03.000Z',
          publicAccessBlock: null,
          policy: null,
          defaultEncryption: null,
          versioning: null,
          mfaDelete: false,
          acl: [
            OWNER_GRANT,
            {
              granteeType: 'Group',
              grantee: 'http://acs.amazonaws.com/groups/global/AllUsers',
              permission: 'READ',
            },
          ],
          objectOwnership: null,
          logging: null,
        },
      }),
    ]);
    expect(accountBlock(sink)).toMatchObject({ attributes: { configuration: null }, gaps: [] });
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reads public access block settings S3 leaves out as off', async () => {
    listBuckets({ Name: 'partial', BucketRegion: 'us-east-1' });
    configureEveryBucket();
    s3.on(GetPublicAccessBlockCommand).resolves({
      PublicAccessBlockConfiguration: { RestrictPublicBuckets: true },
    });
    control
      .on(GetAccountPublicAccessBlockCommand)
      .resolves({ PublicAccessBlockConfiguration: { IgnorePublicAcls: true } });

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    expect(buckets(sink)[0]?.attributes.publicAccessBlock).toEqual({
      blockPublicAcls: false,
      ignorePublicAcls: false,
      blockPublicPolicy: false,
      restrictPublicBuckets: true,
    });
    expect(accountBlock(sink)?.attributes.configuration).toEqual({
      blockPublicAcls: false,
      ignorePublicAcls: true,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
    });
  });

  it('reports an account with no buckets as no buckets and no gaps', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [] });

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    expect(sink.resources.map((resource) => resource.kind)).toEqual(['s3.account-public-access-block']);
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
  });

  it('turns a denied ListBuckets into a bucket gap in every region in scope, keeping the account block', async () => {
    s3.on(ListBucketsCommand).rejects(awsError('AccessDenied', 403));

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    expect(sink.gaps.map((gap) => [gap.kind, gap.region, gap.reason, gap.action])).toEqual([
      ['s3.bucket', 'us-east-1', 'access-denied', 's3:ListAllMyBuckets'],
      ['s3.bucket', 'eu-west-1', 'access-denied', 's3:ListAllMyBuckets'],
    ]);
    expect(buckets(sink)).toEqual([]);
    expect(accountBlock(sink)).toMatchObject({
      attributes: { configuration: { blockPublicAcls: true } },
      gaps: [],
    });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it.each([
    [GetPublicAccessBlockCommand, 'publicAccessBlock', 's3:GetBucketPublicAccessBlock'],
    [GetBucketPolicyCommand, 'policy', 's3:GetBucketPolicy'],
    [GetBucketEncryptionCommand, 'defaultEncryption', 's3:GetEncryptionConfiguration'],
    [GetBucketAclCommand, 'acl', 's3:GetBucketAcl'],
    [GetBucketOwnershipControlsCommand, 'objectOwnership', 's3:GetBucketOwnershipControls'],
    [GetBucketLoggingCommand, 'logging', 's3:GetBucketLogging'],
  ] as const)(
    'keeps a bucket whose %o was denied, with a gap on that field alone',
    async (command, field, action) => {
      configureEveryBucket();
      listBuckets({ Name: 'locked', BucketRegion: 'us-east-1' });
      s3.on(command).rejects(awsError('AccessDenied', 403));

      const sink = await collectWith(s3Collector, { regions: REGIONS });

      const [bucket] = buckets(sink);
      expect(bucket?.gaps).toEqual([expect.objectContaining({ field, reason: 'access-denied', action })]);
      expect(bucket?.attributes).not.toHaveProperty(field);
      const others = [
        'name',
        'createdAt',
        'publicAccessBlock',
        'policy',
        'defaultEncryption',
        'versioning',
        'mfaDelete',
        'acl',
        'objectOwnership',
        'logging',
      ].filter((f) => f !== field);
      expect(Object.keys(bucket?.attributes ?? {}).sort()).toEqual(others.sort());
      expect(sink.gaps).toEqual([]);
      expect(sink.errors).toEqual([expect.objectContaining({ action })]);
      expect(snapshotProblem(sink, KINDS)).toBeNull();
    },
  );

  it('gaps both versioning and MFA Delete when GetBucketVersioning is denied: one call reads both', async () => {
    configureEveryBucket();
    listBuckets({ Name: 'locked', BucketRegion: 'us-east-1' });
    s3.on(GetBucketVersioningCommand).rejects(awsError('AccessDenied', 403));

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    const [bucket] = buckets(sink);
    expect(bucket?.gaps?.map((gap) => [gap.field, gap.action])).toEqual([
      ['versioning', 's3:GetBucketVersioning'],
      ['mfaDelete', 's3:GetBucketVersioning'],
    ]);
    expect(bucket?.attributes).not.toHaveProperty('versioning');
    expect(bucket?.attributes).not.toHaveProperty('mfaDelete');
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reads suspended versioning with MFA Delete on as they are', async () => {
    configureEveryBucket();
    listBuckets({ Name: 'archive', BucketRegion: 'us-east-1' });
    s3.on(GetBucketVersioningCommand).resolves({ Status: 'Suspended', MFADelete: 'Enabled' });

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    expect(buckets(sink)[0]?.attributes).toMatchObject({ versioning: 'Suspended', mfaDelete: true });
  });

  it('records a denied GetBucketTagging as an error: tags are not an attribute, so there is no field to gap', async () => {
    configureEveryBucket();
    listBuckets({ Name: 'untaggable', BucketRegion: 'us-east-1' });
    s3.on(GetBucketTaggingCommand).rejects(awsError('AccessDenied', 403));

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    const [bucket] = buckets(sink);
    expect(bucket).toMatchObject({ tags: {}, gaps: [], attributes: { policy: policyFor('untaggable') } });
    expect(sink.errors).toEqual([expect.objectContaining({ action: 's3:GetBucketTagging' })]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('turns a denied GetBucketLocation into a bucket gap in every region in scope, naming the bucket', async () => {
    configureEveryBucket();
    listBuckets({ Name: 'known', BucketRegion: 'eu-west-1' }, { Name: 'nowhere' });
    s3.on(GetBucketLocationCommand).rejects(awsError('AccessDenied', 403));

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    // The bucket could be in any region in scope, so none of them has a complete list of buckets.
    expect(sink.gaps.map((gap) => [gap.kind, gap.region, gap.reason, gap.action])).toEqual([
      ['s3.bucket', 'us-east-1', 'access-denied', 's3:GetBucketLocation'],
      ['s3.bucket', 'eu-west-1', 'access-denied', 's3:GetBucketLocation'],
    ]);
    expect(sink.gaps[0]?.detail).toContain('nowhere');
    expect(buckets(sink).map((bucket) => bucket.id)).toEqual(['known']);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps the account public access block with a gap on its configuration when S3 Control is denied', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [] });
    control.on(GetAccountPublicAccessBlockCommand).rejects(awsError('AccessDenied', 403));

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    expect(accountBlock(sink)).toMatchObject({
      id: ACCOUNT,
      region: 'global',
      attributes: {},
      gaps: [
        expect.objectContaining({
          field: 'configuration',
          reason: 'access-denied',
          action: 's3:GetAccountPublicAccessBlock',
        }),
      ],
    });
    expect(control.commandCalls(GetAccountPublicAccessBlockCommand)[0]?.args[0].input).toEqual({
      AccountId: ACCOUNT,
    });
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps a bucket whose policy read was throttled, with a throttled gap on its policy', async () => {
    configureEveryBucket();
    listBuckets({ Name: 'busy', BucketRegion: 'eu-west-1' });
    s3.on(GetBucketPolicyCommand).rejects(awsError('SlowDown', 503));

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    const [bucket] = buckets(sink);
    expect(bucket?.gaps).toEqual([
      expect.objectContaining({ field: 'policy', reason: 'throttled', action: 's3:GetBucketPolicy' }),
    ]);
    expect(bucket?.attributes).toMatchObject({ publicAccessBlock: { blockPublicAcls: true } });
  });

  it('turns answers the kind cannot hold into gaps rather than guesses', async () => {
    configureEveryBucket();
    listBuckets({ Name: 'odd', BucketRegion: 'us-east-1' });
    s3.on(GetBucketPolicyCommand).resolves({ Policy: '{"Version": "2012-10-17", ' });
    s3.on(GetBucketEncryptionCommand).resolves({
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:fsx' } }],
      },
    });
    s3.on(GetBucketAclCommand).resolves({
      Grants: [
        { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/x' }, Permission: 'ALL' as 'READ' },
      ],
    });
    s3.on(GetBucketOwnershipControlsCommand).resolves({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'SomethingNew' as 'ObjectWriter' }] },
    });

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    const [bucket] = buckets(sink);
    expect(bucket?.gaps).toEqual([
      expect.objectContaining({ field: 'policy', reason: 'collection-error', action: 's3:GetBucketPolicy' }),
      expect.objectContaining({
        field: 'defaultEncryption',
        reason: 'collection-error',
        action: 's3:GetEncryptionConfiguration',
      }),
      expect.objectContaining({ field: 'acl', reason: 'collection-error', action: 's3:GetBucketAcl' }),
      expect.objectContaining({
        field: 'objectOwnership',
        reason: 'collection-error',
        action: 's3:GetBucketOwnershipControls',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('does not guess the region of an empty LocationConstraint outside the aws partition', async () => {
    configureEveryBucket();
    listBuckets({ Name: 'gov-classic' });
    s3.on(GetBucketLocationCommand).resolves({});
    const sink: CollectionSink = { resources: [], gaps: [], errors: [] };
    const regions = ['us-gov-west-1', 'us-gov-east-1'];
    const scope = { account: ACCOUNT, region: 'us-gov-west-1', regions, partition: 'aws-us-gov' };
    await runCollector(s3Collector, contextFor(s3Collector, testPool(), scope, sink), sink);

    expect(buckets(sink)).toEqual([]);
    expect(sink.gaps.map((gap) => [gap.kind, gap.region, gap.action])).toEqual([
      ['s3.bucket', 'us-gov-west-1', 's3:GetBucketLocation'],
      ['s3.bucket', 'us-gov-east-1', 's3:GetBucketLocation'],
    ]);
  });

  it('declares every action it calls, as IAM names them', async () => {
    configureEveryBucket();
    listBuckets({ Name: 'located', BucketRegion: 'us-east-1' }, { Name: 'unlocated' });
    s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: 'eu-west-1' });

    const sink = await collectWith(s3Collector, { regions: REGIONS });

    expect(sink.errors).toEqual([]);
    const iam: Record<string, string> = {
      ListBucketsCommand: 's3:ListAllMyBuckets',
      GetBucketLocationCommand: 's3:GetBucketLocation',
      GetPublicAccessBlockCommand: 's3:GetBucketPublicAccessBlock',
      GetBucketPolicyCommand: 's3:GetBucketPolicy',
      GetBucketEncryptionCommand: 's3:GetEncryptionConfiguration',
      GetBucketTaggingCommand: 's3:GetBucketTagging',
      GetBucketVersioningCommand: 's3:GetBucketVersioning',
      GetBucketAclCommand: 's3:GetBucketAcl',
      GetBucketOwnershipControlsCommand: 's3:GetBucketOwnershipControls',
      GetBucketLoggingCommand: 's3:GetBucketLogging',
    };
    const called = s3
      .calls()
      .map((call) => iam[call.args[0].constructor.name] ?? call.args[0].constructor.name);
    called.push(...control.calls().map(() => 's3:GetAccountPublicAccessBlock'));
    expect(new Set(called)).toEqual(new Set(s3Collector.actions));
  });
});

/**
 * S3 over HTTP, as far as the collector sees it: buckets live in one region each, and a request for a bucket sent
 * to (or signed for) any other region gets S3's 301 naming the right one.
 */
const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

class FakeS3 extends NodeHttpHandler {
  /** Requests redirected, per bucket. */
  readonly redirects = new Map<string, number>();

  constructor(private readonly homes: Record<string, string>) {
    super();
  }

  override handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    return Promise.resolve({ response: this.answer(request) });
  }

  private answer(request: HttpRequest): HttpResponse {
    const host = request.hostname;
    const signedFor = /Credential=[^/]+\/\d+\/([a-z0-9-]+)\//.exec(
      String(request.headers.authorization),
    )?.[1];
    const query = Object.keys(request.query ?? {});
    if (/\.s3-control\./.test(host))
      return xml(404, '<Error><Code>NoSuchPublicAccessBlockConfiguration</Code></Error>');
    const bucketHost = /^([a-z0-9-]+)\.s3\.([a-z0-9-]+)\.amazonaws\.com$/.exec(host);
    if (!bucketHost) {
      const entries = Object.keys(this.homes).map(
        (name) =>
          `<Bucket><Name>${name}</Name><CreationDate>2024-06-03T09:14:03.000Z</CreationDate></Bucket>`,
      );
      return xml(
        200,
        `<ListAllMyBucketsResult><Buckets>${entries.join('')}</Buckets></ListAllMyBucketsResult>`,
      );
    }
    const [, bucket = '', region] = bucketHost;
    const home = this.homes[bucket] ?? '';
    if (query.includes('location')) {
      // As S3 answers: an empty constraint for us-east-1, and a namespace the SDK needs to read the text.
      const constraint = home === 'us-east-1' ? '' : home;
      return xml(200, `<LocationConstraint xmlns="${S3_NS}">${constraint}</LocationConstraint>`);
    }
    if (region !== home || signedFor !== home) {
      this.redirects.set(bucket, (this.redirects.get(bucket) ?? 0) + 1);
      return xml(301, '<Error><Code>PermanentRedirect</Code></Error>', { 'x-amz-bucket-region': home });
    }
    if (query.includes('policy')) return answer(200, JSON.stringify(policyFor(bucket)), {});
    if (query.includes('publicAccessBlock')) {
      return xml(
        200,
        '<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls></PublicAccessBlockConfiguration>',
      );
    }
    if (query.includes('encryption')) {
      return xml(
        200,
        '<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>',
      );
    }
    if (query.includes('versioning')) {
      return xml(
        200,
        `<VersioningConfiguration xmlns="${S3_NS}"><Status>Enabled</Status></VersioningConfiguration>`,
      );
    }
    if (query.includes('acl')) {
      return xml(
        200,
        `<AccessControlPolicy xmlns="${S3_NS}"><Owner><ID>${OWNER_ID}</ID></Owner><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${OWNER_ID}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>`,
      );
    }
    if (query.includes('ownershipControls')) {
      return xml(
        200,
        `<OwnershipControls xmlns="${S3_NS}"><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>`,
      );
    }
    if (query.includes('logging')) return xml(200, `<BucketLoggingStatus xmlns="${S3_NS}"/>`);
    if (query.includes('tagging')) {
      return xml(200, `<Tagging><TagSet><Tag><Key>home</Key><Value>${home}</Value></Tag></TagSet></Tagging>`);
    }
    return xml(400, '<Error><Code>NotImplemented</Code></Error>');
  }
}

function answer(statusCode: number, body: string, headers: Record<string, string>): HttpResponse {
  return { statusCode, headers, body: Readable.from([Buffer.from(body)]) };
}

function xml(statusCode: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return answer(statusCode, `<?xml version="1.0" encoding="UTF-8"?>${body}`, {
    ...headers,
    'content-type': 'application/xml',
  });
}

describe('s3 collector over HTTP', () => {
  it('reads each bucket through a client in its own region, so S3 never redirects', async () => {
    // The fake answers S3's real regional host names; the suite-wide endpoint override would hide them.
    vi.stubEnv('AWS_ENDPOINT_URL', undefined);
    const homes: Record<string, string> = {
      'home-1': 'us-east-1',
      'home-2': 'us-east-1',
      'dublin-1': 'eu-west-1',
      'dublin-2': 'eu-west-1',
      'sydney-1': 'ap-southeast-2',
      'frankfurt-1': 'eu-central-1',
    };
    const fake = new FakeS3(homes);
    const sink: CollectionSink = { resources: [], gaps: [], errors: [] };
    const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'eu-central-1'];
    const scope = { account: ACCOUNT, region: 'us-east-1', regions, partition: 'aws' };

    await runCollector(
      s3Collector,
      contextFor(s3Collector, testPool({ requestHandler: fake }), scope, sink),
      sink,
    );

    expect(sink.errors).toEqual([]);
    expect(sink.gaps).toEqual([]);
    const found = buckets(sink);
    expect(found.map((bucket) => [bucket.id, bucket.region])).toEqual(
      Object.entries(homes).sort(([a], [b]) => a.localeCompare(b)),
    );
    for (const bucket of found) {
      // Each answer came from the bucket's own region (the fake answers nowhere else), about that bucket.
      expect(bucket.gaps).toEqual([]);
      expect(bucket.tags).toEqual({ home: homes[bucket.id] });
      expect(bucket.attributes).toMatchObject({
        policy: policyFor(bucket.id),
        publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: false },
        defaultEncryption: { algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false },
        versioning: 'Enabled',
        mfaDelete: false,
        acl: [OWNER_GRANT],
        objectOwnership: 'BucketOwnerEnforced',
        logging: null,
      });
    }
    // Every bucket is read in its own region: no request pays for a redirect.
    expect([...fake.redirects.values()].reduce((sum, count) => sum + count, 0)).toBe(0);
    expect(accountBlock(sink)).toMatchObject({ attributes: { configuration: null }, gaps: [] });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });
});
