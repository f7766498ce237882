import type { Gap } from '../../../core/gap.js';
import type { AttributesOf, KindName } from '../../../core/kinds/index.js';
import {
  Reference,
  Unresolved,
  type IacObject,
  type IacResource,
  type IacValue,
  type Location,
  type PropertyPath,
} from '../types.js';

/**
 * A mapper turns one IaC resource type (or a few) into one resource kind, for one language. Terraform mappers
 * also read plan JSON (same types, same argument names, values resolved).
 */
export type KindMapper<K extends KindName = KindName> = K extends KindName ? MapperOf<K> : never;

/** One kind's mapper; `KindMapper` (without a kind) is the union of every kind's, so lists of mappers type-check. */
export interface MapperOf<K extends KindName> {
  kind: K;
  format: 'cloudformation' | 'terraform';
  /** The resource types that become resources of this kind (`AWS::S3::Bucket`, `aws_s3_bucket`). */
  types: readonly string[];
  /**
   * The attributes this mapper decides before deployment. Checks reading anything else are not run on code
   * ("known only after deployment"); the attributes left out become gaps, so nothing can read them by mistake.
   */
  fields: readonly (keyof AttributesOf<K> & string)[];
  /**
   * Checks not run on code although they read only `fields`: what they look for cannot be written in code (a
   * key pending deletion is a state reached after deployment), so on code they could only ever pass.
   */
  notOnCode?: readonly string[];
  map(resource: IacResource, ctx: MapContext): Mapped<K>;
}

export interface Mapped<K extends KindName> {
  /** Defaults to the resource's address, which is stable across line moves and reformatting. */
  id?: string;
  arn?: string | null;
  tags?: Record<string, string>;
  attributes: Partial<AttributesOf<K>>;
  gaps: Gap[];
  /** Where each attribute is decided in the code; SARIF points at the failing attribute's line. */
  locations: Partial<Record<string, Location>>;
}

/** What a mapper may look at besides its own resource: the other resources of the same document set. */
export interface MapContext {
  readonly resources: readonly IacResource[];
  /**
   * The resources of one of `types` whose `property` designates `target`: the split Terraform resources that
   * configure a bucket (`aws_s3_bucket_versioning.bucket`), the `AWS::S3::BucketPolicy` whose `Bucket` is it.
   */
  attached(target: IacResource, types: readonly string[], property: string): IacResource[];
  /** Whether a value names `target`: a Reference to it, or (plan JSON, literals) one of its names or its ARN. */
  designates(value: IacValue | undefined, target: IacResource): boolean;
  /** The resource of the set a value refers to, if it does. */
  target(value: IacValue | undefined): IacResource | undefined;
}

/** Thrown by the readers below when a value needed to decide a field is not known statically. */
export class UnresolvedValue extends Error {
  constructor(readonly detail: string) {
    super(`unresolved: ${detail}`);
    this.name = 'UnresolvedValue';
  }
}

function unresolved(value: Unresolved | Reference): never {
  throw new UnresolvedValue(value.detail);
}

/**
 * Collects a resource's attributes; a field whose computation meets an unresolved value becomes a gap
 * (NOT_EVALUATED, "unresolved: Ref to parameter X") instead of a guess.
 */
export class AttributeBuilder<K extends KindName> {
  private readonly attributes: Partial<Record<string, unknown>> = {};
  private readonly gaps: Gap[] = [];
  private readonly locations: Partial<Record<string, Location>> = {};

  constructor(private readonly resource: IacResource) {}

  /**
   * Sets `field` to what `compute` returns; `path` (below the properties) is where the code decides it, or the
   * first of several candidate paths that is written.
   */
  set<F extends keyof AttributesOf<K> & string>(
    field: F,
    compute: () => AttributesOf<K>[F],
    ...paths: PropertyPath[]
  ): this {
    try {
      this.attributes[field] = compute();
    } catch (error) {
      if (!(error instanceof UnresolvedValue)) throw error;
      this.gaps.push({ field, reason: 'unresolved', detail: error.detail });
    }
    const location = paths.map((path) => this.resource.locate(path)).find((found) => found !== undefined);
    this.locations[field] = location ?? this.resource.location;
    return this;
  }

  /** Records where a field is decided when that is another resource (a split Terraform resource, a policy). */
  at(field: keyof AttributesOf<K> & string, location: Location | undefined): this {
    if (location) this.locations[field] = location;
    return this;
  }

