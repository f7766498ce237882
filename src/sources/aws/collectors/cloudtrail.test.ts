import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  type GetEventSelectorsResponse,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import multiRegionTrailCheck from '../../../checks/cloudtrail/cloudtrail-multi-region-trail-logging.js';
import { runChecks } from '../../../core/engine.js';
import type { CollectionSink } from '../collector.js';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, NOW, REGION } from '../../../testing/builders.js';
import { loadCollected, snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import { cloudtrailCollector } from './cloudtrail.js';

const cloudtrail = mockClient(CloudTrailClient);
const KINDS = Object.keys(cloudtrailCollector.kinds);

const OTHER_REGION = 'us-east-1';
const ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/main`;
const LOG_GROUP_ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/cloudtrail/main:*`;
const DELIVERED = new Date('2026-05-31T23:55:00Z');

const trail = (overrides: Partial<Trail> = {}): Trail => ({
  Name: 'main',
  TrailARN: ARN,
  HomeRegion: REGION,
  IsMultiRegionTrail: true,
  IsOrganizationTrail: false,
  LogFileValidationEnabled: true,
  S3BucketName: 'audit-logs',
  KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  IncludeGlobalServiceEvents: true,
  CloudWatchLogsLogGroupArn: LOG_GROUP_ARN,
  ...overrides,
});

const ALL_MANAGEMENT: GetEventSelectorsResponse = {
  EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }],
};

/** A healthy account: one trail, logging, all management events. */
function healthy(trails: Trail[] = [trail()]) {
  cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: trails });
  cloudtrail
    .on(GetTrailStatusCommand)
    .resolves({ IsLogging: true, LatestCloudWatchLogsDeliveryTime: DELIVERED });
  cloudtrail.on(GetEventSelectorsCommand).resolves(ALL_MANAGEMENT);
  cloudtrail.on(ListTagsCommand).resolves({ ResourceTagList: [{ ResourceId: ARN, TagsList: [] }] });
}

/** What a user would see from the account-wide trail check over everything collected. */
function trailVerdict(sinks: CollectionSink[], scanned: string[] = [REGION]): string | undefined {
  const loaded = loadCollected(sinks, KINDS, scanned);
  if (!loaded.ok) throw new Error(loaded.error);
  const results = runChecks(loaded.inventory, [multiRegionTrailCheck], { now: NOW, thresholds: {} });
  expect(results).toHaveLength(1);
  return results[0]?.status;
}

