import { z } from 'zod';
import { defineKind, policyDocument, timestamp } from './kind.js';

export const accessKey = z.object({
  /** Null for the root user: the credential report does not give root's key ids. */
  id: z.string().nullable(),
  status: z.enum(['Active', 'Inactive']),
  /** When the key was created (the credential report's `last_rotated`). */
  createdAt: timestamp.nullable(),
  lastUsedAt: timestamp.nullable(),
});
export type AccessKey = z.infer<typeof accessKey>;

export const iamRootUser = defineKind({
  name: 'iam.root-user',
  service: 'iam',
  title: 'Root user',
  global: true,
  attributes: z.object({
    arn: z.string(),
    mfaActive: z.boolean(),
    /** True when root's MFA is a hardware device, false when virtual, null when unknown. */
    hardwareMfa: z.boolean().nullable(),
    accessKeys: z.array(accessKey),
    passwordLastUsed: timestamp.nullable(),
  }),
});

/** A policy embedded in one principal (user, group or role), decoded and parsed. */
export const inlinePolicy = z.object({
  name: z.string(),
  document: policyDocument,
});
export type InlinePolicy = z.infer<typeof inlinePolicy>;

/**
 * One service a principal's permissions policies allow, and when the principal last authenticated to it
 * (IAM access advisor, service level). A service allowed but never used is access to remove.
 */
export const serviceLastAccessed = z.object({
  /** The service namespace, as in IAM actions (`s3`, `ec2`). */
  service: z.string(),
  /**
   * The principal's last attempt to use the service; null when none within IAM's tracking period (at least
   * the last 400 days, less in a Region that began tracking within the last year).
   */
  lastAuthenticatedAt: timestamp.nullable(),
});
export type ServiceLastAccessed = z.infer<typeof serviceLastAccessed>;

export const iamUser = defineKind({
  name: 'iam.user',
  service: 'iam',
  title: 'IAM user',
  global: true,
  attributes: z.object({
    name: z.string(),
    createdAt: timestamp,
    /** The user can sign in to the console (has a login profile). */
    passwordEnabled: z.boolean(),
    passwordLastUsed: timestamp.nullable(),
    mfaActive: z.boolean(),
    accessKeys: z.array(accessKey),
    /** ARNs of managed policies attached straight to the user: permissions that bypass group management. */
    attachedManagedPolicies: z.array(z.string()),
    /** Policies embedded in the user: invisible from the policy list, reviewed with the user only. */
    inlinePolicies: z.array(inlinePolicy),
    /** Names of the groups the user belongs to (and inherits permissions from). */
    groups: z.array(z.string()),
    /**
     * Every service the user's permissions policies allow (IAM evaluates identity policies only, boundaries
     * and SCPs ignored), with its last use: services unused for months are permissions to take away.
     */
    servicesLastAccessed: z.array(serviceLastAccessed),
  }),
});

export const iamRole = defineKind({
  name: 'iam.role',
  service: 'iam',
  title: 'IAM role',
  global: true,
  attributes: z.object({
    name: z.string(),
    arn: z.string(),
    path: z.string(),
    createdAt: timestamp,
    /** Who may assume the role: a public or third-party principal here hands the role's permissions out. */
    trustPolicy: policyDocument,
    /** ARNs of the managed policies attached to the role. */
    attachedManagedPolicies: z.array(z.string()),
    inlinePolicies: z.array(inlinePolicy),
    /** ARN of the permissions boundary capping what the role's policies can grant; null when none. */
    permissionsBoundary: z.string().nullable(),
    /** When the role was last assumed; null when never, or not within IAM's tracking window (400 days). */
    lastUsedAt: timestamp.nullable(),
    /** Created and managed by an AWS service (path /aws-service-role/): the customer cannot edit it. */
    isServiceLinked: z.boolean(),
    /** Every service the role's permissions policies allow, with its last use (see iam.user). */
    servicesLastAccessed: z.array(serviceLastAccessed),
  }),
});

export const iamGroup = defineKind({
  name: 'iam.group',
  service: 'iam',
  title: 'IAM group',
  global: true,
  attributes: z.object({
    name: z.string(),
    /** ARNs of the managed policies attached to the group: every member gets them. */
    attachedManagedPolicies: z.array(z.string()),
    inlinePolicies: z.array(inlinePolicy),
    /** How many users belong to the group: a group without members grants nothing today. */
    memberCount: z.number().int().min(0),
  }),
});

export const iamManagedPolicy = defineKind({
  name: 'iam.managed-policy',
  service: 'iam',
  title: 'IAM managed policy',
  global: true,
  attributes: z.object({
    arn: z.string(),
    name: z.string(),
    /** Written and updated by AWS (arn:aws:iam::aws:policy/...); only customer managed ones can be edited. */
    awsManaged: z.boolean(),
    /** How many users, groups and roles the policy is attached to (permissions boundaries not counted). */
    attachmentCount: z.number().int().min(0),
    /** The default version's document: what the policy grants today. */
    defaultVersionDocument: policyDocument,
  }),
});

export const iamServerCertificate = defineKind({
  name: 'iam.server-certificate',
  service: 'iam',
  title: 'IAM server certificate',
  global: true,
  attributes: z.object({
    name: z.string(),
    arn: z.string(),
    /** After this date clients reject the certificate; an expired one left in IAM can still be deployed. */
    expiration: timestamp,
    uploadDate: timestamp,
  }),
});

const passwordPolicy = z.object({
  minimumPasswordLength: z.number().int().min(0),
  requireSymbols: z.boolean(),
  requireNumbers: z.boolean(),
  requireUppercaseCharacters: z.boolean(),
  requireLowercaseCharacters: z.boolean(),
  allowUsersToChangePassword: z.boolean(),
  /** Days; null when passwords never expire. */
  maxPasswordAge: z.number().int().positive().nullable(),
  /** How many previous passwords are remembered; null when reuse is not prevented. */
  passwordReusePrevention: z.number().int().positive().nullable(),
  hardExpiry: z.boolean(),
});
export type PasswordPolicy = z.infer<typeof passwordPolicy>;

export const iamPasswordPolicy = defineKind({
  name: 'iam.password-policy',
  service: 'iam',
  title: 'Account password policy',
  global: true,
  attributes: z.object({
    /** Null when the account has no custom password policy (IAM's NoSuchEntity). */
    policy: passwordPolicy.nullable(),
  }),
});
