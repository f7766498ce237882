import { describe, expect, it } from 'vitest';
import type { AttributesOf } from '../../core/kinds/index.js';
import { ACCOUNT, REGION, resource, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './accessanalyzer-enabled.js';

type Analyzer = AttributesOf<'accessanalyzer.analyzer'>;

const ADMIN = '999988887777';
const analyzer = (
  name: string,
  type: Analyzer['type'],
  status: Analyzer['status'] = 'ACTIVE',
  placement: { account?: string; region?: string } = {},
) => {
  const account = placement.account ?? ACCOUNT;
  const region = placement.region ?? REGION;
  return resource(
    'accessanalyzer.analyzer',
    name,
    { name, arn: `arn:aws:access-analyzer:${region}:${account}:analyzer/${name}`, type, status },
    { account, region },
  );
};
const listingDenied = (account = ACCOUNT) => ({
  account,
  region: REGION,
  kind: 'accessanalyzer.analyzer',
  field: '*',
  reason: 'access-denied' as const,
  action: 'access-analyzer:ListAnalyzers',
});

testCheck(check, {
  pass: [
    {
      name: 'the account runs an active account analyzer in the region',
      resources: [analyzer('external', 'ACCOUNT')],
      message: /ACCOUNT analyzer external is active/,
    },
    {
      name: 'the delegated administrator runs an active organization analyzer in the region',
      resources: [analyzer('org', 'ORGANIZATION', 'ACTIVE', { account: ADMIN })],
      regions: [REGION],
      // the administrator's own region passes too, on its own analyzer
      message: /^(Organization analyzer org in account 999988887777|ORGANIZATION analyzer org) is active$/,
    },
    {
      name: 'a disabled analyzer beside an active one does not matter',
      resources: [analyzer('old', 'ACCOUNT', 'DISABLED'), analyzer('external', 'ACCOUNT')],
    },
  ],
  fail: [
    {
      name: 'the region has no analyzer at all',
      resources: [],
      regions: [REGION],
      message: /^No external access analyzer covers this region$/,
    },
    {
      name: 'the only analyzer looks for unused access, not external access',
      resources: [analyzer('unused', 'ACCOUNT_UNUSED_ACCESS')],
      message: /unused \(ACCOUNT_UNUSED_ACCESS, ACTIVE\)/,
    },
    {
      name: 'the account analyzer failed',
      resources: [analyzer('external', 'ACCOUNT', 'FAILED')],
      message: /external \(ACCOUNT, FAILED\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'ListAnalyzers was denied in the region',
      resources: [],
      scopeGaps: [listingDenied()],
      reason: 'access-denied',
    },
    {
      name: 'an analyzer of an unrecognized status could not be read',
      resources: [withGap(analyzer('external', 'ACCOUNT'), 'status', 'not-collected')],
      reason: 'not-collected',
    },
    {
      name: 'the delegated administrator’s analyzers could not be listed',
      resources: [],
      regions: [REGION],
      scopeGaps: [listingDenied(ADMIN)],
      reason: 'access-denied',
    },
    {
      name: 'the delegated administrator’s analyzer type could not be read',
      resources: [
        withGap(analyzer('org', 'ORGANIZATION', 'ACTIVE', { account: ADMIN }), 'type', 'not-collected'),
      ],
      regions: [REGION],
      reason: 'not-collected',
    },
  ],
});

describe('accessanalyzer-enabled across accounts', () => {
  /** The result for this account's region only: the other account in the inventory gets its own. */
  const ours = (resources: ReturnType<typeof analyzer>[]) =>
    runCase(check, { name: 'org', resources, regions: [REGION] }).filter(
      (result) => result.resource.account === ACCOUNT && result.resource.region === REGION,
    );

  it('does not credit an organization analyzer that runs in another region', () => {
    const [result] = ours([
      analyzer('org', 'ORGANIZATION', 'ACTIVE', { account: ADMIN, region: 'us-east-1' }),
    ]);
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe('No external access analyzer covers this region');
  });

  it('does not credit another account’s account analyzer, which covers only that account', () => {
    const [result] = ours([analyzer('theirs', 'ACCOUNT', 'ACTIVE', { account: ADMIN })]);
    expect(result?.status).toBe('FAIL');
  });

  it('does not credit another account’s organization analyzer that is disabled', () => {
    const [result] = ours([analyzer('org', 'ORGANIZATION', 'DISABLED', { account: ADMIN })]);
    expect(result?.status).toBe('FAIL');
  });

  it('names the administrator account whose analyzer covers this one', () => {
    const [result] = ours([analyzer('org', 'ORGANIZATION', 'ACTIVE', { account: ADMIN })]);
    expect(result?.evidence).toEqual({
      analyzer: { name: 'org', type: 'ORGANIZATION', status: 'ACTIVE', account: ADMIN },
      analyzers: [],
    });
  });
});
