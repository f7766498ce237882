import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { elasticacheReplicationGroup as group } from '../../testing/database-kinds.js';
import check from './elasticache-replication-group-auth-enabled.js';

testCheck(check, {
  pass: [
    {
      name: 'a group whose clients sign in as RBAC users',
      resources: [group()],
      message: /^Replication group sessions \(redis\) authenticates clients as users of app-users$/,
    },
    {
      name: 'a Redis 5 group protected by an AUTH token',
      resources: [group({ userGroupIds: [], authTokenEnabled: true })],
      message: /requires its AUTH token$/,
    },
  ],
  fail: [
    {
      name: 'a group any client in the network can use without a password',
      resources: [group({ userGroupIds: [], authTokenEnabled: false })],
      message:
        /^Replication group sessions \(redis\) lets any client that reaches it run commands: no AUTH token and no RBAC user group$/,
    },
  ],
  notEvaluated: [
    {
      name: 'whether an AUTH token is set could not be read',
      resources: [withGap(group({ userGroupIds: [] }), 'authTokenEnabled', 'throttled')],
      reason: 'throttled',
    },
  ],
});
