import { describe, expect, it } from 'vitest';
import { describeGrants, judgePolicy, policyExposure } from './exposure.js';

const OWNER = '111122223333';
const OTHER = '444455556666';
const OBJECTS = 'arn:aws:s3:::reports/*';
const BUCKET = { arn: 'arn:aws:s3:::reports', account: OWNER };
const QUEUE = { arn: `arn:aws:sqs:us-east-1:${OWNER}:jobs`, account: OWNER };

/** A statement with `overrides`; an override of `undefined` leaves the element out. */
const allow = (overrides: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries<unknown>({
      Sid: 'Read',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: OBJECTS,
      ...overrides,
    }).filter(([, value]) => value !== undefined),
  );
const exposureOf = (...statements: Record<string, unknown>[]) =>
  policyExposure({ Version: '2012-10-17', Statement: statements }, BUCKET);
const isPublic = (...statements: Record<string, unknown>[]) =>
  exposureOf(...statements).publicGrants.length > 0;

describe('policyExposure', () => {
  describe('principals', () => {
    it.each([
      ['"*"', '*'],
      ['{"AWS": "*"}', { AWS: '*' }],
      ['"*" among named accounts', { AWS: [`arn:aws:iam::${OTHER}:root`, '*'] }],
    ])('an Allow to %s is public, naming the actions it grants', (_name, principal) => {
      expect(exposureOf(allow({ Principal: principal })).publicGrants).toEqual([
        { statement: 'Read', actions: ['s3:GetObject'], sourceIps: null, access: ['Read'] },
      ]);
    });

    it('an Allow with NotPrincipal grants everyone but the named principals: public', () => {
      expect(
        isPublic(allow({ Principal: undefined, NotPrincipal: { AWS: `arn:aws:iam::${OWNER}:root` } })),
      ).toBe(true);
    });

    it('a service principal is not public', () => {
      expect(isPublic(allow({ Principal: { Service: 'cloudtrail.amazonaws.com' } }))).toBe(false);
    });

    it('a Deny to everyone grants nothing', () => {
      expect(exposureOf(allow({ Effect: 'Deny' }))).toEqual({
        publicGrants: [],
        ipRestrictedGrants: [],
        cancelledGrants: [],
        externalAccounts: [],
      });
    });

    it('names other accounts granted by id, root ARN or role ARN, not the owner', () => {
      const principal = {
        AWS: [OTHER, `arn:aws:iam::999988887777:role/reader`, `arn:aws:iam::${OWNER}:root`],
      };
      expect(exposureOf(allow({ Principal: principal }))).toMatchObject({
        publicGrants: [],
        externalAccounts: [OTHER, '999988887777'],
      });
    });

    it('labels statements without a Sid by position', () => {
      expect(
        exposureOf(allow({ Principal: { AWS: OTHER } }), allow({ Sid: undefined })).publicGrants,
      ).toEqual([expect.objectContaining({ statement: '#2' })]);
    });

    it('reads NotAction as every action except those', () => {
      expect(
        exposureOf(allow({ Action: undefined, NotAction: 's3:DeleteObject' })).publicGrants[0]?.actions,
      ).toEqual(['every action except s3:DeleteObject']);
    });
  });

  describe('conditions', () => {
    it.each([
      ['aws:PrincipalOrgID', 'StringEquals', 'o-a1b2c3d4e5'],
      ['aws:PrincipalOrgPaths', 'ForAnyValue:StringLike', 'o-a1b2c3d4e5/r-ab12/*'],
      ['aws:PrincipalAccount', 'StringEquals', OWNER],
      ['aws:PrincipalArn', 'ArnLike', `arn:aws:iam::${OWNER}:role/*`],
      ['aws:SourceAccount', 'StringEquals', OWNER],
      ['aws:SourceArn', 'ArnEquals', `arn:aws:cloudtrail:us-east-1:${OWNER}:trail/main`],
      ['aws:SourceOwner', 'StringEquals', OWNER],
      ['aws:SourceOrgID', 'StringEquals', 'o-a1b2c3d4e5'],
      ['aws:SourceVpc', 'StringEquals', 'vpc-0a1b2c3d'],
      ['aws:SourceVpce', 'StringEquals', 'vpce-0a1b2c3d'],
      ['aws:userid', 'StringLike', 'AROAEXAMPLE:*'],
      ['aws:username', 'StringEquals', 'alice'],
      ['kms:CallerAccount', 'StringEquals', OWNER],
      ['lambda:FunctionUrlAuthType', 'StringEquals', 'AWS_IAM'],
      ['AWS:SOURCEVPCE', 'StringEquals', 'vpce-0a1b2c3d'],
      ['aws:SourceArn', 'ArnLike', 'arn:aws:s3:::uploads'],
    ])('%s tested with %s restricts a grant to everyone', (key, operator, value) => {
      expect(isPublic(allow({ Condition: { [operator]: { [key]: value } } }))).toBe(false);
    });

    it.each([
      ['an IfExists operator', { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }],
      ['a Null test', { Null: { 'aws:PrincipalOrgID': 'false' } }],
      ['a negated operator', { StringNotEquals: { 'aws:PrincipalAccount': OTHER } }],
      [
        'ForAllValues, which holds when the key is missing',
        { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-1' } },
      ],
      ['a wildcard-only value', { StringLike: { 'aws:PrincipalOrgID': '*' } }],
      ['an ARN whose account is a wildcard', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ops' } }],
      ['a key that names nothing', { Bool: { 'aws:SecureTransport': 'true' } }],
      ['kms:ViaService alone', { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } }],
      ['a function URL open to anyone', { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } }],
      ['the whole IPv4 internet', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }],
      ['a negated IP range', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }],
    ])('%s does not restrict: still public', (_name, condition) => {
      expect(isPublic(allow({ Condition: condition }))).toBe(true);
    });

    it('a source IP range keeps the grant off the public list and reports it as IP-restricted', () => {
      const exposure = exposureOf(
        allow({ Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }),
      );
      expect(exposure.publicGrants).toEqual([]);
      expect(exposure.ipRestrictedGrants).toEqual([
        { statement: 'Read', actions: ['s3:GetObject'], sourceIps: ['203.0.113.0/24'], access: ['Read'] },
      ]);
    });

    it('one restricting key among others is enough: conditions are ANDed', () => {
      const condition = {
        Bool: { 'aws:SecureTransport': 'true' },
        StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d' },
      };
      expect(isPublic(allow({ Condition: condition }))).toBe(false);
    });

    it('names another account a condition confines a grant to everyone to', () => {
      expect(
        exposureOf(allow({ Condition: { StringEquals: { 'aws:SourceAccount': OTHER } } })),
      ).toMatchObject({ publicGrants: [], externalAccounts: [OTHER] });
    });
  });

  describe('a Deny that confines access to the organization', () => {
    const boundary = (overrides: Record<string, unknown> = {}) => ({
      Sid: 'OrgOnly',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::reports', OBJECTS],
      Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      ...overrides,
    });

    it('cancels a public grant of actions it denies', () => {
      const exposure = exposureOf(allow(), boundary());
      expect(exposure.publicGrants).toEqual([]);
      expect(exposure.cancelledGrants).toEqual([
        { statement: 'Read', actions: ['s3:GetObject'], sourceIps: null, access: ['Read'], by: 'OrgOnly' },
      ]);
    });

    it.each([
      ['denies fewer actions than are granted', boundary({ Action: 's3:PutObject' })],
      ['covers other resources only', boundary({ Resource: 'arn:aws:s3:::other/*' })],
      ['spares some principals', boundary({ Principal: { AWS: `arn:aws:iam::${OTHER}:root` } })],
      [
        'tests the organization with a wildcard',
        boundary({ Condition: { StringNotLike: { 'aws:PrincipalOrgID': '*' } } }),
      ],
      [
        'also depends on the source IP',
        boundary({
          Condition: {
            StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
            NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
          },
        }),
      ],
    ])('does not cancel it when it %s', (_name, deny) => {
      expect(isPublic(allow(), deny)).toBe(true);
    });

    it('cancels a NotAction grant when it denies every action the grant leaves on the bucket', () => {
      const grant = allow({ Action: undefined, NotAction: 's3:DeleteObject' });
      // Only S3 actions apply to a bucket: s3:* takes away everything the NotAction grant gives.
      expect(isPublic(grant, boundary())).toBe(false);
      expect(isPublic(grant, boundary({ Action: 's3:Get*' }))).toBe(true);
      expect(isPublic(grant, boundary({ Action: '*', Resource: '*' }))).toBe(false);
    });

    it('accepts a VPC endpoint boundary: requests from the internet carry no aws:SourceVpce', () => {
      const deny = boundary({ Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d' } } });
      expect(isPublic(allow(), deny)).toBe(false);
    });

    it('does not accept a boundary on a key that names nothing about the caller', () => {
      const deny = boundary({ Condition: { StringNotEquals: { 's3:prefix': 'public/' } } });
      expect(isPublic(allow(), deny)).toBe(true);
    });

    it('accepts an account boundary instead of an organization', () => {
      const deny = boundary({ Condition: { StringNotEqualsIfExists: { 'aws:PrincipalAccount': OWNER } } });
      expect(isPublic(allow(), deny)).toBe(false);
    });
  });

  it('reads a policy with a single statement object, and names the path of what it cannot read', () => {
    expect(policyExposure({ Statement: allow() }, BUCKET).publicGrants).toHaveLength(1);
    expect(() => policyExposure({}, BUCKET)).toThrow(
      'the policy cannot be read: policy: $: missing required element "Statement"',
    );
    expect(() =>
      policyExposure({ Statement: [{ Effect: 'Allow', Action: 's3:*' }, { Effect: 'Permit' }] }, BUCKET),
    ).toThrow('$.Statement[1].Effect');
  });
});

