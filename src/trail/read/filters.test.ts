import { describe, expect, it } from 'vitest';
import { UserError } from '../../cli/errors.js';
import { eventInFilters, parseTrailFilters } from './filters.js';
import { isDigestPath, layoutInFilters, parseTrailPath } from './layout.js';

const NOW = new Date('2026-05-10T12:00:00Z');
const ACCOUNT = '111122223333';

const event = (overrides: Record<string, unknown> = {}) => ({
  eventTime: '2026-05-03T10:00:00Z',
  eventSource: 'iam.amazonaws.com',
  eventName: 'ListUsers',
  awsRegion: 'us-east-1',
  recipientAccountId: ACCOUNT,
  ...overrides,
});

describe('parseTrailFilters', () => {
  it('reads a date as a whole UTC day, so --until includes that day', () => {
    expect(parseTrailFilters({ since: '2026-05-01', until: '2026-05-03' }, NOW)).toEqual({
      since: new Date('2026-05-01T00:00:00.000Z'),
      until: new Date('2026-05-03T23:59:59.999Z'),
    });
  });

  it('reads an ISO time with a zone, and a duration back from now', () => {
    expect(parseTrailFilters({ since: '2026-05-01T12:30:00+02:00' }, NOW).since).toEqual(
      new Date('2026-05-01T10:30:00Z'),
    );
    expect(parseTrailFilters({ since: '7d' }, NOW).since).toEqual(new Date('2026-05-03T12:00:00Z'));
    expect(parseTrailFilters({ since: '36h' }, NOW).since).toEqual(new Date('2026-05-09T00:00:00Z'));
  });

  it('reads comma-separated accounts and regions, without duplicates', () => {
    expect(
      parseTrailFilters(
        { account: `${ACCOUNT}, 444455556666,${ACCOUNT}`, region: 'eu-west-1,us-gov-west-1' },
        NOW,
      ),
    ).toEqual({ accounts: [ACCOUNT, '444455556666'], regions: ['eu-west-1', 'us-gov-west-1'] });
  });

  it.each([
    [{ since: 'yesterday' }, '--since yesterday: expected a date (2026-05-01), a UTC time'],
    [{ until: '2026-02-30' }, '--until 2026-02-30: expected a date'],
    [{ since: '2026-05-01T10:00:00' }, '--since 2026-05-01T10:00:00: expected a date'],
    [{ since: '2026-05-04', until: '2026-05-02' }, '--since 2026-05-04 is after --until 2026-05-02'],
    [{ account: '1234' }, '--account 1234: expected a 12-digit AWS account id'],
    [{ account: ' , ' }, '--account: expected a 12-digit AWS account id'],
    [{ region: 'mars' }, '--region mars: expected an AWS region such as eu-west-1'],
  ])('rejects %j with one line naming the flag', (flags, message) => {
    let thrown: unknown;
    try {
      parseTrailFilters(flags, NOW);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as Error).message.startsWith(message)).toBe(true);
    expect((thrown as Error).message).not.toContain('\n');
  });
});

describe('eventInFilters', () => {
  const filters = parseTrailFilters(
    { since: '2026-05-02', until: '2026-05-03', account: ACCOUNT, region: 'us-east-1' },
    NOW,
  );

  it('keeps an event inside every filter', () => {
    expect(eventInFilters(event(), filters)).toBe(true);
    expect(eventInFilters(event({ eventTime: '2026-05-02T00:00:00Z' }), filters)).toBe(true);
    expect(eventInFilters(event({ eventTime: '2026-05-03T23:59:59Z' }), filters)).toBe(true);
  });

  it('drops events before since, after until, or with an unreadable time', () => {
    expect(eventInFilters(event({ eventTime: '2026-05-01T23:59:59Z' }), filters)).toBe(false);
    expect(eventInFilters(event({ eventTime: '2026-05-04T00:00:00Z' }), filters)).toBe(false);
    expect(eventInFilters(event({ eventTime: 'soon' }), filters)).toBe(false);
  });

  it('drops events of another account or region, using the caller account when no recipient is given', () => {
    expect(eventInFilters(event({ recipientAccountId: '444455556666' }), filters)).toBe(false);
    expect(eventInFilters(event({ awsRegion: 'eu-west-1' }), filters)).toBe(false);
    const callerOnly = event({ recipientAccountId: undefined, userIdentity: { accountId: ACCOUNT } });
    expect(eventInFilters(callerOnly, filters)).toBe(true);
    expect(eventInFilters(event({ recipientAccountId: undefined }), filters)).toBe(false);
  });

  it('keeps everything when there is no filter', () => {
    expect(eventInFilters(event({ eventTime: 'soon', awsRegion: undefined }), {})).toBe(true);
  });
});