  build(extra: Omit<Mapped<K>, 'attributes' | 'gaps' | 'locations'> = {}): Mapped<K> {
    return {
      ...extra,
      attributes: this.attributes as Partial<AttributesOf<K>>,
      gaps: this.gaps,
      locations: this.locations,
    };
  }
}

// Value readers. `undefined` means "not written" (the service default applies); a value that is present but
// unknown throws UnresolvedValue, which AttributeBuilder.set turns into a gap.

/** The value at `path` below `value`; undefined when any step is missing or null. */
export function get(value: IacValue | undefined, ...path: PropertyPath): IacValue | undefined {
  let current: IacValue | undefined = value;
  for (const step of path) {
    if (current === undefined || current === null) return undefined;
    if (current instanceof Unresolved || current instanceof Reference) unresolved(current);
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      if (typeof current !== 'object' || Array.isArray(current)) return undefined;
      current = current[step];
    }
  }
  return current === null ? undefined : current;
}

function typeName(value: IacValue): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : JSON.stringify(value);
}

export function str(value: IacValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Unresolved || value instanceof Reference) unresolved(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UnresolvedValue(`expected a string, found ${typeName(value)}`);
}

/** CloudFormation accepts "true"/"false" strings for booleans, and Terraform converts them too. */
export function bool(value: IacValue | undefined): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Unresolved || value instanceof Reference) unresolved(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new UnresolvedValue(`expected true or false, found ${typeName(value)}`);
}

export function num(value: IacValue | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Unresolved || value instanceof Reference) unresolved(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  throw new UnresolvedValue(`expected a number, found ${typeName(value)}`);
}

/** A list; a single value counts as a list of one (Terraform and CloudFormation both accept that in places). */
export function list(value: IacValue | undefined): IacValue[] {
  if (value === undefined || value === null) return [];
  if (value instanceof Unresolved || value instanceof Reference) unresolved(value);
  return Array.isArray(value) ? value : [value];
}

export function obj(value: IacValue | undefined): IacObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Unresolved || value instanceof Reference) unresolved(value);
  if (typeof value === 'object' && !Array.isArray(value)) return value;
  throw new UnresolvedValue(`expected an object, found ${typeName(value)}`);
}

/** The first instance of a Terraform nested block (`versioning { ... }`), or undefined when it is absent. */
export function block(value: IacValue | undefined, name: string): IacObject | undefined {
  const blocks = list(get(value, name));
  return blocks.length === 0 ? undefined : obj(blocks[0]);
}

/** Every instance of a Terraform nested block. */
export function blocks(value: IacValue | undefined, name: string): IacObject[] {
  return list(get(value, name)).flatMap((entry) => {
    const found = obj(entry);
    return found ? [found] : [];
  });
}

/**
 * A policy document: an object (CloudFormation) or a JSON string (Terraform `jsonencode(...)`, heredocs,
 * `aws_iam_policy_document` rendered in a plan). Unresolved anywhere inside means the policy is unresolved:
 * judging half a policy would guess.
 */
export function policy(value: IacValue | undefined): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return parsed as Record<string, unknown>;
      }
    } catch {
      // Reported below.
    }
    throw new UnresolvedValue('the policy is not a JSON object');
  }
  return plain(value) as Record<string, unknown>;
}

/** A value with every part resolved, as plain JSON; throws UnresolvedValue on the first unknown part. */
export function plain(value: IacValue): unknown {
  if (value instanceof Unresolved || value instanceof Reference) unresolved(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plain(entry)]));
  }
  return value;
}

/** CloudFormation `Tags: [{Key, Value}]` or Terraform `tags = {...}`; unknown keys or values are left out. */
export function tagsOf(value: IacValue | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  if (value === undefined || value === null || value instanceof Unresolved || value instanceof Reference) {
    return tags;
  }
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
      const key = (entry as IacObject).Key;
      const tag = (entry as IacObject).Value;
      if (
        typeof key === 'string' &&
        (typeof tag === 'string' || typeof tag === 'number' || typeof tag === 'boolean')
      )
        tags[key] = String(tag);
    }
    return tags;
  }
  if (typeof value === 'object') {
    for (const [key, tag] of Object.entries(value)) {
      if (typeof tag === 'string' || typeof tag === 'number' || typeof tag === 'boolean')
        tags[key] = String(tag);
    }
  }
  return tags;
}
