import { GLOBAL } from '../../core/resource.js';
import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { managedPolicy } from '../../testing/iam-kinds.js';
import check from './iam-policy-cloudshell-full-access-not-attached.js';

const cloudshell = (attachmentCount: number) =>
  managedPolicy('AWSCloudShellFullAccess', { awsManaged: true, attachmentCount });

testCheck(check, {
  pass: [
    {
      name: 'the policy is not in use in the account',
      resources: [managedPolicy('read-reports')],
      message: /^AWSCloudShellFullAccess is attached to no user, group or role$/,
    },
    { name: 'the policy is listed with no attachment', resources: [cloudshell(0)] },
  ],
  fail: [
    {
      name: 'the policy is attached to two principals',
      resources: [managedPolicy('read-reports'), cloudshell(2)],
      message: /^AWSCloudShellFullAccess is attached to 2 user/,
    },
  ],
  notEvaluated: [
    {
      name: 'the managed policies could not be listed',
      resources: [],
      scopeGaps: [
        {
          region: GLOBAL,
          kind: 'iam.managed-policy',
          field: '*',
          reason: 'access-denied',
          action: 'iam:GetAccountAuthorizationDetails',
        },
      ],
      reason: 'access-denied',
    },
    {
      name: 'the attachment count of a policy is unknown',
      resources: [withGap(cloudshell(1), 'attachmentCount', 'not-collected')],
      reason: 'not-collected',
    },
  ],
});
