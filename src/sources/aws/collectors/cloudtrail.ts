import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  paginateListTags,
  type AdvancedFieldSelector,
  type GetEventSelectorsResponse,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext } from '../collector.js';
import { tagsOf } from './support.js';

type TrailAttributes = AttributesOf<'cloudtrail.trail'>;
type ManagementEvents = TrailAttributes['managementEvents'];
type ReadWrite = TrailAttributes['s3DataEvents'];

export const cloudtrailCollector: Collector = {
  service: 'cloudtrail',
  global: false,
  actions: [
    'cloudtrail:DescribeTrails',
    'cloudtrail:GetTrailStatus',
    'cloudtrail:GetEventSelectors',
    'cloudtrail:ListTags',
  ],
  kinds: {
    'cloudtrail.trail': [
      'name',
      'homeRegion',
      'isMultiRegionTrail',
      'isOrganizationTrail',
      'isLogging',
      'logFileValidationEnabled',
      's3BucketName',
      'kmsKeyId',
      'managementEvents',
      'cloudWatchLogsLogGroupArn',
      'latestCloudWatchLogsDeliveryAt',
      's3DataEvents',
    ],
  },
  async collect(ctx) {
    const client = ctx.client(CloudTrailClient);
    // DescribeTrails has no pagination. Shadow trails stay in (the default): without them an organization trail
    // seen from a member account is not returned at all. A failure throws out of collect(): a gap on the kind.
    const trails = await ctx.call('cloudtrail:DescribeTrails', async () => {
      const response = await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
      return response.trailList ?? [];
    });
    await Promise.all(
      trails.filter((trail) => reportedHere(trail, ctx)).map((trail) => collectTrail(client, ctx, trail)),
    );
  },
};

/**
 * A multi-region or organization trail shows up in every region it covers; it is reported once, by the
 * region it lives in. When the scan leaves that home region out (`--region`), the first scanned region reports
 * it instead: a trail that covers the scanned regions must not go missing, or the account would look trail-less.
 */
function reportedHere(trail: Trail, ctx: CollectorContext): boolean {
  const home = trail.HomeRegion ?? ctx.region;
  if (home === ctx.region) return true;
  return !ctx.regions.includes(home) && [...ctx.regions].sort()[0] === ctx.region;
}

async function collectTrail(client: CloudTrailClient, ctx: CollectorContext, trail: Trail): Promise<void> {
  const arn = trail.TrailARN ?? null;
  // Per-trail calls name the trail by ARN: a name only resolves for this account's trails in this region.
  const ref = arn ?? trail.Name ?? '';
  const home = trail.HomeRegion ?? ctx.region;
  const [status, selectors, tags] = await Promise.all([
    ctx.observe('cloudtrail:GetTrailStatus', () => client.send(new GetTrailStatusCommand({ Name: ref }))),
    ctx.observe('cloudtrail:GetEventSelectors', () =>
      client.send(new GetEventSelectorsCommand({ TrailName: ref })),
    ),
    // ListTags only answers for this account's trails, from their home region; anywhere else it is an error.
    arn && home === ctx.region && arnAccount(arn) === ctx.account
      ? ctx.observe('cloudtrail:ListTags', () => listTags(client, arn))
      : Promise.resolve(null),
  ]);

  const attributes: Partial<TrailAttributes> = {
    name: trail.Name ?? ref,
    homeRegion: home,
    isMultiRegionTrail: trail.IsMultiRegionTrail === true,
    isOrganizationTrail: trail.IsOrganizationTrail === true,
    logFileValidationEnabled: trail.LogFileValidationEnabled === true,
    s3BucketName: trail.S3BucketName ?? null,
    kmsKeyId: trail.KmsKeyId ?? null,
    cloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn ?? null,
  };
  const gaps: Gap[] = [];
  if (status.ok) {
    attributes.isLogging = status.value?.IsLogging === true;
    attributes.latestCloudWatchLogsDeliveryAt =
      status.value?.LatestCloudWatchLogsDeliveryTime?.toISOString() ?? null;
  } else {
    gaps.push(status.failure.gap('isLogging'), status.failure.gap('latestCloudWatchLogsDeliveryAt'));
  }
  if (selectors.ok) {
    attributes.managementEvents = managementEvents(selectors.value ?? {});
    attributes.s3DataEvents = s3DataEvents(selectors.value ?? {});
  } else {
    gaps.push(selectors.failure.gap('managementEvents'), selectors.failure.gap('s3DataEvents'));
  }

  ctx.emit({
    kind: 'cloudtrail.trail',
    id: ref,
    arn,
    // Tags are not an attribute: a failed ListTags is in the scan's errors and leaves the trail untagged.
    tags: tags?.ok ? (tags.value ?? {}) : {},
    attributes,
    gaps,
  });
}