describe('describeGrants', () => {
  it('says who can do what, through which statement', () => {
    expect(
      describeGrants([
        {
          statement: 'Read',
          actions: ['s3:GetObject', 's3:ListBucket'],
          sourceIps: null,
          access: ['List', 'Read'],
        },
        { statement: '#2', actions: ['s3:PutObject'], sourceIps: ['203.0.113.0/24'], access: ['Write'] },
      ]),
    ).toBe(
      'anyone can s3:GetObject, s3:ListBucket (list, read; statement Read); anyone from 203.0.113.0/24 can s3:PutObject (write; statement #2)',
    );
  });
});

describe('judgePolicy', () => {
  it('calls a public policy public and names the grant', () => {
    const verdict = judgePolicy(
      'Queue jobs',
      { Statement: [allow({ Action: 'sqs:SendMessage', Resource: QUEUE.arn })] },
      QUEUE,
    );
    expect(verdict).toMatchObject({
      public: true,
      message: 'Queue jobs is public: anyone can sqs:SendMessage (write; statement Read)',
    });
  });

  it('explains what keeps a policy from being public', () => {
    const verdict = judgePolicy(
      'Bucket reports',
      {
        Statement: [
          allow({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
          allow({ Sid: 'Partner', Principal: { AWS: OTHER } }),
        ],
      },
      BUCKET,
    );
    expect(verdict.public).toBe(false);
    expect(verdict.message).toBe(
      `Bucket reports does not grant access to everyone (limited by source IP: anyone from 203.0.113.0/24 can s3:GetObject (read; statement Read); shared with account ${OTHER})`,
    );
  });
});

describe('cases string-matching scanners get wrong', () => {
  it('a Deny of "Action": "*" to everyone outside the organization takes a public grant away', () => {
    const exposure = exposureOf(allow(), {
      Sid: 'OrgOnly',
      Effect: 'Deny',
      Principal: '*',
      Action: '*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    });
    expect(exposure.publicGrants).toEqual([]);
    expect(exposure.cancelledGrants).toEqual([expect.objectContaining({ statement: 'Read', by: 'OrgOnly' })]);
  });

  it('an unconditional Deny of "Action": "*" is not a grant of anything', () => {
    expect(isPublic({ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' })).toBe(false);
  });

  it('s3:Get* granted to everyone is public read, not write', () => {
    expect(exposureOf(allow({ Action: 's3:Get*' })).publicGrants).toEqual([
      { statement: 'Read', actions: ['s3:Get*'], sourceIps: null, access: ['Read'] },
    ]);
    expect(exposureOf(allow({ Action: 's3:*' })).publicGrants[0]?.access).toEqual([
      'List',
      'Read',
      'Write',
      'Permissions management',
      'Tagging',
    ]);
  });

  it('"Principal": "*" restricted by aws:PrincipalOrgID is private, and a typo in the key is not', () => {
    const orgOnly = { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } };
    expect(isPublic(allow({ Condition: orgOnly }))).toBe(false);
    expect(isPublic(allow({ Condition: { StringEquals: { 'aws:PrincipalOrgId ': 'o-a1b2c3d4e5' } } }))).toBe(
      true,
    );
  });
});

describe('other resource policies', () => {
  const KEY = {
    arn: `arn:aws:kms:us-east-1:${OWNER}:key/1234`,
    account: OWNER,
    resourceKind: 'kms-key' as const,
  };
  const ROLE = {
    arn: `arn:aws:iam::${OWNER}:role/deploy`,
    account: OWNER,
    resourceKind: 'iam-role-trust' as const,
  };

  it('a key policy that lets every account decrypt is public; one limited by kms:CallerAccount is not', () => {
    const statement = { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' };
    expect(policyExposure({ Statement: [statement] }, KEY).publicGrants).toEqual([
      { statement: '#1', actions: ['kms:Decrypt'], sourceIps: null, access: ['Write'] },
    ]);
    const own = { ...statement, Condition: { StringEquals: { 'kms:CallerAccount': OWNER } } };
    expect(policyExposure({ Statement: [own] }, KEY).publicGrants).toEqual([]);
  });

  it('a trust policy open to every AWS account is public; an external id or a named account is not', () => {
    const trust = (statement: Record<string, unknown>) =>
      policyExposure({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] }, ROLE);
    expect(trust({ Principal: { AWS: '*' } }).publicGrants).toHaveLength(1);
    expect(
      trust({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'sts:ExternalId': 'k3y' } } })
        .publicGrants,
    ).toEqual([]);
    expect(trust({ Principal: { AWS: OTHER } })).toMatchObject({
      publicGrants: [],
      externalAccounts: [OTHER],
    });
  });

  it('asks only about the actions of the resource’s own service', () => {
    const queue = policyExposure(
      { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] },
      QUEUE,
    );
    expect(queue.publicGrants).toEqual([]);
  });
});
