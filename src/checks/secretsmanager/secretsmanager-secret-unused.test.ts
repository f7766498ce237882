import { daysAgo, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { secret } from '../../testing/kinds.js';
import check from './secretsmanager-secret-unused.js';

/** The day `days` before the test clock, as Secrets Manager records a last access. */
const dayAgo = (days: number) => daysAgo(days).slice(0, 10);

testCheck(check, {
  pass: [
    {
      name: 'retrieved yesterday',
      resources: [secret('prod/db', { lastAccessedAt: dayAgo(1) })],
      message: /prod\/db was last retrieved 1 day ago/,
    },
    {
      name: 'a new secret nothing has read yet',
      resources: [secret('prod/new', { lastAccessedAt: null, createdAt: daysAgo(10) })],
      message: /created and never retrieved 10 days ago/,
    },
    {
      name: 'a relaxed 180-day limit accepts a secret last read 120 days ago',
      resources: [secret('prod/db', { lastAccessedAt: dayAgo(120) })],
      thresholds: { maxUnusedDays: 180 },
    },
  ],
  fail: [
    {
      name: 'last retrieved four months ago',
      resources: [secret('prod/legacy', { lastAccessedAt: dayAgo(120) })],
      message: /prod\/legacy was last retrieved 120 days ago \(unused for over 90 days\)/,
    },
    {
      name: 'created a year ago and never retrieved',
      resources: [secret('prod/forgotten', { lastAccessedAt: null, createdAt: daysAgo(365) })],
      message: /created and never retrieved 365 days ago/,
    },
  ],
  notEvaluated: [
    {
      name: 'ListSecrets gave no creation date for a secret never retrieved',
      resources: [withGap(secret('prod/db', { lastAccessedAt: null }), 'createdAt', 'not-collected')],
      reason: 'not-collected',
    },
    listingFailed('secrets could not be listed', 'secretsmanager.secret', undefined, 'throttled'),
  ],
});
