import { z } from 'zod';
import { defineKind, timestamp } from './kind.js';

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
