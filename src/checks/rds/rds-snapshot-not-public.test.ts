import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './rds-snapshot-not-public.js';

const snapshot = (overrides: Partial<AttributesOf<'rds.db-snapshot'>> = {}) =>
  resource('rds.db-snapshot', 'orders-before-migration', {
    identifier: 'orders-before-migration',
    cluster: false,
    encrypted: false,
    public: false,
    ...overrides,
  });

testCheck(check, {
  pass: [
    {
      name: 'a private DB snapshot',
      resources: [snapshot()],
      message: /^DB snapshot orders-before-migration is not public$/,
    },
  ],
  fail: [
    {
      name: 'a DB snapshot anyone may restore',
      resources: [snapshot({ public: true })],
      message: /^DB snapshot orders-before-migration can be restored by any AWS account$/,
    },
    {
      name: 'a public Aurora cluster snapshot',
      resources: [snapshot({ cluster: true, public: true })],
      message: /^DB cluster snapshot orders-before-migration can be restored/,
    },
  ],
  notEvaluated: [
    {
      name: 'the snapshot’s sharing attributes could not be read',
      resources: [withGap(snapshot(), 'public', 'access-denied', 'rds:DescribeDBSnapshotAttributes')],
      reason: 'access-denied',
    },
  ],
});
