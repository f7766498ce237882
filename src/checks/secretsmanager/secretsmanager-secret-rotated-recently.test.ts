import { daysAgo, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { secret } from '../../testing/kinds.js';
import check from './secretsmanager-secret-rotated-recently.js';

testCheck(check, {
  pass: [
    {
      name: 'rotated last week',
      resources: [secret('prod/db', { lastRotatedAt: daysAgo(7), createdAt: daysAgo(400) })],
      message: /prod\/db was last rotated 7 days ago/,
    },
    {
      name: 'rotated exactly 90 days ago',
      resources: [secret('prod/db', { lastRotatedAt: daysAgo(90) })],
    },
    {
      name: 'a new secret that has not had to rotate yet',
      resources: [secret('prod/new', { lastRotatedAt: null, createdAt: daysAgo(20) })],
      message: /created and never rotated 20 days ago/,
    },
    {
      name: 'a relaxed 365-day limit accepts a rotation 200 days ago',
      resources: [secret('prod/db', { lastRotatedAt: daysAgo(200) })],
      thresholds: { maxAgeDays: 365 },
    },
  ],
  fail: [
    {
      name: 'rotation is on but last succeeded 120 days ago',
      resources: [secret('prod/db', { rotationEnabled: true, lastRotatedAt: daysAgo(120) })],
      message: /prod\/db was last rotated 120 days ago \(at most 90 allowed\)/,
    },
    {
      name: 'created two years ago and never rotated',
      resources: [
        secret('prod/stripe', { rotationEnabled: false, lastRotatedAt: null, createdAt: daysAgo(730) }),
      ],
      message: /created and never rotated 730 days ago/,
    },
  ],
  notEvaluated: [
    {
      name: 'ListSecrets gave no creation date',
      resources: [withGap(secret('prod/db', { lastRotatedAt: null }), 'createdAt', 'not-collected')],
      reason: 'not-collected',
    },
    listingFailed('secrets could not be listed', 'secretsmanager.secret'),
  ],
});
