import { daysAgo, REGION, resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './secretsmanager-secret-rotation-enabled.js';

const secret = (name: string, rotationEnabled: boolean, rotationIntervalDays: number | null) =>
  resource(
    'secretsmanager.secret',
    name,
    {
      name,
      rotationEnabled,
      rotationIntervalDays,
      lastRotatedAt: rotationEnabled ? daysAgo(3) : null,
      createdAt: daysAgo(500),
      kmsKeyId: null,
      policy: null,
      lastAccessedAt: null,
    },
    { arn: `arn:aws:secretsmanager:${REGION}:111122223333:secret:${name}-AbCdEf` },
  );

testCheck(check, {
  pass: [
    {
      name: 'the secret rotates every 30 days',
      resources: [secret('prod/db', true, 30)],
      message: /prod\/db rotates every 30 days/,
    },
    { name: 'the secret rotates exactly every 90 days', resources: [secret('prod/db', true, 90)] },
    {
      name: 'a relaxed 180-day limit accepts a 120-day schedule',
      resources: [secret('prod/db', true, 120)],
      thresholds: { maxRotationDays: 180 },
    },
  ],
  fail: [
    {
      name: 'the secret is never rotated automatically',
      resources: [secret('prod/api-token', false, null)],
      message: /prod\/api-token is not rotated automatically/,
    },
    {
      name: 'rotation was turned off, even though an old schedule is still recorded',
      resources: [secret('prod/db', false, 30)],
      message: /not rotated automatically/,
    },
    {
      name: 'the secret rotates only once a year',
      resources: [secret('prod/db', true, 365)],
      message: /every 365 days \(at most 90 allowed\)/,
    },
    { name: 'the secret rotates every 91 days, one day over', resources: [secret('prod/db', true, 91)] },
    {
      name: 'a stricter 30-day limit rejects a 60-day schedule',
      resources: [secret('prod/db', true, 60)],
      thresholds: { maxRotationDays: 30 },
      message: /at most 30 allowed/,
    },
  ],
  notEvaluated: [
    {
      name: 'the rotation settings could not be read',
      resources: [
        withGap(
          secret('prod/db', true, 30),
          'rotationEnabled',
          'access-denied',
          'secretsmanager:DescribeSecret',
        ),
      ],
      reason: 'access-denied',
    },
    {
      name: 'rotation is on but its interval is unknown',
      resources: [secret('prod/db', true, null)],
      reason: 'unresolved',
      message: /how often it rotates is unknown/,
    },
    listingFailed(
      'secrets could not be listed in the region',
      'secretsmanager.secret',
      'secretsmanager:ListSecrets',
    ),
  ],
});
