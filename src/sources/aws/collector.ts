import type { Gap, ScopeGap } from '../../core/gap.js';
import { KINDS, type KindName } from '../../core/kinds/index.js';
import { GLOBAL } from '../../core/resource.js';
import { AwsCallFailed, classifyFailure } from './errors.js';
import type { ClientClass, ClientPool } from './pool.js';

/** A resource as a collector reports it; account (and usually region) come from where it was collected. */
export interface CollectedResource {
  kind: KindName;
  id: string;
  arn?: string | null;
  tags?: Record<string, string>;
  attributes: Record<string, unknown>;
  gaps?: Gap[];
  /** For resources listed globally but living in a region (S3 buckets). */
  region?: string;
}

/** A field read: the value, or the gap left by the call that should have read it. */
export type Observed<T> = { ok: true; value: T } | { ok: false; failure: AwsCallFailed };

/** What the user chose to collect beyond the default (costly collection is opt-in). */
export interface CollectionSettings {
  /** IAM last-accessed data: two or more IAM calls per user and role (`--last-accessed`). */
  lastAccessed: boolean;
}

export const DEFAULT_SETTINGS: CollectionSettings = { lastAccessed: false };

export interface CollectorContext {
  account: string;
  settings: CollectionSettings;
  /** The region calls go to; for global collectors, the account's home region for global services. */
  region: string;
  /** Every region in scope for this account (global collectors place regional resources among them). */
  regions: readonly string[];
  partition: string;
  /** A pooled client in the collector's region, or in `region` (S3 reads each bucket in its own region). */
  client<C>(ClientClass: ClientClass<C>, region?: string): C;
  /** Makes a call; a failure (after retries) throws AwsCallFailed carrying the action and gap reason. */
  call<T>(action: string, send: () => Promise<T>): Promise<T>;
  /**
   * Reads one field: a failure becomes a gap instead of an exception, and error codes listed in `absent` mean
   * "there is none" (the value becomes `null`), because absence is data, not a gap.
   */
  observe<T>(action: string, send: () => Promise<T>, absent?: readonly string[]): Promise<Observed<T | null>>;
  emit(resource: CollectedResource): void;
  /** A kind could not be listed: every check over it is NOT_EVALUATED here (or in `regions`). */
  kindGap(kind: KindName, failure: AwsCallFailed, regions?: readonly string[]): void;
}

/**
 * One collector per service: the read-only IAM actions it may call, the kinds and fields it fills, and how.
 * `onus permissions` prints the union of `actions`; a test proves collectors send nothing else.
 */
export interface Collector {
  service: string;
  /** The SDK client class name's service, used for rate limits (`iam`, `ec2`, ...). */
  global: boolean;
  actions: readonly string[];
  kinds: Partial<Record<KindName, readonly string[]>>;
  collect(ctx: CollectorContext): Promise<void>;
}

export interface CollectionSink {
  resources: (CollectedResource & { region: string })[];
  gaps: (ScopeGap & { region: string })[];
  errors: { region: string; service: string; action: string; message: string }[];
}

export function contextFor(
  collector: Collector,
  pool: ClientPool,
  scope: { account: string; region: string; regions: readonly string[]; partition: string },
  sink: CollectionSink,
  settings: CollectionSettings = DEFAULT_SETTINGS,
): CollectorContext {
  const home = collector.global ? GLOBAL : scope.region;
  const record = (failure: AwsCallFailed) => {
    sink.errors.push({
      region: home,
      service: collector.service,
      action: failure.action,
      message: failure.message,
    });
  };
  const call = async <T>(action: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      const failure = classifyFailure(action, error);
      record(failure);
      throw failure;
    }
  };
  return {
    settings,
    ...scope,
    client: (ClientClass, region) =>
      pool.get(ClientClass, collector.service, scope.account, region ?? scope.region),
    call,
    async observe(action, send, absent = []) {
      try {
        return { ok: true, value: await send() };
      } catch (error) {
        const failure = classifyFailure(action, error);
        if (absent.includes(failure.code)) return { ok: true, value: null };
        record(failure);
        return { ok: false, failure };
      }
    },
    emit(resource) {
      sink.resources.push({ ...resource, region: resource.region ?? home });
    },
    kindGap(kind, failure, regions) {
      for (const region of regions ?? [home]) sink.gaps.push({ ...failure.gap('*'), kind, region });
    },
  };
}

/** Runs a collector; if it fails outright, every kind it fills becomes a gap in its scope, and the scan goes on. */
export async function runCollector(
  collector: Collector,
  ctx: CollectorContext,
  sink: CollectionSink,
): Promise<void> {
  try {
    await collector.collect(ctx);
  } catch (error) {
    const failure =
      error instanceof AwsCallFailed
        ? error
        : new AwsCallFailed(`${collector.service}:*`, 'collection-error', 'CollectorError', String(error));
    if (!(error instanceof AwsCallFailed)) {
      sink.errors.push({
        region: ctx.region,
        service: collector.service,
        action: failure.action,
        message: failure.message,
      });
    }
    const already = new Set(sink.gaps.map((gap) => `${gap.kind}|${gap.region}`));
    for (const kind of Object.keys(collector.kinds) as KindName[]) {
      const targets = KINDS.get(kind)?.global ? [GLOBAL] : collector.global ? ctx.regions : [ctx.region];
      const missing = targets.filter((region) => !already.has(`${kind}|${region}`));
      if (missing.length > 0) ctx.kindGap(kind, failure, missing);
    }
  }
}
