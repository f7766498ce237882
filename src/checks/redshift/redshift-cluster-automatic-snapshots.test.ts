import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { redshiftCluster as cluster } from '../../testing/database-kinds.js';
import check from './redshift-cluster-automatic-snapshots.js';

testCheck(check, {
  pass: [
    {
      name: 'a cluster keeping a week of automated snapshots',
      resources: [cluster()],
      message: /^Redshift cluster warehouse keeps automated snapshots for 7 days$/,
    },
    {
      name: 'a cluster keeping a day of snapshots where the policy asks for one',
      resources: [cluster({ automatedSnapshotRetentionPeriod: 1 })],
      thresholds: { minRetentionDays: 1 },
    },
  ],
  fail: [
    {
      name: 'a cluster with automated snapshots off',
      resources: [cluster({ automatedSnapshotRetentionPeriod: 0 })],
      message: /^Redshift cluster warehouse takes no automated snapshots$/,
    },
    {
      name: 'a cluster keeping the one day Redshift sets by default',
      resources: [cluster({ automatedSnapshotRetentionPeriod: 1 })],
      message: /^Redshift cluster warehouse keeps automated snapshots for 1 days, fewer than 7$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the snapshot retention could not be read',
      resources: [withGap(cluster(), 'automatedSnapshotRetentionPeriod', 'access-denied')],
      reason: 'access-denied',
    },
  ],
});