async function listTags(client: CloudTrailClient, arn: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  for await (const page of paginateListTags({ client }, { ResourceIdList: [arn] })) {
    for (const resource of page.ResourceTagList ?? []) Object.assign(tags, tagsOf(resource.TagsList));
  }
  return tags;
}

function arnAccount(arn: string): string | undefined {
  return arn.split(':')[4];
}

/**
 * Which management events the trail records, from whichever kind of selectors it has.
 *
 * Basic selectors: `IncludeManagementEvents` with `ReadWriteType` All, ReadOnly or WriteOnly (a missing field
 * takes the API's default: true, All). Advanced selectors: one whose `eventCategory` equals `Management`,
 * narrowed by a `readOnly` field. Excluding an event source (KMS, RDS Data API) does not count as narrowing:
 * the trail still records read and write management events.
 */
function managementEvents(response: GetEventSelectorsResponse): ManagementEvents {
  const recorded: ManagementEvents = { read: false, write: false };
  for (const selector of response.EventSelectors ?? []) {
    if (selector.IncludeManagementEvents === false) continue;
    const type = selector.ReadWriteType ?? 'All';
    if (type === 'All' || type === 'ReadOnly') recorded.read = true;
    if (type === 'All' || type === 'WriteOnly') recorded.write = true;
  }
  for (const selector of response.AdvancedEventSelectors ?? []) {
    const fields = selector.FieldSelectors ?? [];
    const category = fields.find((field) => field.Field === 'eventCategory');
    if (!category?.Equals?.includes('Management')) continue;
    const scope = readOnlyScope(fields.filter((field) => field.Field === 'readOnly'));
    recorded.read ||= scope.read;
    recorded.write ||= scope.write;
  }
  return recorded;
}

/** `readOnly` equal to true means read events only, false write events only; no such field, both. */
function readOnlyScope(fields: readonly AdvancedFieldSelector[]): ManagementEvents {
  let values = new Set(['true', 'false']);
  for (const field of fields) {
    if (field.Equals) {
      const equals = new Set(field.Equals.map((value) => value.toLowerCase()));
      values = new Set([...values].filter((value) => equals.has(value)));
    }
    for (const value of field.NotEquals ?? []) values.delete(value.toLowerCase());
  }
  return { read: values.has('true'), write: values.has('false') };
}

/** `arn:aws:s3` and `arn:aws:s3:::` (in any partition) select the objects of every bucket, present and future. */
const ALL_BUCKETS = /^arn:[a-z-]+:s3(:::)?$/;

/** Fields of an advanced selector that do not narrow it to some buckets or some object operations. */
const NOT_NARROWING = new Set(['eventCategory', 'resources.type', 'readOnly']);

/**
 * Whether the trail records S3 object-level events for all buckets, reads and writes separately (CIS 3.8, 3.9).
 *
 * Basic selectors: a `AWS::S3::Object` data resource whose values include an all-buckets ARN, scoped by
 * `ReadWriteType`. Advanced selectors: `eventCategory` Data and `resources.type` AWS::S3::Object, scoped by
 * `readOnly`; any other condition (bucket ARNs, event names, principals) records only part of the activity.
 */
function s3DataEvents(response: GetEventSelectorsResponse): ReadWrite {
  const recorded: ReadWrite = { read: false, write: false };
  for (const selector of response.EventSelectors ?? []) {
    const allObjects = (selector.DataResources ?? []).some(
      (resource) =>
        resource.Type === 'AWS::S3::Object' &&
        (resource.Values ?? []).some((value) => ALL_BUCKETS.test(value)),
    );
    if (!allObjects) continue;
    const type = selector.ReadWriteType ?? 'All';
    if (type === 'All' || type === 'ReadOnly') recorded.read = true;
    if (type === 'All' || type === 'WriteOnly') recorded.write = true;
  }
  for (const selector of response.AdvancedEventSelectors ?? []) {
    const fields = selector.FieldSelectors ?? [];
    const equalsOnly = (name: string, value: string) =>
      fields.some((field) => field.Field === name && field.Equals?.length === 1 && field.Equals[0] === value);
    if (!equalsOnly('eventCategory', 'Data') || !equalsOnly('resources.type', 'AWS::S3::Object')) continue;
    if (fields.some((field) => !NOT_NARROWING.has(field.Field ?? ''))) continue;
    const scope = readOnlyScope(fields.filter((field) => field.Field === 'readOnly'));
    recorded.read ||= scope.read;
    recorded.write ||= scope.write;
  }
  return recorded;
}
