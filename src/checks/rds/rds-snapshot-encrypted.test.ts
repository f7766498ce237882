import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './rds-snapshot-encrypted.js';

const snapshot = (overrides: Partial<AttributesOf<'rds.db-snapshot'>> = {}) =>
  resource('rds.db-snapshot', 'orders-2026-05', {
    identifier: 'orders-2026-05',
    cluster: false,
    encrypted: true,
    public: false,
    ...overrides,
  });

testCheck(check, {
  pass: [
    {
      name: 'an encrypted DB snapshot',
      resources: [snapshot()],
      message: /^DB snapshot orders-2026-05 is encrypted$/,
    },
    {
      name: 'an encrypted cluster snapshot',
      resources: [snapshot({ cluster: true })],
      message: /DB cluster snapshot/,
    },
  ],
  fail: [
    {
      name: 'a manual snapshot of an unencrypted database',
      resources: [snapshot({ encrypted: false })],
      message: /^DB snapshot orders-2026-05 is not encrypted$/,
    },
  ],
  notEvaluated: [
    {
      name: 'whether the snapshot is encrypted could not be read',
      resources: [withGap(snapshot(), 'encrypted', 'access-denied', 'rds:DescribeDBSnapshots')],
      reason: 'access-denied',
    },
    listingFailed(
      'DB snapshots could not be listed in the region',
      'rds.db-snapshot',
      'rds:DescribeDBSnapshots',
    ),
  ],
});
