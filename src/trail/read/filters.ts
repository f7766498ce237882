import { UserError } from '../../cli/errors.js';
import type { TrailEvent } from '../types.js';

/** Which events a run looks at. Every bound is inclusive; an absent one does not filter. */
export interface TrailFilters {
  since?: Date;
  until?: Date;
  accounts?: string[];
  regions?: string[];
}

/** The flags as the CLI receives them: lists are comma-separated. */
export interface TrailFilterFlags {
  since?: string;
  until?: string;
  account?: string;
  region?: string;
}

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const RELATIVE = /^(\d+)([mhd])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Turns `--since`, `--until`, `--account` and `--region` into filters. Dates are `2026-05-01` (a whole UTC day:
 * `--until 2026-05-01` includes that day), an ISO time with a zone (`2026-05-01T12:00:00Z`), or a duration back
 * from now (`90m`, `24h`, `7d`). Throws a UserError naming the flag on a value it cannot read.
 */
export function parseTrailFilters(flags: TrailFilterFlags, now: Date = new Date()): TrailFilters {
  const filters: TrailFilters = {};
  if (flags.since !== undefined) filters.since = parseTime('--since', flags.since, 'start', now);
  if (flags.until !== undefined) filters.until = parseTime('--until', flags.until, 'end', now);
  if (filters.since && filters.until && filters.since > filters.until) {
    throw new UserError(`--since ${flags.since ?? ''} is after --until ${flags.until ?? ''}`);
  }
  if (flags.account !== undefined) {
    filters.accounts = splitList('--account', flags.account, ACCOUNT_ID, 'a 12-digit AWS account id');
  }
  if (flags.region !== undefined) {
    filters.regions = splitList('--region', flags.region, REGION, 'an AWS region such as eu-west-1');
  }
  return filters;
}

function parseTime(flag: string, value: string, edge: 'start' | 'end', now: Date): Date {
  const text = value.trim();
  const relative = RELATIVE.exec(text);
  if (relative) {
    const unit = relative[2] as keyof typeof UNIT_MS;
    return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[unit]);
  }
  if (DATE_ONLY.test(text)) {
    const day = new Date(`${text}T00:00:00.000Z`);
    if (!Number.isNaN(day.getTime()) && day.toISOString().startsWith(text)) {
      return edge === 'start' ? day : new Date(day.getTime() + UNIT_MS.d - 1);
    }
  } else if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const time = new Date(text);
    if (!Number.isNaN(time.getTime())) return time;
  }
  throw new UserError(
    `${flag} ${value}: expected a date (2026-05-01), a UTC time (2026-05-01T12:00:00Z) or a duration (24h, 7d)`,
  );
}

function splitList(flag: string, value: string, pattern: RegExp, expected: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new UserError(`${flag}: expected ${expected}`);
  for (const item of items) {
    if (!pattern.test(item)) throw new UserError(`${flag} ${item}: expected ${expected}`);
  }
  return [...new Set(items)];
}

/** The account an event belongs to: the one whose trail recorded it, else the caller's. */
export function eventAccount(event: TrailEvent): string | undefined {
  if (typeof event.recipientAccountId === 'string') return event.recipientAccountId;
  const identity = event.userIdentity;
  if (typeof identity === 'object' && identity !== null) {
    const account = (identity as Record<string, unknown>).accountId;
    if (typeof account === 'string') return account;
  }
  return undefined;
}

/** Whether an event falls inside the filters (time, account and region). An unreadable eventTime fails a time bound. */
export function eventInFilters(event: TrailEvent, filters: TrailFilters): boolean {
  if (filters.since || filters.until) {
    const time = typeof event.eventTime === 'string' ? Date.parse(event.eventTime) : Number.NaN;
    if (Number.isNaN(time)) return false;
    if (filters.since && time < filters.since.getTime()) return false;
    if (filters.until && time > filters.until.getTime()) return false;
  }
  if (filters.accounts) {
    const account = eventAccount(event);
    if (account === undefined || !filters.accounts.includes(account)) return false;
  }
  if (filters.regions) {
    if (typeof event.awsRegion !== 'string' || !filters.regions.includes(event.awsRegion)) return false;
  }
  return true;
}
