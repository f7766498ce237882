import type { Check, CheckContext, ScopeView, ThresholdValue } from './check.js';
import { ALL, gapFor, scopeGapFor, type Gap, type ScopeGap } from './gap.js';
import type { AccountInventory, Inventory, RegionInventory } from './inventory.js';
import { KINDS, type AttributesOf, type KindName } from './kinds/index.js';
import { Unobserved, type Outcome } from './outcome.js';
import { GLOBAL, refOf, type Resource, type ResourceRef } from './resource.js';
import type { Result } from './result.js';

export interface EngineOptions {
  /** The scan's clock, given to every check as `ctx.now`. */
  now: Date;
  /** Per-check threshold overrides: `{ 'iam-user-access-keys-rotated': { maxAgeDays: 45 } }`. */
  thresholds?: Record<string, Record<string, ThresholdValue>>;
}

/**
 * Runs checks over an inventory. Never calls AWS and never prints: the result is a list of results in a
 * deterministic order (check id, account, region, resource).
 *
 * - A check never runs on a field that is a gap: the result is NOT_EVALUATED with that gap's reason.
 * - A kind that could not be listed in a region gives NOT_EVALUATED for that region, never PASS.
 * - A check that throws gives NOT_EVALUATED(check-error) for that subject, and the run goes on.
 */
export function runChecks(inventory: Inventory, checks: readonly Check[], options: EngineOptions): Result[] {
  const results: Result[] = [];
  const collected = new Set(inventory.collection.kinds);
  for (const check of [...checks].sort((a, b) => compare(a.id, b.id))) {
    const ctx = contextFor(check, inventory, options);
    for (const account of inventory.accounts) {
      const scopes = scopesFor(check.kind, account, collected);
      if (check.scope === 'resource') {
        for (const scope of scopes) results.push(...evaluateResources(check, account.id, scope, ctx));
      } else if (check.scope === 'region') {
        for (const scope of scopes)
          results.push(evaluateScope(check, account.id, scope.region.name, [scope], ctx));
      } else {
        results.push(evaluateScope(check, account.id, GLOBAL, scopes, ctx));
      }
    }
  }
  return results.sort(compareResults);
}

const kindIndex = new WeakMap<RegionInventory, Map<string, Resource[]>>();

/** The resources of one kind in a region, indexed once per region rather than filtered per check. */
function ofKind(region: RegionInventory, kind: string): readonly Resource[] {
  let index = kindIndex.get(region);
  if (!index) {
    index = new Map();
    for (const resource of region.resources) {
      const list = index.get(resource.kind);
      if (list) list.push(resource);
      else index.set(resource.kind, [resource]);
    }
    kindIndex.set(region, index);
  }
  return index.get(kind) ?? [];
}

/** One region of one account as a check sees it: its resources, and the gap hiding the check's kind, if any. */
interface Scope {
  region: RegionInventory;
  gap: ScopeGap | undefined;
}

function scopesFor(kind: KindName, account: AccountInventory, collected: ReadonlySet<string>): Scope[] {
  const global = KINDS.get(kind)?.global ?? false;
  const regions = account.regions.filter((region) => (region.name === GLOBAL) === global);
  if (global && regions.length === 0) {
    // Global kinds were expected but the account has no global section: say so rather than pass silently.
    regions.push({ name: GLOBAL, resources: [], gaps: [] });
  }
  return regions.map((region) => ({
    region,
    gap:
      scopeGapFor(region.gaps, kind) ??
      (collected.has(kind)
        ? undefined
        : { kind, field: ALL, reason: 'not-collected', detail: `the inventory does not include ${kind}` }),
  }));
}

