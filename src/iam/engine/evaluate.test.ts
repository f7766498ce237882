import { describe, expect, it } from 'vitest';
import { authorize, withDerivedContext } from './evaluate.js';
import {
  ALICE,
  ANONYMOUS,
  APP_ROLE_ARN,
  APP_SESSION,
  BOB,
  CAROL,
  LAMBDA,
  OWN,
  REPORT,
  ROOT,
  allow,
  decide,
  deny,
  itDecides,
  policy,
  type DecisionCase,
} from '../../testing/iam-decisions.js';

const GET = 's3:GetObject';
const BUCKET_OBJECTS = 'arn:aws:s3:::reports/*';

// IAM User Guide, "Policy evaluation logic" > "Policy evaluation for requests within a single account":
// by default every request is denied; an Allow in an identity-based or resource-based policy overrides that;
// an explicit Deny in any policy overrides any Allow.
describe('requests within a single account: identity-based policies', () => {
  itDecides(<DecisionCase[]>[
    {
      name: 'a user with no policies at all is denied by default',
      principal: ALICE,
      action: GET,
      expected: 'implicit-deny',
    },
    {
      name: 'a user whose policy allows the exact action on the bucket objects may read',
      principal: ALICE,
      action: GET,
      identity: [allow(GET, BUCKET_OBJECTS, { Sid: 'ReadReports' })],
      expected: 'allow',
      decidedBy: ['ReadReports'],
    },
    {
      name: 'a service wildcard s3:* covers s3:GetObject',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*')],
      expected: 'allow',
    },
    {
      name: 'the administrator policy (Action * on Resource *) allows anything',
      principal: ALICE,
      action: 'ec2:TerminateInstances',
      resource: { arn: `arn:aws:ec2:us-east-1:${OWN}:instance/i-0abc`, account: OWN },
      identity: [allow('*')],
      expected: 'allow',
    },
    {
      name: 's3:Get* allows reading an object',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:Get*')],
      expected: 'allow',
    },
    {
      name: 's3:Get* does not allow writing an object',
      principal: ALICE,
      action: 's3:PutObject',
      identity: [allow('s3:Get*')],
      expected: 'implicit-deny',
    },
    {
      name: 'actions are matched case-insensitively',
      principal: ALICE,
      action: GET,
      identity: [allow('S3:getobject')],
      expected: 'allow',
    },
    {
      name: 'a policy allowing another action does not allow this one',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:ListBucket', 'arn:aws:s3:::reports')],
      expected: 'implicit-deny',
      reason: /no identity-based policy/,
    },
    {
      name: 'a policy allowing the action on another bucket does not allow this one',
      principal: ALICE,
      action: GET,
      identity: [allow(GET, 'arn:aws:s3:::archive/*')],
      expected: 'implicit-deny',
    },
    {
      name: 'one allowing policy among several is enough',
      principal: ALICE,
      action: GET,
      identity: [allow('ec2:Describe*'), allow(GET, BUCKET_OBJECTS), allow('sqs:SendMessage')],
      expected: 'allow',
    },
    {
      name: 'an explicit Deny in one policy overrides an Allow in another',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*'), deny(GET, BUCKET_OBJECTS, { Sid: 'NoReports' })],
      expected: 'explicit-deny',
      decidedBy: ['NoReports'],
      reason: /NoReports/,
    },
    {
      name: 'an explicit Deny in the same policy as the Allow wins',
      principal: ALICE,
      action: GET,
      identity: [policy(allow('s3:*'), deny('s3:*', BUCKET_OBJECTS, { Sid: 'Fence' }))],
      expected: 'explicit-deny',
      decidedBy: ['Fence'],
    },
    {
      name: 'a Deny listed before the Allow wins just the same',
      principal: ALICE,
      action: GET,
      identity: [policy(deny(GET, '*', { Sid: 'First' }), allow(GET))],
      expected: 'explicit-deny',
    },
    {
      name: 'a Deny with "Action": "*" denies every action, including ones the Allow names',
      principal: ALICE,
      action: GET,
      identity: [allow(GET), deny('*', '*', { Sid: 'Quarantine' })],
      expected: 'explicit-deny',
      decidedBy: ['Quarantine'],
    },
    {
      name: 'a Deny of another action leaves the Allow in force',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*'), deny('s3:DeleteObject')],
      expected: 'allow',
    },
    {
      name: 'a Deny on another resource leaves the Allow in force',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*'), deny('s3:*', 'arn:aws:s3:::payroll/*')],
      expected: 'allow',
    },
    {
      name: 'a Deny alone grants nothing',
      principal: ALICE,
      action: GET,
      identity: [deny('s3:DeleteObject')],
      expected: 'implicit-deny',
    },
  ]);
});

// IAM User Guide, "IAM JSON policy elements: NotAction" and "NotResource".
describe('NotAction and NotResource', () => {
  const allButIam = { Effect: 'Allow', NotAction: 'iam:*', Resource: '*', Sid: 'PowerUser' };
  const denyAllButIam = { Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Sid: 'OnlyIam' };
  itDecides(<DecisionCase[]>[
    {
      name: 'Allow with NotAction iam:* allows S3 reads',
      principal: ALICE,
      action: GET,
      identity: [allButIam],
      expected: 'allow',
      decidedBy: ['PowerUser'],
    },
    {
      name: 'Allow with NotAction iam:* does not allow creating users',
      principal: ALICE,
      action: 'iam:CreateUser',
      resource: { arn: `arn:aws:iam::${OWN}:user/mallory`, account: OWN },
      identity: [allButIam],
      expected: 'implicit-deny',
    },
    {
      name: 'Deny with NotAction iam:* denies S3 even where allowed',
      principal: ALICE,
      action: GET,
      identity: [allow('*'), denyAllButIam],
      expected: 'explicit-deny',
      decidedBy: ['OnlyIam'],
    },
    {
      name: 'Deny with NotAction iam:* leaves IAM actions allowed',
      principal: ALICE,
      action: 'iam:ListUsers',
      identity: [allow('*'), denyAllButIam],
      expected: 'allow',
    },
    {
      name: 'Allow with NotResource grants everything outside the named bucket',
      principal: ALICE,
      action: GET,
      identity: [{ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::payroll/*' }],
      expected: 'allow',
    },
    {
      name: 'Allow with NotResource grants nothing on the named bucket',
      principal: ALICE,
      action: GET,
      resource: { arn: 'arn:aws:s3:::payroll/june.csv', account: OWN },
      identity: [{ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::payroll/*' }],
      expected: 'implicit-deny',
    },
    {
      name: 'Deny with NotResource protects everything except the named bucket',
      principal: ALICE,
      action: GET,
      identity: [
        allow('s3:*'),
        { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::public/*', Sid: 'OnlyPublic' },
      ],
      expected: 'explicit-deny',
      decidedBy: ['OnlyPublic'],
    },
    {
      name: 'an action that takes no resource is allowed by Resource "*"',
      principal: ALICE,
      action: 'iam:ListUsers',
      resource: { arn: '*', account: OWN },
      identity: [allow('iam:List*')],
      expected: 'allow',
    },
  ]);
});

// IAM User Guide, "IAM JSON policy elements: Condition" and "Condition operators" (IfExists, missing keys).
describe('conditions decide whether a statement applies', () => {
  const denyInsecure = deny('s3:*', '*', {
    Sid: 'TlsOnly',
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  });
  itDecides(<DecisionCase[]>[
    {
      name: 'a Deny for requests without TLS does not apply to a TLS request',
      principal: ALICE,
      action: GET,
      context: { 'aws:securetransport': 'true' },
      identity: [allow('s3:*'), denyInsecure],
      expected: 'allow',
    },
    {
      name: 'a Deny for requests without TLS applies to a plain-HTTP request',
      principal: ALICE,
      action: GET,
      context: { 'aws:securetransport': 'false' },
      identity: [allow('s3:*'), denyInsecure],
      expected: 'explicit-deny',
      decidedBy: ['TlsOnly'],
    },
    {
      name: 'an Allow limited to an office network applies from inside it',
      principal: ALICE,
      action: GET,
      context: { 'aws:sourceip': '203.0.113.9' },
      identity: [allow(GET, '*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })],
      expected: 'allow',
    },
    {
      name: 'an Allow limited to an office network does not apply from outside it',
      principal: ALICE,
      action: GET,
      context: { 'aws:sourceip': '198.51.100.7' },
      identity: [allow(GET, '*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })],
      expected: 'implicit-deny',
    },
    {
      name: 'an Allow whose condition key is absent from the request does not apply',
      principal: ALICE,
      action: GET,
      identity: [allow(GET, '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } })],
      expected: 'implicit-deny',
    },
    {
      name: 'an Allow with ...IfExists applies when the key is absent',
      principal: ALICE,
      action: GET,
      identity: [
        allow(GET, '*', { Condition: { StringEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' } } }),
      ],
      expected: 'allow',
    },
    {
      name: 'an Allow requiring MFA applies to a session that used MFA',
      principal: ALICE,
      action: 'ec2:StopInstances',
      context: { 'aws:multifactorauthpresent': 'true' },
      identity: [
        allow('ec2:StopInstances', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
      ],
      expected: 'allow',
    },
    {
      name: 'a Deny when MFA is absent (BoolIfExists false) applies to long-term keys, which carry no MFA key',
      principal: ALICE,
      action: 'ec2:StopInstances',
      identity: [
        allow('ec2:*'),
        deny('ec2:*', '*', {
          Sid: 'RequireMfa',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        }),
      ],
      expected: 'explicit-deny',
      decidedBy: ['RequireMfa'],
    },
    {
      name: 'a tag-based Allow applies when the resource tag matches the principal tag',
      principal: ALICE,
      action: 'ec2:StartInstances',
      context: { 'aws:resourcetag/team': 'blue', 'aws:principaltag/team': 'blue' },
      identity: [
        allow('ec2:StartInstances', '*', {
          Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
        }),
      ],
      expected: 'allow',
    },
    {
      name: 'a tag-based Allow does not apply to another team’s resource',
      principal: ALICE,
      action: 'ec2:StartInstances',
      context: { 'aws:resourcetag/team': 'red', 'aws:principaltag/team': 'blue' },
      identity: [
        allow('ec2:StartInstances', '*', {
          Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
        }),
      ],
      expected: 'implicit-deny',
    },
  ]);
});

// IAM User Guide, "Policy evaluation logic" > "Identity-based policies with resource-based policies": within one
// account, an Allow in either kind of policy is enough.
describe('requests within a single account: resource-based policies', () => {
  const bucketPolicy = (...statements: Record<string, unknown>[]) => policy(...statements);
  itDecides(<DecisionCase[]>[
    {
      name: 'a bucket policy naming the user grants access without any identity policy',
      principal: ALICE,
      action: GET,
      resourcePolicy: bucketPolicy(
        allow(GET, BUCKET_OBJECTS, { Sid: 'Alice', Principal: { AWS: ALICE.arn } }),
      ),
      expected: 'allow',
      decidedBy: ['Alice'],
    },
    {
      name: 'a bucket policy naming another user grants this one nothing',
      principal: CAROL,
      action: GET,
      resourcePolicy: bucketPolicy(allow(GET, BUCKET_OBJECTS, { Principal: { AWS: ALICE.arn } })),
      expected: 'implicit-deny',
    },
    {
      name: 'a bucket policy for Principal "*" grants any same-account user without identity policy',
      principal: CAROL,
      action: GET,
      resourcePolicy: bucketPolicy(allow(GET, BUCKET_OBJECTS, { Principal: '*' })),
      expected: 'allow',
    },
    {
      name: 'a bucket policy naming the account root delegates to identity policies: none, so denied',
      principal: ALICE,
      action: GET,
      resourcePolicy: bucketPolicy(
        allow(GET, BUCKET_OBJECTS, { Principal: { AWS: `arn:aws:iam::${OWN}:root` } }),
      ),
      expected: 'implicit-deny',
    },
    {
      name: 'a bucket policy naming the account by its id delegates to identity policies, which allow',
      principal: ALICE,
      action: GET,
      identity: [allow(GET, BUCKET_OBJECTS, { Sid: 'Own' })],
      resourcePolicy: bucketPolicy(allow(GET, BUCKET_OBJECTS, { Principal: { AWS: OWN } })),
      expected: 'allow',
      decidedBy: ['Own'],
    },
    {
      name: 'an identity Allow suffices when the bucket policy says nothing about the request',
      principal: ALICE,
      action: GET,
      identity: [allow(GET)],
      resourcePolicy: bucketPolicy(allow('s3:PutObject', BUCKET_OBJECTS, { Principal: { AWS: CAROL.arn } })),
      expected: 'allow',
    },
    {
      name: 'a bucket policy Deny for the user overrides its identity Allow',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*')],
      resourcePolicy: bucketPolicy(
        deny(GET, BUCKET_OBJECTS, { Sid: 'NotAlice', Principal: { AWS: ALICE.arn } }),
      ),
      expected: 'explicit-deny',
      decidedBy: ['NotAlice'],
    },
    {
      name: 'an identity Deny overrides a bucket policy Allow naming the user',
      principal: ALICE,
      action: GET,
      identity: [deny('s3:*', '*', { Sid: 'NoS3' })],
      resourcePolicy: bucketPolicy(allow(GET, BUCKET_OBJECTS, { Principal: { AWS: ALICE.arn } })),
      expected: 'explicit-deny',
      decidedBy: ['NoS3'],
    },
    {
      name: 'a bucket policy denying insecure transport to everyone refuses a plain-HTTP read',
      principal: ALICE,
      action: GET,
      context: { 'aws:securetransport': 'false' },
      identity: [allow('s3:*')],
      resourcePolicy: bucketPolicy(
        deny('s3:*', ['arn:aws:s3:::reports', BUCKET_OBJECTS], {
          Sid: 'DenyInsecureTransport',
          Principal: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ),
      expected: 'explicit-deny',
      decidedBy: ['DenyInsecureTransport'],
    },
    {
      name: 'a bucket policy denying insecure transport lets a TLS read through',
      principal: ALICE,
      action: GET,
      context: { 'aws:securetransport': 'true' },
      identity: [allow('s3:*')],
      resourcePolicy: bucketPolicy(
        deny('s3:*', BUCKET_OBJECTS, {
          Principal: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ),
      expected: 'allow',
    },
    {
      name: 'a Deny naming a different principal does not apply',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*')],
      resourcePolicy: bucketPolicy(deny('s3:*', BUCKET_OBJECTS, { Principal: { AWS: CAROL.arn } })),
      expected: 'allow',
    },
    {
      name: 'a role session is granted by a bucket policy naming its session ARN',
      principal: APP_SESSION,
      action: GET,
      resourcePolicy: bucketPolicy(allow(GET, BUCKET_OBJECTS, { Principal: { AWS: APP_SESSION.arn } })),
      expected: 'allow',
    },
    {
      name: 'a role session is granted by a bucket policy naming its role ARN',
      principal: APP_SESSION,
      action: GET,
      resourcePolicy: bucketPolicy(allow(GET, BUCKET_OBJECTS, { Principal: { AWS: APP_ROLE_ARN } })),
      expected: 'allow',
    },
  ]);
});

// IAM User Guide, "Policy evaluation logic": anonymous and service callers have no identity-based policies, so a
// resource-based policy must allow them; "AWS account root user": the root user is not limited by IAM policies.
describe('callers without identity-based policies, and the root user', () => {
  itDecides(<DecisionCase[]>[
    {
      name: 'an anonymous reader gets a public object from a bucket policy for Principal "*"',
      principal: ANONYMOUS,
      action: GET,
      resourcePolicy: policy(allow(GET, BUCKET_OBJECTS, { Sid: 'Public', Principal: '*' })),
      expected: 'allow',
      decidedBy: ['Public'],
    },
    {
      name: 'an anonymous reader gets nothing from a bucket without a policy',
      principal: ANONYMOUS,
      action: GET,
      expected: 'implicit-deny',
      reason: /no resource-based policy/,
    },
    {
      name: 'an anonymous reader gets nothing from a policy naming the account',
      principal: ANONYMOUS,
      action: GET,
      resourcePolicy: policy(allow(GET, BUCKET_OBJECTS, { Principal: { AWS: OWN } })),
      expected: 'implicit-deny',
    },
    {
      name: 'a public-read policy restricted to an organization does not let an anonymous reader in',
      principal: ANONYMOUS,
      action: GET,
      resourcePolicy: policy(
        allow(GET, BUCKET_OBJECTS, {
          Principal: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        }),
      ),
      expected: 'implicit-deny',
    },
    {
      name: 'a service principal named in the resource policy is allowed',
      principal: LAMBDA,
      action: 'sqs:SendMessage',
      resource: { arn: `arn:aws:sqs:us-east-1:${OWN}:jobs`, account: OWN },
      resourcePolicy: policy(
        allow('sqs:SendMessage', '*', { Principal: { Service: 'lambda.amazonaws.com' } }),
      ),
      expected: 'allow',
    },
    {
      name: 'a service principal not named in the resource policy is denied',
      principal: LAMBDA,
      action: 'sqs:SendMessage',
      resource: { arn: `arn:aws:sqs:us-east-1:${OWN}:jobs`, account: OWN },
      resourcePolicy: policy(allow('sqs:SendMessage', '*', { Principal: { Service: 'sns.amazonaws.com' } })),
      expected: 'implicit-deny',
    },
    {
      name: 'the root user may act in its own account without any policy',
      principal: ROOT,
      action: 's3:DeleteBucket',
      resource: { arn: 'arn:aws:s3:::reports', account: OWN },
      expected: 'allow',
    },
    {
      name: 'the root user is still refused by an explicit Deny in a bucket policy',
      principal: ROOT,
      action: GET,
      resourcePolicy: policy(deny('s3:*', BUCKET_OBJECTS, { Principal: '*', Sid: 'Lockdown' })),
      expected: 'explicit-deny',
      decidedBy: ['Lockdown'],
    },
  ]);
});

// IAM User Guide, "AWS global condition context keys": aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType
// and aws:username come from the caller; "Policy variables" substitute them.
describe('keys AWS derives from the caller', () => {
  itDecides(<DecisionCase[]>[
    {
      name: 'a home-folder policy with ${aws:username} lets a user read their own folder',
      principal: ALICE,
      action: GET,
      resource: { arn: 'arn:aws:s3:::home/alice/notes.txt', account: OWN },
      identity: [allow(GET, 'arn:aws:s3:::home/${aws:username}/*')],
      expected: 'allow',
    },
    {
      name: 'a home-folder policy with ${aws:username} does not open another user’s folder',
      principal: CAROL,
      action: GET,
      resource: { arn: 'arn:aws:s3:::home/alice/notes.txt', account: OWN },
      identity: [allow(GET, 'arn:aws:s3:::home/${aws:username}/*')],
      expected: 'implicit-deny',
    },
    {
      name: 'aws:PrincipalAccount is the caller’s account',
      principal: ALICE,
      action: GET,
      resourcePolicy: policy(
        allow(GET, BUCKET_OBJECTS, {
          Principal: '*',
          Condition: { StringEquals: { 'aws:PrincipalAccount': OWN } },
        }),
      ),
      expected: 'allow',
    },
    {
      name: 'aws:PrincipalType is User for an IAM user',
      principal: ALICE,
      action: GET,
      identity: [allow(GET, '*', { Condition: { StringEquals: { 'aws:PrincipalType': 'User' } } })],
      expected: 'allow',
    },
    {
      name: 'aws:PrincipalArn of a role session is the role ARN, so an exception for the role spares its sessions',
      principal: APP_SESSION,
      action: GET,
      identity: [allow('s3:*')],
      resourcePolicy: policy(
        deny('s3:*', BUCKET_OBJECTS, {
          Principal: '*',
          Condition: { ArnNotEquals: { 'aws:PrincipalArn': APP_ROLE_ARN } },
        }),
      ),
      expected: 'allow',
    },
    {
      name: 'an exception for one role does not spare a user',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*')],
      resourcePolicy: policy(
        deny('s3:*', BUCKET_OBJECTS, {
          Sid: 'OnlyApp',
          Principal: '*',
          Condition: { ArnNotEquals: { 'aws:PrincipalArn': APP_ROLE_ARN } },
        }),
      ),
      expected: 'explicit-deny',
      decidedBy: ['OnlyApp'],
    },
    {
      name: 'a value the request context sets itself is kept',
      principal: ALICE,
      action: GET,
      context: { 'aws:principaltype': 'AssumedRole' },
      identity: [allow(GET, '*', { Condition: { StringEquals: { 'aws:PrincipalType': 'AssumedRole' } } })],
      expected: 'allow',
    },
  ]);

  it('marks a user as not an AWS service', () => {
    const { context } = withDerivedContext({ principal: ALICE, action: GET, resource: REPORT, context: {} });
    expect(context['aws:principalisawsservice']).toBe('false');
  });

  it('marks a service caller as an AWS service and names it', () => {
    const { context } = withDerivedContext({ principal: LAMBDA, action: GET, resource: REPORT, context: {} });
    expect(context).toMatchObject({
      'aws:principalisawsservice': 'true',
      'aws:principalservicename': 'lambda.amazonaws.com',
    });
  });
});

describe('the answer explains itself', () => {
  it('names the denying statement and its policy', () => {
    const authorization = decide({
      name: 'deny',
      principal: ALICE,
      action: GET,
      identity: [allow('s3:*'), deny(GET, '*', { Sid: 'NoReports' })],
      expected: 'explicit-deny',
    });
    expect(authorization.reason).toMatch(/NoReports/);
    expect(authorization.reason).toMatch(/identity-2/);
    expect(authorization.deciding).toEqual([
      { policy: 'identity-2', type: 'identity', sid: 'NoReports', path: '$.Statement[0]', effect: 'Deny' },
    ]);
  });

  it('names the statement path when a statement has no Sid', () => {
    const authorization = decide({
      name: 'allow',
      principal: ALICE,
      action: GET,
      identity: [allow(GET)],
      expected: 'allow',
    });
    expect(authorization.reason).toMatch(/\$\.Statement\[0\]/);
    expect(authorization.deciding[0]).toMatchObject({ type: 'identity', effect: 'Allow', sid: null });
  });

  it('gives no deciding statements for a default deny', () => {
    const authorization = authorize(
      { principal: BOB, action: GET, resource: REPORT, context: {} },
      { identity: [], resource: null, boundary: null, session: [], scps: [], rcps: [] },
    );
    expect(authorization.decision).toBe('implicit-deny');
    expect(authorization.deciding).toEqual([]);
  });
});
