import type { TrailFilters } from './filters.js';

/**
 * Where a path sits in the CloudTrail S3 layout:
 * `[prefix/]AWSLogs/[o-xxxxxxxxxx/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz`.
 * Only the parts the path reaches are set: `AWSLogs/123456789012/` gives just the account.
 */
export interface TrailPathLayout {
  organization?: string;
  account?: string;
  /** `CloudTrail`, `CloudTrail-Digest`, `CloudTrail-Insight`, ... */
  logType?: string;
  region?: string;
  year?: number;
  month?: number;
  day?: number;
  /** Delivery time from the file name: the file holds records written up to this time. */
  delivered?: Date;
}

/**
 * Files can arrive well after their records were written (AWS delivers "about every 5 minutes", not guaranteed),
 * so a file delivered a little after `--until` may still hold events before it.
 */
export const DELIVERY_SLACK_MS = 6 * 3_600_000;

const ORGANIZATION = /^o-[a-z0-9]{10,32}$/;
const ACCOUNT_ID = /^\d{12}$/;
const FILE_TIME = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_/;
const DIGEST_NAME = /_CloudTrail-Digest_/;

/** Reads the layout from a path or key (separators `/` or `\`); a path outside the layout gives `{}`. */
export function parseTrailPath(path: string): TrailPathLayout {
  const parts = path.split(/[\\/]/);
  const root = parts.lastIndexOf('AWSLogs');
  if (root === -1) return fileTimeOnly(parts.at(-1) ?? '');
  const layout: TrailPathLayout = {};
  let index = root + 1;
  const organization = parts[index];
  if (organization !== undefined && ORGANIZATION.test(organization)) {
    layout.organization = organization;
    index++;
  }
  const account = parts[index];
  if (account === undefined || !ACCOUNT_ID.test(account)) return layout;
  layout.account = account;
  const rest = parts.slice(index + 1);
  const [logType, region, year, month, day, file] = rest;
  if (logType === undefined || logType === '') return layout;
  layout.logType = logType;
  if (region === undefined || region === '') return layout;
  layout.region = region;
  const dateParts = [year, month, day].map((part) =>
    part !== undefined && /^\d+$/.test(part) ? Number(part) : NaN,
  );
  if (Number.isNaN(dateParts[0])) return layout;
  layout.year = dateParts[0];
  if (Number.isNaN(dateParts[1])) return layout;
  layout.month = dateParts[1];
  if (Number.isNaN(dateParts[2])) return layout;
  layout.day = dateParts[2];
  const delivered = file === undefined ? undefined : deliveryTime(file);
  if (delivered) layout.delivered = delivered;
  return layout;
}

function fileTimeOnly(name: string): TrailPathLayout {
  const delivered = deliveryTime(name);
  return delivered ? { delivered } : {};
}

function deliveryTime(name: string): Date | undefined {
  const match = FILE_TIME.exec(name);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match;
  const time = new Date(`${year ?? ''}-${month ?? ''}-${day ?? ''}T${hour ?? ''}:${minute ?? ''}:00Z`);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

const TRAIL_FILE = /\.(json|json\.gz|jsonl|ndjson|gz)$/i;

/** Names a walk picks up; a file named on the command line is read whatever its name. */
export function isTrailFileName(name: string): boolean {
  return TRAIL_FILE.test(name);
}

/** A CloudTrail digest file (hashes and signatures for log validation, no events). */
export function isDigestPath(path: string): boolean {
  const normalized = path.replaceAll('\\', '/');
  return normalized.includes('/CloudTrail-Digest/') || DIGEST_NAME.test(normalized.split('/').at(-1) ?? '');
}

/**
 * Whether anything under this path can hold an event the filters keep (never a `CloudTrail-Insight/` path). Conservative: false only when the layout
 * proves it (another account or region, a day that ended before `since`, a delivery long after `until`).
 */
export function layoutInFilters(layout: TrailPathLayout, filters: TrailFilters): boolean {
  // Insights files summarise unusual call rates; they hold no API calls of their own.
  if (layout.logType === 'CloudTrail-Insight') return false;
  if (filters.accounts && layout.account !== undefined && !filters.accounts.includes(layout.account))
    return false;
  if (filters.regions && layout.region !== undefined && !filters.regions.includes(layout.region))
    return false;
  const period = deliveryPeriod(layout);
  if (!period) return true;
  // A file holds records written before its delivery, so a period delivered before `since` holds none after it.
  if (filters.since && period.end <= filters.since.getTime()) return false;
  if (filters.until && period.start > filters.until.getTime() + DELIVERY_SLACK_MS) return false;
  return true;
}

/** The span of delivery times the path covers, `[start, end)`: a year, month, day or one file's minute. */
function deliveryPeriod(layout: TrailPathLayout): { start: number; end: number } | undefined {
  if (layout.delivered) {
    const start = layout.delivered.getTime();
    return { start, end: start + 60_000 };
  }
  const { year, month, day } = layout;
  if (year === undefined) return undefined;
  if (month === undefined) return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
  if (day === undefined) return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1) };
  return { start: Date.UTC(year, month - 1, day), end: Date.UTC(year, month - 1, day + 1) };
}

/** `YYYY/MM/DD` of a UTC day. */
export function dayPath(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}`;
}

/** The `YYYYMMDDTHHmmZ` stamp CloudTrail puts in file names, for a time. */
export function fileTimeStamp(time: number): string {
  return new Date(time).toISOString().slice(0, 16).replaceAll('-', '').replace(':', '') + 'Z';
}

/** Splits `s3://bucket/prefix` into its parts; null when it is not an S3 URL with a bucket. */
export function parseS3Url(url: string): { bucket: string; prefix: string } | null {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match?.[1]) return null;
  return { bucket: match[1], prefix: match[2] ?? '' };
}
