import { z } from 'zod';
import { defineKind, timestamp } from './kind.js';

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
  }),
});
