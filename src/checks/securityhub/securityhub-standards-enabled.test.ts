import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import {
  CIS_STANDARD as CIS,
  FSBP_STANDARD as FSBP,
  securityHub as hub,
} from '../../testing/detection-kinds.js';
import check from './securityhub-standards-enabled.js';

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
        /^Security Hub in eu-west-1 runs standards aws-foundational-security-best-practices v1\.0\.0, cis-aws-foundations-benchmark v5\.0\.0$/,
    },
    {
      name: 'one standard is ready while another is still being enabled',
      resources: [
        hub(true, [
          { arn: FSBP, status: 'READY' },
          { arn: CIS, status: 'PENDING' },
        ]),
      ],
      message: /runs standard aws-foundational-security-best-practices v1\.0\.0$/,
    },
  ],
  fail: [
    {
      name: 'Security Hub is on with every standard turned off',
      resources: [hub(true, [])],
      message: /^Security Hub in eu-west-1 is enabled with no standard$/,
    },
    {
      name: 'the only standard failed to enable',
      resources: [hub(true, [{ arn: CIS, status: 'INCOMPLETE' }])],
      message: /no standard ready: cis-aws-foundations-benchmark v5\.0\.0 \(INCOMPLETE\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'Security Hub is on but its standards could not be listed',
      resources: [withGap(hub(true), 'standards', 'throttled', 'securityhub:GetEnabledStandards')],
      reason: 'throttled',
    },
    {
      name: 'DescribeHub was denied, so whether Security Hub is on is unknown',
      resources: [withGap(hub(true), 'enabled', 'access-denied', 'securityhub:DescribeHub')],
      reason: 'access-denied',
    },
  ],
  skip: [
    { name: 'Security Hub is off in the region (securityhub-enabled reports it)', resources: [hub(false)] },
  ],
});