function evaluateResources(check: Check, account: string, scope: Scope, ctx: CheckContext): Result[] {
  const results: Result[] = [];
  const region = scope.region.name;
  if (scope.gap) {
    const ref: ResourceRef = { kind: check.kind, id: ALL, name: ALL, arn: null, account, region };
    results.push(
      notEvaluated(
        check,
        ref,
        scope.gap,
        `${kindTitle(check.kind)}: could not list${region === GLOBAL ? '' : ` in ${region}`}`,
      ),
    );
  }
  for (const resource of ofKind(scope.region, check.kind)) {
    const ref = refOf(resource);
    // Whether the check applies is decided first, so a gap on a field it does not need for that decision
    // cannot turn a resource it is not about into NOT_EVALUATED (an AWS-managed key, a user without a password).
    const applies = attempt(() =>
      !check.appliesTo || check.appliesTo(guarded(resource, check.reads)) ? APPLIES : 'skip',
    );
    if (applies.status === 'SKIP') continue;
    if (applies !== APPLIES) {
      results.push(resultOf(check, ref, applies));
      continue;
    }
    const gap = missingField(resource, check.reads);
    if (gap) {
      results.push(notEvaluated(check, ref, gap, `Could not read ${gap.field}`));
      continue;
    }
    results.push(
      resultOf(
        check,
        ref,
        attempt(() => check.evaluate(resource, ctx)),
      ),
    );
  }
  return results;
}

function evaluateScope(
  check: Check,
  account: string,
  region: string,
  scopes: Scope[],
  ctx: CheckContext,
): Result {
  const ref: ResourceRef =
    region === GLOBAL
      ? { kind: 'aws.account', id: account, name: account, arn: null, account, region: GLOBAL }
      : { kind: 'aws.region', id: region, name: region, arn: null, account, region };
  const view: ScopeView<KindName, never> = { account, region, resources: [], unobserved: [] };
  for (const scope of scopes) {
    if (scope.gap) view.unobserved.push({ ref: null, gap: { ...scope.gap, detail: detailIn(scope) } });
    for (const resource of ofKind(scope.region, check.kind)) {
      const gap = missingField(resource, check.reads);
      if (gap) view.unobserved.push({ ref: refOf(resource), gap });
      else view.resources.push(resource);
    }
  }
  const first = view.unobserved[0];
  if (first && !check.partial) {
    const what = first.ref ? `${first.ref.name}: could not read ${first.gap.field}` : 'could not list';
    return notEvaluated(check, ref, first.gap, `${kindTitle(check.kind)}: ${what}`);
  }
  return resultOf(
    check,
    ref,
    attempt(() => check.evaluate(view, ctx)),
  );
}

function detailIn(scope: Scope): string {
  const where = `in ${scope.region.name}`;
  return scope.gap?.detail ? `${scope.gap.detail} ${where}` : where;
}

/** Marks "the check applies" in `attempt`; never reported. */
const APPLIES: Outcome = { status: 'PASS', message: 'applies', evidence: {} };

/** The resource with its declared fields guarded: touching one that is a gap throws Unobserved. */
function guarded(resource: Resource, reads: readonly string[]): Resource {
  const attributes = new Proxy(resource.attributes, {
    get(target, field) {
      if (typeof field === 'string' && reads.includes(field)) {
        const gap = missingField(resource, [field]);
        if (gap) throw new Unobserved(gap);
      }
      return Reflect.get(target, field) as unknown;
    },
  });
  return { ...resource, attributes };
}

/** The gap hiding one of the fields a check reads, or a synthetic one when a field is simply missing. */
function missingField(resource: Resource, reads: readonly string[]): Gap | undefined {
  const gap = gapFor(resource.gaps, reads);
  if (gap) return gap;
  const attributes = resource.attributes as Record<string, unknown>;
  const absent = reads.find((field) => attributes[field] === undefined);
  return absent === undefined ? undefined : { field: absent, reason: 'not-collected' };
}

/** What running check code gave: an outcome, a skip (the check does not apply), or a check error. */
type Evaluated = Outcome | { status: 'CHECK_ERROR'; message: string };
type Attempt = Evaluated | { status: 'SKIP' };

/** Runs check code; an unobserved read becomes NOT_EVALUATED with its gap, any other exception a check-error. */
function attempt(run: () => Outcome): Evaluated;
function attempt(run: () => Outcome | 'skip'): Attempt;
function attempt(run: () => Outcome | 'skip'): Attempt {
  try {
    const outcome = run();
    return outcome === 'skip' ? { status: 'SKIP' } : outcome;
  } catch (error) {
    if (error instanceof Unobserved) {
      return { status: 'NOT_EVALUATED', message: `Could not observe ${error.gap.field}`, gap: error.gap };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'CHECK_ERROR', message: `The check failed: ${message}` };
  }
}

