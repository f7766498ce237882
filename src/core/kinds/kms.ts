import { z } from 'zod';
import { defineKind, policyDocument } from './kind.js';

export const kmsKey = defineKind({
  name: 'kms.key',
  service: 'kms',
  title: 'KMS key',
  global: false,
  attributes: z.object({
    keyId: z.string(),
    description: z.string(),
    keyManager: z.enum(['AWS', 'CUSTOMER']),
    keySpec: z.string(),
    keyUsage: z.string(),
    keyState: z.string(),
    origin: z.string(),
    /** From GetKeyRotationStatus; only meaningful for customer-managed symmetric keys. */
    rotationEnabled: z.boolean(),
    /** The key policy (every key has one): who may use and manage the key, beyond IAM policies. */
    policy: policyDocument,
  }),
});
