import type { AttributesOf } from '../core/kinds/index.js';
import type { Resource } from '../core/resource.js';
import { ACCOUNT, daysAgo, resource, type Placement } from './builders.js';

/** IAM resource builders for check tests: a harmless principal or policy by default, with overrides. */

export const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** An identity policy document holding `statements`. */
export function policy(...statements: Record<string, unknown>[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

/** `Allow *` on `*`: the administrator statement. */
export const ALLOW_EVERYTHING = { Effect: 'Allow', Action: '*', Resource: '*' };
/** A read-only grant on one bucket. */
export const READ_REPORTS = policy({
  Effect: 'Allow',
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
});

/** A console user named `name` with MFA, no keys, and permissions only through the `developers` group. */
export function iamUser(
  name = 'alice',
  overrides: Partial<AttributesOf<'iam.user'>> = {},
  placement: Placement = {},
): Resource<'iam.user'> {
  const attributes: AttributesOf<'iam.user'> = {
    name,
    createdAt: daysAgo(400),
    passwordEnabled: true,
    passwordLastUsed: daysAgo(1),
    mfaActive: true,
    accessKeys: [],
    attachedManagedPolicies: [],
    inlinePolicies: [],
    groups: ['developers'],
    servicesLastAccessed: [{ service: 's3', lastAuthenticatedAt: daysAgo(1) }],
    ...overrides,
  };
  return resource('iam.user', name, attributes, {
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    ...placement,
  });
}

/** A role `name` trusted by EC2, used yesterday, with a read-only policy. */
export function iamRole(
  name = 'app',
  overrides: Partial<AttributesOf<'iam.role'>> = {},
  placement: Placement = {},
): Resource<'iam.role'> {
  const attributes: AttributesOf<'iam.role'> = {
    name,
    arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
    path: '/',
    createdAt: daysAgo(400),
    trustPolicy: policy({
      Effect: 'Allow',
      Principal: { Service: 'ec2.amazonaws.com' },
      Action: 'sts:AssumeRole',
    }),
    attachedManagedPolicies: [],
    inlinePolicies: [{ name: 'read-reports', document: READ_REPORTS }],
    permissionsBoundary: null,
    lastUsedAt: daysAgo(1),
    isServiceLinked: false,
    servicesLastAccessed: [{ service: 's3', lastAuthenticatedAt: daysAgo(1) }],
    ...overrides,
  };
  return resource('iam.role', name, attributes, { arn: attributes.arn, ...placement });
}

/** A service-linked role, as AWS creates them. */
export function serviceLinkedRole(overrides: Partial<AttributesOf<'iam.role'>> = {}): Resource<'iam.role'> {
  return iamRole('AWSServiceRoleForSupport', {
    path: '/aws-service-role/support.amazonaws.com/',
    arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport`,
    isServiceLinked: true,
    lastUsedAt: null,
    ...overrides,
  });
}

/** A group `name` with three members and a read-only inline policy. */
export function iamGroup(
  name = 'developers',
  overrides: Partial<AttributesOf<'iam.group'>> = {},
  placement: Placement = {},
): Resource<'iam.group'> {
  const attributes: AttributesOf<'iam.group'> = {
    name,
    attachedManagedPolicies: [],
    inlinePolicies: [{ name: 'read-reports', document: READ_REPORTS }],
    memberCount: 3,
    ...overrides,
  };
  return resource('iam.group', name, attributes, {
    arn: `arn:aws:iam::${ACCOUNT}:group/${name}`,
    ...placement,
  });
}

/** A customer managed policy `name`, attached once, granting read access to one bucket. */
export function managedPolicy(
  name = 'read-reports',
  overrides: Partial<AttributesOf<'iam.managed-policy'>> = {},
  placement: Placement = {},
): Resource<'iam.managed-policy'> {
  const awsManaged = overrides.awsManaged ?? false;
  const attributes: AttributesOf<'iam.managed-policy'> = {
    arn: awsManaged ? `arn:aws:iam::aws:policy/${name}` : `arn:aws:iam::${ACCOUNT}:policy/${name}`,
    name,
    awsManaged,
    attachmentCount: 1,
    defaultVersionDocument: READ_REPORTS,
    ...overrides,
  };
  return resource('iam.managed-policy', attributes.arn, attributes, { arn: attributes.arn, ...placement });
}

/** A server certificate `name` valid for another 200 days. */
export function serverCertificate(
  name = 'www-example-com',
  overrides: Partial<AttributesOf<'iam.server-certificate'>> = {},
): Resource<'iam.server-certificate'> {
  const attributes: AttributesOf<'iam.server-certificate'> = {
    name,
    arn: `arn:aws:iam::${ACCOUNT}:server-certificate/${name}`,
    expiration: daysAgo(-200),
    uploadDate: daysAgo(165),
    ...overrides,
  };
  return resource('iam.server-certificate', name, attributes, { arn: attributes.arn });
}
