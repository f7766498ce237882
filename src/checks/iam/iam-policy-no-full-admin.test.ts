import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { ALLOW_EVERYTHING, managedPolicy, policy } from '../../testing/iam-kinds.js';
import check from './iam-policy-no-full-admin.js';

const admin = (document: Record<string, unknown>) =>
  managedPolicy('platform-admin', { defaultVersionDocument: document, attachmentCount: 2 });

testCheck(check, {
  pass: [
    {
      name: 'an attached policy that reads one bucket',
      resources: [managedPolicy('read-reports')],
      message: /^Policy read-reports does not grant every action/,
    },
    {
      name: 'a policy allowing everything except IAM (NotAction) is broad but not full admin',
      resources: [admin(policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }))],
    },
    {
      name: 'a policy allowing everything only from the corporate network',
      resources: [
        admin(
          policy({ ...ALLOW_EVERYTHING, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
        ),
      ],
    },
    {
      name: 'a policy allowing everything but denying all of IAM',
      resources: [admin(policy(ALLOW_EVERYTHING, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }))],
    },
    {
      name: 'a policy allowing every S3 action (a service wildcard, not full admin)',
      resources: [admin(policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }))],
    },
  ],
  fail: [
    {
      name: 'an attached policy allowing * on *',
      resources: [admin(policy({ Sid: 'Everything', ...ALLOW_EVERYTHING }))],
      message:
        /^Policy platform-admin, attached 2 time\(s\), grants full administrator access .* statement Everything$/,
    },
    {
      name: 'an attached policy allowing "*:*" on a list of resources holding "*"',
      resources: [admin(policy({ Effect: 'Allow', Action: ['*:*'], Resource: ['arn:aws:s3:::x', '*'] }))],
      message: /allowing \*:\*/,
    },
    {
      name: 'a policy whose only Deny is narrow (one bucket) still grants administration',
      resources: [
        admin(
          policy(ALLOW_EVERYTHING, {
            Effect: 'Deny',
            Action: 's3:DeleteBucket',
            Resource: 'arn:aws:s3:::logs',
          }),
        ),
      ],
    },
  ],
  notEvaluated: [
    {
      name: 'the default policy version could not be parsed',
      resources: [
        withGap(
          admin(policy()),
          'defaultVersionDocument',
          'collection-error',
          'iam:GetAccountAuthorizationDetails',
        ),
      ],
      reason: 'collection-error',
    },
  ],
  skip: [
    {
      name: 'an administrator policy attached to nobody',
      resources: [
        managedPolicy('spare-admin', {
          attachmentCount: 0,
          defaultVersionDocument: policy(ALLOW_EVERYTHING),
        }),
      ],
    },
    {
      name: 'the AWS managed AdministratorAccess policy (judged where it is attached)',
      resources: [
        managedPolicy('AdministratorAccess', {
          awsManaged: true,
          defaultVersionDocument: policy(ALLOW_EVERYTHING),
        }),
      ],
    },
  ],
});