function resultOf(check: Check, resource: ResourceRef, outcome: Evaluated): Result {
  switch (outcome.status) {
    case 'PASS':
    case 'FAIL':
      return result(check, resource, outcome.status, null, outcome.message, outcome.evidence, null);
    case 'MANUAL':
      return result(check, resource, 'MANUAL', null, outcome.message, {}, null);
    case 'CHECK_ERROR':
      return result(check, resource, 'NOT_EVALUATED', 'check-error', outcome.message, {}, null);
    case 'NOT_EVALUATED':
      return notEvaluated(check, resource, outcome.gap, outcome.message);
  }
}

/** Every Result is built here, so all share one object shape (which keeps the hot path monomorphic). */
function result(
  check: Check,
  resource: ResourceRef,
  status: Result['status'],
  reason: Result['reason'],
  message: string,
  evidence: Result['evidence'],
  gap: Gap | null,
): Result {
  return { checkId: check.id, status, reason, message, evidence, resource, gap };
}

function notEvaluated(check: Check, resource: ResourceRef, gap: Gap, message: string): Result {
  return result(check, resource, 'NOT_EVALUATED', gap.reason, message, {}, gap);
}

function contextFor(check: Check, inventory: Inventory, options: EngineOptions): CheckContext {
  const defaults = Object.fromEntries(
    Object.entries(check.thresholds).map(([name, spec]) => [name, spec.default]),
  );
  const collected = new Set(inventory.collection.kinds);
  return {
    now: options.now,
    thresholds: { ...defaults, ...options.thresholds?.[check.id] },
    related<K extends KindName>(kind: K, where: { account: string; region?: string }): Resource<K>[] {
      if (kind !== check.kind && !(kind in check.related)) {
        throw new Error(`${check.id} looks up ${kind} without declaring it in \`related\``);
      }
      // `*` looks across every account of the inventory: organization-wide controls (an organization trail, a
      // delegated administrator's analyzer) are collected once and credited to the member accounts.
      const accounts = inventory.accounts.filter(
        (candidate) => where.account === '*' || candidate.id === where.account,
      );
      const found: Resource<K>[] = [];
      for (const account of accounts) {
        for (const scope of scopesFor(kind, account, collected)) {
          if (where.region !== undefined && scope.region.name !== where.region) continue;
          if (scope.gap) throw new Unobserved({ ...scope.gap, detail: detailIn(scope) });
          found.push(...(ofKind(scope.region, kind) as Resource<K>[]));
        }
      }
      return found;
    },
    find<K extends KindName>(
      kind: K,
      where: { account: string },
      match: (resource: Resource<K>) => boolean,
    ): Resource<K> | undefined {
      if (kind !== check.kind && !(kind in check.related)) {
        throw new Error(`${check.id} looks up ${kind} without declaring it in \`related\``);
      }
      let hidden: Unobserved | undefined;
      for (const account of inventory.accounts) {
        if (where.account !== '*' && account.id !== where.account) continue;
        for (const scope of scopesFor(kind, account, collected)) {
          if (scope.gap) {
            hidden ??= new Unobserved({ ...scope.gap, detail: detailIn(scope) });
            continue;
          }
          const found = (ofKind(scope.region, kind) as Resource<K>[]).find(match);
          if (found) return found;
        }
      }
      if (hidden) throw hidden;
      return undefined;
    },
    read<K extends KindName, F extends keyof AttributesOf<K>>(
      resource: Resource<K>,
      field: F,
    ): AttributesOf<K>[F] {
      const gap = missingField(resource, [String(field)]);
      if (gap) throw new Unobserved(gap);
      return (resource.attributes as AttributesOf<K>)[field];
    },
  };
}

function kindTitle(kind: KindName): string {
  return KINDS.get(kind)?.title ?? kind;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `global` sorts before regions so account-wide results lead. */
function compareRegion(a: string, b: string): number {
  if (a === b) return 0;
  if (a === GLOBAL) return -1;
  if (b === GLOBAL) return 1;
  return compare(a, b);
}

function compareResults(a: Result, b: Result): number {
  return (
    compare(a.checkId, b.checkId) ||
    compare(a.resource.account, b.resource.account) ||
    compareRegion(a.resource.region, b.resource.region) ||
    compare(a.resource.kind, b.resource.kind) ||
    compare(a.resource.id, b.resource.id)
  );
}
