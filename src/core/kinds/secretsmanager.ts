import { z } from 'zod';
import { defineKind, policyDocument, timestamp } from './kind.js';

export const secretsmanagerSecret = defineKind({
  name: 'secretsmanager.secret',
  service: 'secretsmanager',
  title: 'Secrets Manager secret',
  global: false,
  attributes: z.object({
    name: z.string(),
    rotationEnabled: z.boolean(),
    rotationIntervalDays: z.number().int().positive().nullable(),
    lastRotatedAt: timestamp.nullable(),
    createdAt: timestamp,
    kmsKeyId: z.string().nullable(),
    /** The resource policy; null when the secret has none (only its own account's IAM policies apply). */
    policy: policyDocument.nullable(),
    /** Day the secret was last retrieved (Secrets Manager keeps the date only); null if never accessed. */
    lastAccessedAt: z.iso.date().nullable(),
  }),
});
