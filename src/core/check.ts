import type { Domain } from './domain.js';
import type { Gap } from './gap.js';
import type { AttributesOf, KindName } from './kinds/index.js';
import type { Outcome } from './outcome.js';
import type { Resource, ResourceRef } from './resource.js';
import type { Severity } from './severity.js';

/** How to fix a failing check, in the forms users apply fixes. */
export interface Remediation {
  text: string;
  cli?: string;
  cloudformation?: string;
  terraform?: string;
  /** The AWS documentation page the fix rests on. */
  url: string;
}

export type ThresholdValue = number | string | boolean | readonly number[] | readonly string[];
export interface ThresholdSpec {
  default: ThresholdValue;
  description: string;
}
export type ThresholdSpecs = Record<string, ThresholdSpec>;

type Widen<V> = V extends number
  ? number
  : V extends string
    ? string
    : V extends boolean
      ? boolean
      : V extends readonly number[]
        ? readonly number[]
        : V extends readonly string[]
          ? readonly string[]
          : never;

export type ThresholdValues<T extends ThresholdSpecs> = { readonly [N in keyof T]: Widen<T[N]['default']> };

/**
 * A check's scope: one result per resource, per region of an account (e.g. "GuardDuty enabled in this
 * region"), or per account (e.g. "a multi-region trail is logging").
 */
export type CheckScope = 'resource' | 'region' | 'account';

/** A resource whose declared fields were all observed: the check sees exactly those fields. */
export type ObservedResource<K extends KindName, R extends keyof AttributesOf<K>> = Omit<
  Resource<K>,
  'attributes'
> & { attributes: Pick<AttributesOf<K>, R> };

/** What a region- or account-scoped check sees. */
export interface ScopeView<K extends KindName, R extends keyof AttributesOf<K>> {
  account: string;
  /** The region, or `global` for an account-scoped check. */
  region: string;
  resources: ObservedResource<K, R>[];
  /** Parts of the scope that could not be observed (only given to checks declared `partial`). */
  unobserved: { ref: ResourceRef | null; gap: Gap }[];
}

export interface CheckContext<T extends ThresholdSpecs = ThresholdSpecs> {
  /** The scan's clock; checks never read the system clock. */
  now: Date;
  thresholds: ThresholdValues<T>;
  /**
   * Resources of another kind in an account (and region), or in every account with `account: '*'` (for
   * organization-wide controls); throws Unobserved if that kind could not be listed where it was looked for.
   */
  related<K extends KindName>(kind: K, where: { account: string; region?: string }): Resource<K>[];
  /**
   * The first resource of a kind that matches, looking in every region (and account, with `*`) where the kind
   * was listed. Undefined only when every place it could be was seen; when it is in none of the places seen
   * but some place could not be listed, throws Unobserved with that gap (it may be there).
   */
  find<K extends KindName>(
    kind: K,
    where: { account: string },
    match: (resource: Resource<K>) => boolean,
  ): Resource<K> | undefined;
  /** A field of a related resource; throws Unobserved if that field is a gap. */
  read<K extends KindName, F extends keyof AttributesOf<K>>(
    resource: Resource<K>,
    field: F,
  ): AttributesOf<K>[F];
}

interface CommonDefinition<K extends KindName, R extends keyof AttributesOf<K>, T extends ThresholdSpecs> {
  /** Kebab-case, prefixed by service. Never renamed once shipped. */
  id: string;
  title: string;
  description: string;
  /** What can go wrong when this check fails. */
  risk: string;
  severity: Severity;
  service: string;
  domain: Domain;
  kind: K;
  /** The attributes the check reads; a gap on any of them makes the result NOT_EVALUATED. */
  reads: readonly R[];
  /** Other kinds the check looks up through `ctx.related`, with the fields it reads there. */
  related?: Partial<Record<KindName, readonly string[]>>;
  remediation: Remediation;
  thresholds?: T;
}

interface ResourceCheckDefinition<
  K extends KindName,
  R extends keyof AttributesOf<K>,
  T extends ThresholdSpecs,
> extends CommonDefinition<K, R, T> {
  scope: 'resource';
  /** Resources the check is not about are skipped, not passed (e.g. users without a console password). */
  appliesTo?: (resource: ObservedResource<K, R>) => boolean;
  evaluate: (resource: ObservedResource<K, R>, ctx: CheckContext<T>) => Outcome;
}

interface ScopeCheckDefinition<
  K extends KindName,
  R extends keyof AttributesOf<K>,
  T extends ThresholdSpecs,
> extends CommonDefinition<K, R, T> {
  scope: 'region' | 'account';
  /**
   * By default any unobserved resource or kind in the scope makes the result NOT_EVALUATED. A partial check
   * receives what could not be seen in `unobserved` and decides itself (e.g. one good trail is enough to pass).
   */
  partial?: boolean;
  evaluate: (scope: ScopeView<K, R>, ctx: CheckContext<T>) => Outcome;
}

export type CheckDefinition<K extends KindName, R extends keyof AttributesOf<K>, T extends ThresholdSpecs> =
  ResourceCheckDefinition<K, R, T> | ScopeCheckDefinition<K, R, T>;

/** A registered check with its types erased, as the engine and the formats see it. */
export interface Check {
  id: string;
  title: string;
  description: string;
  risk: string;
  severity: Severity;
  service: string;
  domain: Domain;
  kind: KindName;
  scope: CheckScope;
  reads: readonly string[];
  related: Partial<Record<KindName, readonly string[]>>;
  remediation: Remediation;
  thresholds: ThresholdSpecs;
  partial: boolean;
  appliesTo?(resource: Resource): boolean;
  evaluate(subject: Resource | ScopeView<KindName, never>, ctx: CheckContext): Outcome;
}

/**
 * Declares a check. Types flow from `kind` and `reads`: `evaluate` sees only the declared attributes, so reading
 * an undeclared field, or declaring one the kind does not have, fails `tsc`.
 */
export function defineCheck<
  const K extends KindName,
  const R extends keyof AttributesOf<K>,
  const T extends ThresholdSpecs = Record<string, never>,
>(definition: CheckDefinition<K, R, T>): Check {
  return {
    ...definition,
    reads: definition.reads.map(String),
    related: definition.related ?? {},
    thresholds: definition.thresholds ?? {},
    partial: definition.scope !== 'resource' && definition.partial === true,
  };
}