describe('cloudtrail collector', () => {
  beforeEach(() => cloudtrail.reset());

  it('reports a trail with every attribute of the kind, its status, selectors and tags across pages', async () => {
    healthy();
    cloudtrail
      .on(ListTagsCommand)
      .resolvesOnce({
        ResourceTagList: [{ ResourceId: ARN, TagsList: [{ Key: 'team', Value: 'sec' }] }],
        NextToken: 't2',
      })
      .resolvesOnce({ ResourceTagList: [{ ResourceId: ARN, TagsList: [{ Key: 'env', Value: 'prod' }] }] });
    const sink = await collectWith(cloudtrailCollector);
    expect(sink.resources).toEqual([
      {
        kind: 'cloudtrail.trail',
        id: ARN,
        arn: ARN,
        region: REGION,
        tags: { team: 'sec', env: 'prod' },
        attributes: {
          name: 'main',
          homeRegion: REGION,
          isMultiRegionTrail: true,
          isOrganizationTrail: false,
          isLogging: true,
          logFileValidationEnabled: true,
          s3BucketName: 'audit-logs',
          kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
          managementEvents: { read: true, write: true },
          cloudWatchLogsLogGroupArn: LOG_GROUP_ARN,
          latestCloudWatchLogsDeliveryAt: '2026-05-31T23:55:00.000Z',
          s3DataEvents: { read: false, write: false },
        },
        gaps: [],
      },
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
    // Per-trail calls name the trail by ARN, which also works for shadow and organization trails.
    expect(cloudtrail.commandCalls(GetTrailStatusCommand)[0]?.args[0].input).toEqual({ Name: ARN });
    // Two pages (the paginator reuses one input object, so the calls' inputs cannot be told apart afterwards).
    expect(cloudtrail.commandCalls(ListTagsCommand)).toHaveLength(2);
    expect(cloudtrail.commandCalls(ListTagsCommand)[0]?.args[0].input.ResourceIdList).toEqual([ARN]);
    expect(sink.gaps).toEqual([]);
    expect(trailVerdict([sink])).toBe('PASS');
  });

  it('records unset optional settings as null, not as missing', async () => {
    healthy([trail({ KmsKeyId: undefined, LogFileValidationEnabled: false, IsMultiRegionTrail: false })]);
    const sink = await collectWith(cloudtrailCollector);
    expect(sink.resources[0]?.attributes).toMatchObject({
      kmsKeyId: null,
      logFileValidationEnabled: false,
      isMultiRegionTrail: false,
    });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports a region without trails as no resources and no gap: absence is data', async () => {
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [] });
    const sink = await collectWith(cloudtrailCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
    expect(trailVerdict([sink])).toBe('FAIL');
  });

  it('asks for shadow trails, so an organization trail is visible from a member account', async () => {
    healthy();
    await collectWith(cloudtrailCollector);
    expect(cloudtrail.commandCalls(DescribeTrailsCommand)[0]?.args[0].input).toEqual({
      includeShadowTrails: true,
    });
  });

  it('turns a denied DescribeTrails into a gap on the kind, not into "no trails"', async () => {
    cloudtrail.on(DescribeTrailsCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(cloudtrailCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('cloudtrail.trail', 'access-denied', 'cloudtrail:DescribeTrails')]);
    expect(trailVerdict([sink])).toBe('NOT_EVALUATED');
  });

  it('keeps a trail whose GetTrailStatus was denied, with a gap on isLogging and nothing made up', async () => {
    healthy();
    cloudtrail.on(GetTrailStatusCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(cloudtrailCollector);
    const [found] = sink.resources;
    expect(found?.gaps).toEqual([
      expect.objectContaining({
        field: 'isLogging',
        reason: 'access-denied',
        action: 'cloudtrail:GetTrailStatus',
      }),
      expect.objectContaining({ field: 'latestCloudWatchLogsDeliveryAt', reason: 'access-denied' }),
    ]);
    expect(found?.attributes).not.toHaveProperty('isLogging');
    expect(found?.attributes).not.toHaveProperty('latestCloudWatchLogsDeliveryAt');
    expect(found?.attributes.managementEvents).toEqual({ read: true, write: true });
    expect(snapshotProblem(sink, KINDS)).toBeNull();
    expect(trailVerdict([sink])).toBe('NOT_EVALUATED');
  });

  it('keeps a trail whose GetEventSelectors was denied, with a gap on managementEvents', async () => {
    healthy();
    cloudtrail.on(GetEventSelectorsCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(cloudtrailCollector);
    const [found] = sink.resources;
    expect(found?.gaps).toEqual([
      expect.objectContaining({
        field: 'managementEvents',
        reason: 'access-denied',
        action: 'cloudtrail:GetEventSelectors',
      }),
      expect.objectContaining({ field: 's3DataEvents', reason: 'access-denied' }),
    ]);
    expect(found?.attributes).not.toHaveProperty('managementEvents');
    expect(found?.attributes).not.toHaveProperty('s3DataEvents');
    expect(found?.attributes.isLogging).toBe(true);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
    expect(trailVerdict([sink])).toBe('NOT_EVALUATED');
  });

  it('gaps isLogging and the last delivery as throttled when GetTrailStatus is throttled for good', async () => {
    healthy();
    cloudtrail.on(GetTrailStatusCommand).rejects(awsError('ThrottlingException', 400));
    const sink = await collectWith(cloudtrailCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'isLogging',
        reason: 'throttled',
        action: 'cloudtrail:GetTrailStatus',
      }),
      expect.objectContaining({ field: 'latestCloudWatchLogsDeliveryAt', reason: 'throttled' }),
    ]);
  });

  it('reports a trail whose ListTags was denied without tags and without a gap (tags are no attribute)', async () => {
    healthy();
    cloudtrail.on(ListTagsCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(cloudtrailCollector);
    expect(sink.resources[0]).toMatchObject({ tags: {}, gaps: [] });
    expect(sink.resources[0]?.attributes.isLogging).toBe(true);
    expect(sink.errors).toEqual([expect.objectContaining({ action: 'cloudtrail:ListTags' })]);
  });

  it('reports a multi-region trail once, in its home region, across a scan of both regions', async () => {
    const homed = trail({
      HomeRegion: OTHER_REGION,
      TrailARN: `arn:aws:cloudtrail:${OTHER_REGION}:${ACCOUNT}:trail/main`,
    });
    healthy([homed]); // DescribeTrails returns it in every region it covers
    const regions = [OTHER_REGION, REGION];
    const home = await collectWith(cloudtrailCollector, { region: OTHER_REGION, regions });
    const shadow = await collectWith(cloudtrailCollector, { region: REGION, regions });
    expect(home.resources.map((r) => [r.id, r.region])).toEqual([[homed.TrailARN, OTHER_REGION]]);
    expect(shadow.resources).toEqual([]);
    // The shadow is not even looked at: its status would be read twice otherwise.
    expect(cloudtrail.commandCalls(GetTrailStatusCommand)).toHaveLength(1);
    expect(trailVerdict([home, shadow], regions)).toBe('PASS');
  });

  it('reports a trail living outside a --region scan once, from the first scanned region', async () => {
    const homed = trail({
      HomeRegion: OTHER_REGION,
      TrailARN: `arn:aws:cloudtrail:${OTHER_REGION}:${ACCOUNT}:trail/main`,
    });
    healthy([homed]);
    const regions = ['eu-central-1', REGION];
    const first = await collectWith(cloudtrailCollector, { region: 'eu-central-1', regions });
    const second = await collectWith(cloudtrailCollector, { region: REGION, regions });
    expect(first.resources).toHaveLength(1);
    expect(first.resources[0]).toMatchObject({
      region: 'eu-central-1',
      attributes: {
        homeRegion: OTHER_REGION,
        isLogging: true,
        managementEvents: { read: true, write: true },
      },
    });
    expect(second.resources).toEqual([]);
    // ListTags only answers from a trail's home region: not asked, so no spurious error.
    expect(cloudtrail.commandCalls(ListTagsCommand)).toHaveLength(0);
    expect(first.errors).toEqual([]);
    // Reported nowhere, the account would FAIL as having no trail at all.
    expect(trailVerdict([first, second], regions)).toBe('PASS');
  });

  it('keeps an organization trail owned by the management account, without asking for its tags', async () => {
    const orgArn = `arn:aws:cloudtrail:${REGION}:999988887777:trail/org-trail`;
    healthy([trail({ Name: 'org-trail', TrailARN: orgArn, IsOrganizationTrail: true })]);
    const sink = await collectWith(cloudtrailCollector);
    expect(sink.resources).toHaveLength(1);
    expect(sink.resources[0]).toMatchObject({
      id: orgArn,
      attributes: { isOrganizationTrail: true, isLogging: true },
    });
    expect(cloudtrail.commandCalls(GetTrailStatusCommand)[0]?.args[0].input).toEqual({ Name: orgArn });
    expect(cloudtrail.commandCalls(ListTagsCommand)).toHaveLength(0);
    expect(sink.errors).toEqual([]);
    expect(trailVerdict([sink])).toBe('PASS');
  });

  it('reports each trail of the region with its own status', async () => {
    const second = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/debug`;
    healthy([trail(), trail({ Name: 'debug', TrailARN: second, IsMultiRegionTrail: false })]);
    cloudtrail.on(GetTrailStatusCommand, { Name: second }).resolves({ IsLogging: false });
    const sink = await collectWith(cloudtrailCollector);
    const logging = Object.fromEntries(
      sink.resources.map((r) => [r.attributes.name, r.attributes.isLogging]),
    );
    expect(logging).toEqual({ main: true, debug: false });
  });

  describe('management events from event selectors', () => {
    const field = (Field: string, values: { Equals?: string[]; NotEquals?: string[] }) => ({
      Field,
      ...values,
    });
    const management = field('eventCategory', { Equals: ['Management'] });
    const cases: [string, GetEventSelectorsResponse, { read: boolean; write: boolean }][] = [
      ['basic, all', ALL_MANAGEMENT, { read: true, write: true }],
      [
        'basic, read only',
        { EventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true }] },
        { read: true, write: false },
      ],
      [
        'basic, write only',
        { EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] },
        { read: false, write: true },
      ],
      [
        'basic, data events only',
        {
          EventSelectors: [
            {
              ReadWriteType: 'All',
              IncludeManagementEvents: false,
              DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }],
            },
          ],
        },
        { read: false, write: false },
      ],
      [
        'basic, a read selector and a write selector together',
        {
          EventSelectors: [
            { ReadWriteType: 'ReadOnly', IncludeManagementEvents: true },
            { ReadWriteType: 'WriteOnly', IncludeManagementEvents: true },
          ],
        },
        { read: true, write: true },
      ],
      [
        'basic, all but KMS events (an excluded source is not a narrowing)',
        {
          EventSelectors: [
            {
              ReadWriteType: 'All',
              IncludeManagementEvents: true,
              ExcludeManagementEventSources: ['kms.amazonaws.com'],
            },
          ],
        },
        { read: true, write: true },
      ],
      [
        'no selectors at all',
        { EventSelectors: [], AdvancedEventSelectors: [] },
        { read: false, write: false },
      ],
      [
        'advanced, all management events',
        { AdvancedEventSelectors: [{ Name: 'mgmt', FieldSelectors: [management] }] },
        { read: true, write: true },
      ],
      [
        'advanced, readOnly equals false: writes only',
        {
          AdvancedEventSelectors: [
            { Name: 'writes', FieldSelectors: [management, field('readOnly', { Equals: ['false'] })] },
          ],
        },
        { read: false, write: true },
      ],
      [
        'advanced, readOnly equals true: reads only',
        {
          AdvancedEventSelectors: [{ FieldSelectors: [management, field('readOnly', { Equals: ['true'] })] }],
        },
        { read: true, write: false },
      ],
      [
        'advanced, readOnly not equal to true: writes only',
        {
          AdvancedEventSelectors: [
            { FieldSelectors: [management, field('readOnly', { NotEquals: ['true'] })] },
          ],
        },
        { read: false, write: true },
      ],
      [
        'advanced, separate read and write selectors',
        {
          AdvancedEventSelectors: [
            { FieldSelectors: [management, field('readOnly', { Equals: ['true'] })] },
            { FieldSelectors: [management, field('readOnly', { Equals: ['false'] })] },
          ],
        },
        { read: true, write: true },
      ],
      [
        'advanced, management events minus KMS',
        {
          AdvancedEventSelectors: [
            { FieldSelectors: [management, field('eventSource', { NotEquals: ['kms.amazonaws.com'] })] },
          ],
        },
        { read: true, write: true },
      ],
      [
        'advanced, data events only (a readOnly field there is about data events)',
        {
          AdvancedEventSelectors: [
            {
              FieldSelectors: [
                field('eventCategory', { Equals: ['Data'] }),
                field('resources.type', { Equals: ['AWS::S3::Object'] }),
                field('readOnly', { Equals: ['false'] }),
              ],
            },
          ],
        },
        { read: false, write: false },
      ],
    ];

    it.each(cases)('%s', async (_name, selectors, expected) => {
      healthy();
      cloudtrail.on(GetEventSelectorsCommand).resolves(selectors);
      const sink = await collectWith(cloudtrailCollector);
      expect(sink.resources[0]?.attributes.managementEvents).toEqual(expected);
    });
  });
  describe('S3 object-level events for all buckets, from event selectors', () => {
    const field = (Field: string, values: { Equals?: string[]; StartsWith?: string[] }) => ({
      Field,
      ...values,
    });
    const data = field('eventCategory', { Equals: ['Data'] });
    const objects = field('resources.type', { Equals: ['AWS::S3::Object'] });
    const basic = (ReadWriteType: 'All' | 'ReadOnly' | 'WriteOnly', Values: string[]) => ({
      EventSelectors: [
        {
          ReadWriteType,
          IncludeManagementEvents: true,
          DataResources: [{ Type: 'AWS::S3::Object', Values }],
        },
      ],
    });
    const cases: [string, GetEventSelectorsResponse, { read: boolean; write: boolean }][] = [
      ['management events only', ALL_MANAGEMENT, { read: false, write: false }],
      ['basic, every bucket (arn:aws:s3)', basic('All', ['arn:aws:s3']), { read: true, write: true }],
      [
        'basic, every bucket (arn:aws:s3:::), writes only',
        basic('WriteOnly', ['arn:aws:s3:::']),
        { read: false, write: true },
      ],
      ['basic, every bucket, reads only', basic('ReadOnly', ['arn:aws:s3']), { read: true, write: false }],
      ['basic, one bucket only', basic('All', ['arn:aws:s3:::payments/']), { read: false, write: false }],
      [
        'advanced, every bucket',
        { AdvancedEventSelectors: [{ FieldSelectors: [data, objects] }] },
        { read: true, write: true },
      ],
      [
        'advanced, writes of every bucket',
        {
          AdvancedEventSelectors: [
            { FieldSelectors: [data, objects, field('readOnly', { Equals: ['false'] })] },
          ],
        },
        { read: false, write: true },
      ],
      [
        'advanced, narrowed to one bucket',
        {
          AdvancedEventSelectors: [
            {
              FieldSelectors: [
                data,
                objects,
                field('resources.ARN', { StartsWith: ['arn:aws:s3:::payments/'] }),
              ],
            },
          ],
        },
        { read: false, write: false },
      ],
      [
        'advanced, DynamoDB data events',
        {
          AdvancedEventSelectors: [
            { FieldSelectors: [data, field('resources.type', { Equals: ['AWS::DynamoDB::Table'] })] },
          ],
        },
        { read: false, write: false },
      ],
    ];

    it.each(cases)('%s', async (_name, selectors, expected) => {
      healthy();
      cloudtrail.on(GetEventSelectorsCommand).resolves(selectors);
      const sink = await collectWith(cloudtrailCollector);
      expect(sink.resources[0]?.attributes.s3DataEvents).toEqual(expected);
    });
  });

  it('records a trail not integrated with CloudWatch Logs, and one never delivered, as null', async () => {
    healthy([trail({ CloudWatchLogsLogGroupArn: undefined })]);
    cloudtrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    const sink = await collectWith(cloudtrailCollector);
    expect(sink.resources[0]?.attributes).toMatchObject({
      cloudWatchLogsLogGroupArn: null,
      latestCloudWatchLogsDeliveryAt: null,
    });
    expect(sink.resources[0]?.gaps).toEqual([]);
  });
});
