import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { elasticacheReplicationGroup as group } from '../../testing/database-kinds.js';
import check from './elasticache-replication-group-encrypted-in-transit.js';

testCheck(check, {
  pass: [
    {
      name: 'a group that requires TLS',
      resources: [group()],
      message: /^Replication group sessions \(redis\) accepts TLS connections only$/,
    },
    {
      name: 'a group with TLS on from before encryption modes existed',
      resources: [group({ transitEncryptionMode: null })],
    },
  ],
  fail: [
    {
      name: 'a group without in-transit encryption',
      resources: [group({ transitEncryptionEnabled: false, transitEncryptionMode: null })],
      message: /sessions \(redis\) has in-transit encryption off: clients connect in plaintext$/,
    },
    {
      name: 'a group left in preferred mode after a migration to TLS',
      resources: [group({ transitEncryptionMode: 'preferred' })],
      message: /still accepts plaintext connections \(in-transit encryption mode preferred\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the in-transit encryption mode could not be read',
      resources: [withGap(group(), 'transitEncryptionMode', 'not-collected')],
      reason: 'not-collected',
    },
  ],
});
