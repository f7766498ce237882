import { describe, expect, it } from 'vitest';
import { REGION, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import {
  CIS_STANDARD as CIS,
  FSBP_STANDARD as FSBP,
  securityHub as hub,
} from '../../testing/detection-kinds.js';
import check from './securityhub-enabled.js';

testCheck(check, {
  pass: [
    {
      name: 'Security Hub runs FSBP and CIS v5.0.0',
      resources: [
        hub(true, [
          { arn: FSBP, status: 'READY' },
          { arn: CIS, status: 'READY' },
        ]),
      ],
      message:
        /^Security Hub is enabled with standards aws-foundational-security-best-practices v1\.0\.0, cis-aws-foundations-benchmark v5\.0\.0$/,
    },
    {
      name: 'Security Hub is on with every standard turned off',
      resources: [hub(true, [])],
      message: /no standard enabled/,
    },
    {
      name: 'a standard still being enabled is shown with its status',
      resources: [hub(true, [{ arn: CIS, status: 'PENDING' }])],
      message: /cis-aws-foundations-benchmark v5\.0\.0 \(PENDING\)/,
    },
  ],
  fail: [
    {
      name: 'the account is not subscribed to Security Hub',
      resources: [hub(false)],
      message: /not enabled/,
    },
    {
      name: 'the region has no hub record at all',
      resources: [],
      regions: [REGION],
      message: /not enabled/,
    },
  ],
  notEvaluated: [
    {
      name: 'DescribeHub was denied',
      resources: [withGap(hub(true), 'enabled', 'access-denied', 'securityhub:DescribeHub')],
      reason: 'access-denied',
    },
    {
      name: 'Security Hub is on but its standards could not be listed',
      resources: [withGap(hub(true), 'standards', 'throttled', 'securityhub:GetEnabledStandards')],
      reason: 'throttled',
    },
    {
      name: 'the region is not enabled for the account',
      resources: [],
      scopeGaps: [{ region: 'me-central-1', kind: '*', field: '*', reason: 'region-disabled' }],
      reason: 'region-disabled',
    },
  ],
});

describe('securityhub-enabled evidence', () => {
  it('lists each enabled standard with its ARN and status', () => {
    const [result] = runCase(check, { name: 'one', resources: [hub(true, [{ arn: CIS, status: 'READY' }])] });
    expect(result?.evidence).toEqual({
      enabled: true,
      standards: [{ name: 'cis-aws-foundations-benchmark v5.0.0', arn: CIS, status: 'READY' }],
    });
  });
});
