import { daysAgo, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { iamRole, serviceLinkedRole } from '../../testing/iam-kinds.js';
import check from './iam-role-unused.js';

testCheck(check, {
  pass: [
    {
      name: 'a role used yesterday',
      resources: [iamRole('app')],
      message: /^Role app was last used 1 days ago$/,
    },
    {
      name: 'a role created last week and not used yet',
      resources: [iamRole('new-pipeline', { createdAt: daysAgo(7), lastUsedAt: null })],
      message: /created 7 days ago and has not been used yet/,
    },
    {
      name: 'a role idle for 120 days, with the limit raised to 180',
      resources: [iamRole('quarterly-report', { lastUsedAt: daysAgo(120) })],
      thresholds: { maxUnusedDays: 180 },
    },
  ],
  fail: [
    {
      name: 'a role idle for 200 days',
      resources: [iamRole('old-vendor', { lastUsedAt: daysAgo(200) })],
      message: /^Role old-vendor has not been used for 200 days \(limit 90\)$/,
    },
    {
      name: 'a role created a year ago and never used',
      resources: [iamRole('spare', { createdAt: daysAgo(365), lastUsedAt: null })],
      message: /^Role spare, created 365 days ago, has no recorded use/,
    },
  ],
  notEvaluated: [
    {
      name: 'the last-used data could not be read',
      resources: [
        withGap(iamRole('app'), 'lastUsedAt', 'access-denied', 'iam:GetAccountAuthorizationDetails'),
      ],
      reason: 'access-denied',
    },
  ],
  skip: [{ name: 'a service-linked role never used', resources: [serviceLinkedRole()] }],
});