describe('CloudTrail key layout', () => {
  const file = `logs/AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/05/01/${ACCOUNT}_CloudTrail_us-east-1_20260501T1205Z_a1B2c3D4e5F6g7H8.json.gz`;

  it('reads account, region, day and delivery time from a key', () => {
    expect(parseTrailPath(file)).toEqual({
      account: ACCOUNT,
      logType: 'CloudTrail',
      region: 'us-east-1',
      year: 2026,
      month: 5,
      day: 1,
      delivered: new Date('2026-05-01T12:05:00Z'),
    });
  });

  it('reads the organization level of an organization trail, and partial prefixes', () => {
    expect(parseTrailPath(`AWSLogs/o-aa11bb22cc/${ACCOUNT}/CloudTrail/eu-west-1/2026/`)).toEqual({
      organization: 'o-aa11bb22cc',
      account: ACCOUNT,
      logType: 'CloudTrail',
      region: 'eu-west-1',
      year: 2026,
    });
    expect(parseTrailPath('AWSLogs/o-aa11bb22cc/')).toEqual({ organization: 'o-aa11bb22cc' });
    expect(parseTrailPath('exports/2026/file.json')).toEqual({});
  });

  it('prunes by account, region and day, keeping a day that may hold events late-delivered after until', () => {
    const filters = parseTrailFilters({ since: '2026-05-02', until: '2026-05-03' }, NOW);
    const day = (date: string) => parseTrailPath(`AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/${date}/`);
    expect(layoutInFilters(day('2026/05/01'), filters)).toBe(false);
    expect(layoutInFilters(day('2026/05/02'), filters)).toBe(true);
    expect(layoutInFilters(day('2026/05/04'), filters)).toBe(true);
    expect(layoutInFilters(day('2026/05/05'), filters)).toBe(false);
    expect(layoutInFilters(parseTrailPath(`AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/04/`), filters)).toBe(
      false,
    );
    expect(layoutInFilters(parseTrailPath(file), { accounts: ['444455556666'] })).toBe(false);
    expect(layoutInFilters(parseTrailPath(file), { regions: ['eu-west-1'] })).toBe(false);
  });

  it('never reads CloudTrail Insights files, which hold no API calls', () => {
    expect(
      layoutInFilters(
        parseTrailPath(`AWSLogs/${ACCOUNT}/CloudTrail-Insight/us-east-1/2026/05/01/x.json.gz`),
        {},
      ),
    ).toBe(false);
  });

  it('prunes a file delivered before since by the time in its name', () => {
    expect(layoutInFilters(parseTrailPath(file), { since: new Date('2026-05-01T12:06:00Z') })).toBe(false);
    expect(layoutInFilters(parseTrailPath(file), { since: new Date('2026-05-01T12:05:30Z') })).toBe(true);
  });

  it('recognises digest files by folder or by name', () => {
    expect(isDigestPath(`AWSLogs/${ACCOUNT}/CloudTrail-Digest/us-east-1/2026/05/01/x.json.gz`)).toBe(true);
    expect(
      isDigestPath(
        `downloads/${ACCOUNT}_CloudTrail-Digest_us-east-1_main_us-east-1_20260501T130000Z.json.gz`,
      ),
    ).toBe(true);
    expect(isDigestPath(file)).toBe(false);
  });
});
