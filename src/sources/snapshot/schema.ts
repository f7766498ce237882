import { z } from 'zod';
import { GAP_REASONS } from '../../core/gap.js';

/** The snapshot format version this onus reads and writes. Bump it on any incompatible change. */
export const SCHEMA_VERSION = 1;

const accountId = z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id');
const timestamp = z.iso.datetime({ offset: true });

export const gapSchema = z.strictObject({
  field: z.string().min(1),
  reason: z.enum(GAP_REASONS),
  action: z.string().optional(),
  detail: z.string().optional(),
});

const scopeGapSchema = gapSchema.extend({ kind: z.string().min(1) });

const sourceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('live') }),
  z.strictObject({ type: z.literal('snapshot'), file: z.string() }),
  z.strictObject({
    type: z.literal('file'),
    file: z.string(),
    line: z.number().int(),
    column: z.number().int(),
    address: z.string().optional(),
  }),
]);

/** A resource as stored: account and region come from where it sits in the file. */
export const storedResourceSchema = z.strictObject({
  kind: z.string().min(1),
  id: z.string().min(1),
  arn: z.string().nullable().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  attributes: z.record(z.string(), z.unknown()),
  gaps: z.array(gapSchema).optional(),
  source: sourceSchema.optional(),
});

const regionSchema = z.strictObject({
  resources: z.array(storedResourceSchema),
  gaps: z.array(scopeGapSchema).optional(),
});

const regionName = z
  .string()
  .regex(/^(global|[a-z]{2}(-[a-z]+)+-\d+)$/, 'expected an AWS region name or "global"');

export const snapshotSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  collection: z.strictObject({
    source: z.enum(['live', 'snapshot', 'iac']),
    startedAt: timestamp,
    finishedAt: timestamp,
    caller: z.strictObject({ account: accountId, arn: z.string(), userId: z.string() }).nullable(),
    partition: z.string(),
    regions: z.array(regionName),
    skippedRegions: z.array(regionName),
    kinds: z.array(z.string()),
    errors: z.array(
      z.strictObject({
        account: accountId.nullable(),
        region: regionName.nullable(),
        service: z.string(),
        action: z.string().nullable(),
        message: z.string(),
      }),
    ),
    tool: z.strictObject({ name: z.string(), version: z.string() }),
  }),
  accounts: z.array(
    z.strictObject({
      id: accountId,
      alias: z.string().nullable(),
      regions: z.record(regionName, regionSchema),
    }),
  ),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
export type StoredResource = z.infer<typeof storedResourceSchema>;
