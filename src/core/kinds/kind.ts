import { z } from 'zod';

/**
 * A resource kind: the normalized shape of one sort of AWS thing. Live collectors, IaC sources and snapshots
 * all map their raw data onto these shapes, which is why a check is written once and runs on all of them.
 */
export interface KindDefinition<Name extends string = string, Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: Name;
  /** Service prefix, as in check ids and IAM actions. */
  service: string;
  title: string;
  /** Global kinds (IAM, S3 account settings) live in the pseudo-region `global`. */
  global: boolean;
  attributes: z.ZodObject<Shape>;
}

export function defineKind<const Name extends string, Shape extends z.ZodRawShape>(
  definition: KindDefinition<Name, Shape>,
): KindDefinition<Name, Shape> {
  return definition;
}

/** ISO-8601 timestamp with an offset, as the AWS APIs return them. */
export const timestamp = z.iso.datetime({ offset: true });

/** An IAM-style policy document. Parsed and validated by `src/iam`; here it only has to be a JSON object. */
export const policyDocument = z.record(z.string(), z.unknown());
