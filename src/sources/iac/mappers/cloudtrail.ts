import type { AttributesOf } from '../../../core/kinds/index.js';
import { Reference, Unresolved, type IacObject, type IacResource, type IacValue } from '../types.js';
import { optionalId } from './data-support.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  blocks,
  bool,
  get,
  list,
  str,
  tagsOf,
  type KindMapper,
  type MapContext,
} from './mapper.js';
import { nameOf } from './resource-ids.js';

type ReadWrite = AttributesOf<'cloudtrail.trail'>['managementEvents'];

const FIELDS = [
  'name',
  'homeRegion',
  'isMultiRegionTrail',
  'isOrganizationTrail',
  // The trail logs from its creation on: the code decides it (IsLogging, enable_logging).
  'isLogging',
  'logFileValidationEnabled',
  // Not `s3BucketName` yet: the bucket checks look the bucket up by resource id (its name, live), and buckets
  // from code are identified by document set and address (inventory.ts, s3.ts), so the bucket named here is
  // never found. The attribute is built below; add the field once ids from code can be looked up by name.
  'kmsKeyId',
  'managementEvents',
  'cloudWatchLogsLogGroupArn',
  's3DataEvents',
] as const;

const BUCKET_TYPES = ['AWS::S3::Bucket', 'aws_s3_bucket'];

/**
 * The name of the bucket a trail delivers to. A reference to a bucket of the same code gives that bucket's
 * name as the s3 mappers name it (its physical name, else its address); Terraform often refers to the bucket
 * through its policy (`aws_s3_bucket_policy.trail.bucket`, so the policy exists first): that is followed.
 */
function bucketName(value: IacValue | undefined, ctx: MapContext, depth = 0): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Unresolved) throw new UnresolvedValue(value.detail);
  if (value instanceof Reference) {
    const target = ctx.target(value);
    if (!target) throw new UnresolvedValue(value.detail);
    if (BUCKET_TYPES.includes(target.type)) return nameOf(target, 'BucketName', 'bucket');
    const through = target.properties.bucket ?? target.properties.Bucket;
    if (through !== undefined && depth < 3) return bucketName(through, ctx, depth + 1);
    throw new UnresolvedValue(`${value.detail} is not a bucket`);
  }
  return str(value) ?? null;
}

/** A normalized event selector of either language. */
interface Selector {
  includeManagementEvents: boolean;
  readWriteType: string;
  dataResources: { type: string | undefined; values: string[] }[];
}

interface FieldSelector {
  field: string;
  equals: string[] | undefined;
  notEquals: string[];
  /** Conditions other than equals / not-equals (prefixes, suffixes): they narrow the selector. */
  other: boolean;
}

function strings(value: IacValue | undefined): string[] {
  return list(value).map((entry) => str(entry) ?? '');
}

/** Which management events a trail records (as the live collector reads GetEventSelectors). */
function managementEvents(selectors: Selector[] | null, advanced: FieldSelector[][]): ReadWrite {
  // A trail without selectors records all management events, reads and writes.
  if (selectors === null && advanced.length === 0) return { read: true, write: true };
  const recorded: ReadWrite = { read: false, write: false };
  for (const selector of selectors ?? []) {
    if (!selector.includeManagementEvents) continue;
    addScope(recorded, selector.readWriteType);
  }
  for (const fields of advanced) {
    const category = fields.find((field) => field.field === 'eventCategory');
    if (!category?.equals?.includes('Management')) continue;
    const scope = readOnlyScope(fields.filter((field) => field.field === 'readOnly'));
    recorded.read ||= scope.read;
    recorded.write ||= scope.write;
  }
  return recorded;
}

function addScope(recorded: ReadWrite, type: string): void {
  if (type === 'All' || type === 'ReadOnly') recorded.read = true;
  if (type === 'All' || type === 'WriteOnly') recorded.write = true;
}

function readOnlyScope(fields: readonly FieldSelector[]): ReadWrite {
  let values = new Set(['true', 'false']);
  for (const field of fields) {
    if (field.equals) {
      const equals = new Set(field.equals.map((value) => value.toLowerCase()));
      values = new Set([...values].filter((value) => equals.has(value)));
    }
    for (const value of field.notEquals) values.delete(value.toLowerCase());
  }
  return { read: values.has('true'), write: values.has('false') };
}

