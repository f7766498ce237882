import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './inspector2-enabled.js';

type Status = AttributesOf<'inspector2.account'>;

const inspector = (overrides: Partial<Status> = {}) =>
  resource('inspector2.account', REGION, {
    ec2: 'ENABLED',
    ecr: 'ENABLED',
    lambda: 'ENABLED',
    lambdaCode: 'DISABLED',
    ...overrides,
  });

testCheck(check, {
  pass: [
    {
      name: 'Inspector scans EC2, ECR and Lambda',
      resources: [inspector()],
      message: /^Amazon Inspector in eu-west-1 scans EC2, ECR, Lambda$/,
    },
    {
      name: 'Inspector also scans Lambda code',
      resources: [inspector({ lambdaCode: 'ENABLED' })],
      message: /scans EC2, ECR, Lambda, Lambda code$/,
    },
    {
      name: 'the region does not offer Lambda scanning',
      resources: [inspector({ lambda: null, lambdaCode: null })],
      message: /scans EC2, ECR$/,
    },
    { name: 'EC2 scanning is still being turned on', resources: [inspector({ ec2: 'ENABLING' })] },
  ],
  fail: [
    {
      name: 'Inspector was never turned on in the region',
      resources: [inspector({ ec2: 'DISABLED', ecr: 'DISABLED', lambda: 'DISABLED' })],
      message: /^Amazon Inspector is not enabled in eu-west-1$/,
    },
    {
      name: 'only EC2 is scanned',
      resources: [inspector({ ecr: 'DISABLED', lambda: 'SUSPENDED' })],
      message: /does not scan ECR \(DISABLED\), Lambda \(SUSPENDED\)$/,
    },
  ],
  notEvaluated: [
    listingFailed(
      'BatchGetAccountStatus was denied in the region',
      'inspector2.account',
      'inspector2:BatchGetAccountStatus',
    ),
    {
      name: 'the answer left out the EC2 status',
      resources: [withGap(inspector(), 'ec2', 'not-collected', 'inspector2:BatchGetAccountStatus')],
      reason: 'not-collected',
    },
    {
      name: 'the region is not enabled for the account',
      resources: [],
      scopeGaps: [{ region: 'me-central-1', kind: '*', field: '*', reason: 'region-disabled' }],
      reason: 'region-disabled',
    },
  ],
});
