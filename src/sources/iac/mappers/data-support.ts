import { Reference, Unresolved, type IacValue } from '../types.js';
import { UnresolvedValue, str, type MapContext } from './mapper.js';
import { idOf, nameOf } from './resource-ids.js';

/**
 * Helpers shared by the database, analytics and CloudTrail mappers (rds, elasticache, redshift, opensearch,
 * sagemaker, cloudtrail).
 */

/**
 * The name a value gives to another resource: a literal as written, or, for a reference to a resource of the
 * same document set, that resource's physical name (the first of `properties` it writes), else its address,
 * which is what its own mapper names it. Undefined when not written; a reference to a resource outside the set
 * (a data source, another stack) is unresolved: its name is not in the code.
 */
export function targetName(
  value: IacValue | undefined,
  ctx: MapContext,
  ...properties: string[]
): string | undefined {
  if (value instanceof Reference) {
    const target = ctx.target(value);
    if (!target) throw new UnresolvedValue(value.detail);
    return nameOf(target, ...properties);
  }
  if (value instanceof Unresolved) throw new UnresolvedValue(value.detail);
  const text = str(value);
  return text === '' ? undefined : text;
}

/**
 * An identifier whose presence is what counts (a KMS key, a subnet, a log group): the literal, or the address
 * of the resource it refers to; null when not written.
 */
export function optionalId(value: IacValue | undefined, ctx: MapContext): string | null {
  const id = idOf(value, ctx);
  return id === undefined || id === '' ? null : id;
}

/** Whether a value is written at all, known or not (an AUTH token from a NoEcho parameter is still a token). */
export function written(value: IacValue | undefined): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** `Enabled` / `Disabled` switches (SageMaker), with the service default when not written. */
export function enabledSwitch(value: IacValue | undefined, fallback: boolean): boolean {
  const text = str(value);
  if (text === undefined) return fallback;
  if (/^enabled$/i.test(text)) return true;
  if (/^disabled$/i.test(text)) return false;
  throw new UnresolvedValue(`expected Enabled or Disabled, found ${JSON.stringify(text)}`);
}

/** `1`, `on`, `true` / `0`, `off`, `false`, as RDS and Redshift parameter values are written. */
export function parameterSwitch(value: IacValue | undefined, parameter: string): boolean | undefined {
  const text = str(value)?.trim().toLowerCase();
  if (text === undefined || text === '') return undefined;
  if (['1', 'on', 'true'].includes(text)) return true;
  if (['0', 'off', 'false'].includes(text)) return false;
  throw new UnresolvedValue(`${parameter} is ${JSON.stringify(text)}, not a boolean`);
}