const ALL_BUCKETS = /^arn:[a-z-]+:s3(:::)?$/;
const NOT_NARROWING = new Set(['eventCategory', 'resources.type', 'readOnly']);

/** Whether the trail records S3 object-level events for all buckets (as the live collector reads them). */
function s3DataEvents(selectors: Selector[] | null, advanced: FieldSelector[][]): ReadWrite {
  const recorded: ReadWrite = { read: false, write: false };
  for (const selector of selectors ?? []) {
    const allObjects = selector.dataResources.some(
      (resource) =>
        resource.type === 'AWS::S3::Object' && resource.values.some((value) => ALL_BUCKETS.test(value)),
    );
    if (allObjects) addScope(recorded, selector.readWriteType);
  }
  for (const fields of advanced) {
    const equalsOnly = (name: string, value: string) =>
      fields.some((field) => field.field === name && field.equals?.length === 1 && field.equals[0] === value);
    if (!equalsOnly('eventCategory', 'Data') || !equalsOnly('resources.type', 'AWS::S3::Object')) continue;
    if (fields.some((field) => !NOT_NARROWING.has(field.field) || field.other)) continue;
    const scope = readOnlyScope(fields.filter((field) => field.field === 'readOnly'));
    recorded.read ||= scope.read;
    recorded.write ||= scope.write;
  }
  return recorded;
}

const OTHER_CONDITIONS_CFN = ['StartsWith', 'EndsWith', 'NotStartsWith', 'NotEndsWith'];
const OTHER_CONDITIONS_TF = ['starts_with', 'ends_with', 'not_starts_with', 'not_ends_with'];

function cfnSelectors(p: IacObject): { basic: Selector[] | null; advanced: FieldSelector[][] } {
  const basic =
    p.EventSelectors === undefined || p.EventSelectors === null
      ? null
      : list(p.EventSelectors).map((entry) => ({
          // EventSelector: IncludeManagementEvents defaults to true, ReadWriteType to All.
          includeManagementEvents: bool(get(entry, 'IncludeManagementEvents')) ?? true,
          readWriteType: str(get(entry, 'ReadWriteType')) ?? 'All',
          dataResources: list(get(entry, 'DataResources')).map((resource) => ({
            type: str(get(resource, 'Type')),
            values: strings(get(resource, 'Values')),
          })),
        }));
  const advanced = list(p.AdvancedEventSelectors).map((entry) =>
    list(get(entry, 'FieldSelectors')).map((field): FieldSelector => {
      const equals = get(field, 'Equals');
      return {
        field: str(get(field, 'Field')) ?? '',
        equals: equals === undefined ? undefined : strings(equals),
        notEquals: strings(get(field, 'NotEquals')),
        other: OTHER_CONDITIONS_CFN.some((condition) => list(get(field, condition)).length > 0),
      };
    }),
  );
  return { basic, advanced };
}

function tfSelectors(p: IacObject): { basic: Selector[] | null; advanced: FieldSelector[][] } {
  const written = blocks(p, 'event_selector');
  const basic =
    written.length === 0
      ? null
      : written.map((entry) => ({
          // event_selector: include_management_events defaults to true, read_write_type to All.
          includeManagementEvents: bool(entry.include_management_events) ?? true,
          readWriteType: str(entry.read_write_type) ?? 'All',
          dataResources: blocks(entry, 'data_resource').map((resource) => ({
            type: str(resource.type),
            values: strings(resource.values),
          })),
        }));
  const advanced = blocks(p, 'advanced_event_selector').map((entry) =>
    blocks(entry, 'field_selector').map((field): FieldSelector => {
      const equals = field.equals;
      return {
        field: str(field.field) ?? '',
        equals: equals === undefined || equals === null ? undefined : strings(equals),
        notEquals: strings(field.not_equals),
        other: OTHER_CONDITIONS_TF.some((condition) => list(field[condition]).length > 0),
      };
    }),
  );
  return { basic, advanced };
}

