import { z } from 'zod';
import { defineKind } from './kind.js';

export const guarddutyDetector = defineKind({
  name: 'guardduty.detector',
  service: 'guardduty',
  title: 'GuardDuty detector',
  global: false,
  attributes: z.object({
    detectorId: z.string(),
    status: z.enum(['ENABLED', 'DISABLED']),
  }),
});