function homeRegion(resource: IacResource): string {
  if (resource.region !== null) return resource.region;
  throw new UnresolvedValue('the code does not say which region the trail is created in');
}

const cloudformation: KindMapper<'cloudtrail.trail'> = {
  kind: 'cloudtrail.trail',
  format: 'cloudformation',
  types: ['AWS::CloudTrail::Trail'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'cloudtrail.trail'>(resource);
    const selectors = () => cfnSelectors(p);
    b.set('name', () => nameOf(resource, 'TrailName'), ['TrailName'])
      .set('homeRegion', () => homeRegion(resource))
      // CreateTrail: IsMultiRegionTrail, IsOrganizationTrail and EnableLogFileValidation default to false.
      .set('isMultiRegionTrail', () => bool(p.IsMultiRegionTrail) ?? false, ['IsMultiRegionTrail'])
      .set('isOrganizationTrail', () => bool(p.IsOrganizationTrail) ?? false, ['IsOrganizationTrail'])
      .set(
        'isLogging',
        () => {
          const logging = bool(p.IsLogging);
          if (logging === undefined)
            throw new UnresolvedValue('IsLogging is not set (CloudFormation requires it)');
          return logging;
        },
        ['IsLogging'],
      )
      .set('logFileValidationEnabled', () => bool(p.EnableLogFileValidation) ?? false, [
        'EnableLogFileValidation',
      ])
      .set('s3BucketName', () => bucketName(p.S3BucketName, ctx), ['S3BucketName'])
      .set('kmsKeyId', () => optionalId(p.KMSKeyId, ctx), ['KMSKeyId'])
      .set(
        'managementEvents',
        () => {
          const { basic, advanced } = selectors();
          return managementEvents(basic, advanced);
        },
        ['EventSelectors'],
        ['AdvancedEventSelectors'],
      )
      .set('cloudWatchLogsLogGroupArn', () => optionalId(p.CloudWatchLogsLogGroupArn, ctx), [
        'CloudWatchLogsLogGroupArn',
      ])
      .set(
        's3DataEvents',
        () => {
          const { basic, advanced } = selectors();
          return s3DataEvents(basic, advanced);
        },
        ['EventSelectors'],
        ['AdvancedEventSelectors'],
      );
    return b.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'cloudtrail.trail'> = {
  kind: 'cloudtrail.trail',
  format: 'terraform',
  types: ['aws_cloudtrail'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'cloudtrail.trail'>(resource);
    const selectors = () => tfSelectors(p);
    b.set('name', () => nameOf(resource, 'name'), ['name'])
      .set('homeRegion', () => homeRegion(resource))
      // aws_cloudtrail: is_multi_region_trail, is_organization_trail and enable_log_file_validation default to
      // false, enable_logging to true.
      .set('isMultiRegionTrail', () => bool(p.is_multi_region_trail) ?? false, ['is_multi_region_trail'])
      .set('isOrganizationTrail', () => bool(p.is_organization_trail) ?? false, ['is_organization_trail'])
      .set('isLogging', () => bool(p.enable_logging) ?? true, ['enable_logging'])
      .set('logFileValidationEnabled', () => bool(p.enable_log_file_validation) ?? false, [
        'enable_log_file_validation',
      ])
      .set('s3BucketName', () => bucketName(p.s3_bucket_name, ctx), ['s3_bucket_name'])
      .set('kmsKeyId', () => optionalId(p.kms_key_id, ctx), ['kms_key_id'])
      .set(
        'managementEvents',
        () => {
          const { basic, advanced } = selectors();
          return managementEvents(basic, advanced);
        },
        ['event_selector'],
        ['advanced_event_selector'],
      )
      .set('cloudWatchLogsLogGroupArn', () => optionalId(p.cloud_watch_logs_group_arn, ctx), [
        'cloud_watch_logs_group_arn',
      ])
      .set(
        's3DataEvents',
        () => {
          const { basic, advanced } = selectors();
          return s3DataEvents(basic, advanced);
        },
        ['event_selector'],
        ['advanced_event_selector'],
      );
    return b.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform];
