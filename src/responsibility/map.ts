import type { Finding } from '../core/finding.js';
import type { Inventory } from '../core/inventory.js';
import type { Resource } from '../core/resource.js';
import type { ScanReport } from '../core/scan.js';
import { categoryItems, type Catalog } from './catalog.js';
import type { Category, Owner, Predicate, Responsibility, Service, Variant } from './schema.js';

/**
 * The responsibility map: for every AWS service in use, what AWS covers, what is shared and what is the
 * customer's, each customer item judged met / not met / partial / unknown / manual from the check results. It
 * joins three things and computes nothing else: the catalog, the services found in the inventory, and a scan.
 */

export type ItemStatus = 'met' | 'not-met' | 'partial' | 'unknown' | 'manual' | 'inherited';

/** Worst first: the order the map lists items and services in. */
export const STATUS_ORDER: readonly ItemStatus[] = [
  'not-met',
  'unknown',
  'partial',
  'manual',
  'met',
  'inherited',
];

export interface CheckTally {
  checkId: string;
  pass: number;
  fail: number;
  notEvaluated: number;
  muted: number;
  /** Why results were not evaluated (`access-denied: s3:GetBucketPolicy`), without repeats. */
  reasons: string[];
}

/** A failing result an item points to as evidence. */
export interface FailingResult {
  checkId: string;
  fingerprint: string;
  resource: string;
  account: string;
  region: string;
  message: string;
}

export interface MappedItem {
  id: string;
  title: string;
  description: string;
  owner: Owner;
  class: Responsibility['class'];
  domain: Responsibility['domain'];
  verifiability: Responsibility['verifiability'];
  awsPart: string | null;
  customerPart: string | null;
  guidance: string | null;
  source: string;
  awsDefault: Responsibility['awsDefault'] | null;
  /** Where the item comes from: the service's own file, or the layer AWS owns for its category. */
  origin: 'service' | 'category';
  status: ItemStatus;
  /** One sentence: why this status. */
  why: string;
  checks: CheckTally[];
  /** Up to 25 failing results, the evidence behind "not met". */
  failing: FailingResult[];
}

export interface ActiveVariant {
  id: string;
  title: string;
  description: string;
  /** Resources in the variant's configuration. */
  resources: number;
}

export interface StatusCounts {
  met: number;
  notMet: number;
  partial: number;
  unknown: number;
  manual: number;
}

export interface MappedService {
  id: string;
  name: string;
  category: Category;
  securityChapter: string;
  /** Listed because it is an account-wide duty, not because resources were found. */
  everyAccount: boolean;
  accounts: string[];
  regions: string[];
  resourceCount: number;
  resourcesByKind: Record<string, number>;
  variants: ActiveVariant[];
  items: MappedItem[];
  owners: { aws: number; shared: number; customer: number };
  /** Statuses of the items the customer owns in whole or in part (shared and customer). */
  yours: StatusCounts;
}

export interface MapTotals {
  services: number;
  /** Items AWS owns alone (inherited). */
  aws: number;
  /** Items the customer owns in whole (customer) or in part (shared). */
  yours: number;
  shared: number;
  customer: number;
  status: StatusCounts;
}

export interface ResponsibilityMap {
  schema: 'onus.map/v1';
  catalogVersion: string;
  generatedAt: string;
  target: ScanReport['target'];
  accounts: ScanReport['accounts'];
  services: MappedService[];
  totals: MapTotals;
  /** "You use 12 services; AWS covers 70 items, you own 81: 40 met, 12 not met, 9 not evaluated ..." */
  summary: string;
}

/** What a customer can obtain to evidence AWS's part. */
export const AWS_EVIDENCE =
  "AWS's independent audit reports (SOC 1, SOC 2, ISO/IEC 27001, PCI DSS, FedRAMP), downloadable from AWS Artifact: https://aws.amazon.com/artifact/";

/* ---------------------------------------------------------------- service detection */

export interface ServiceUsage {
  service: Service;
  accounts: string[];
  regions: string[];
  resourceCount: number;
  resourcesByKind: Record<string, number>;
  /** The resources of the service's kinds, for variant tests. */
  resources: Resource[];
}

/**
 * Which catalog services an inventory (live, snapshot or IaC) uses: those with resources of their detection
 * kinds, and the account-wide duties (IAM, CloudTrail, GuardDuty...) for every account scanned.
 */
export function detectServices(inventory: Inventory, source: Catalog): ServiceUsage[] {
  const byKind = new Map<string, { resource: Resource; account: string; region: string }[]>();
  for (const account of inventory.accounts)
    for (const region of account.regions)
      for (const resource of region.resources) {
        const list = byKind.get(resource.kind) ?? [];
        list.push({ resource, account: account.id, region: region.name });
        byKind.set(resource.kind, list);
      }
  const allAccounts = inventory.accounts.map((account) => account.id);
  const usages: ServiceUsage[] = [];
  for (const service of source.services) {
    const found = service.detect.flatMap((kind) => byKind.get(kind) ?? []);
    if (found.length === 0 && !(service.everyAccount && allAccounts.length > 0)) continue;
    const resourcesByKind: Record<string, number> = {};
    for (const { resource } of found)
      resourcesByKind[resource.kind] = (resourcesByKind[resource.kind] ?? 0) + 1;
    usages.push({
      service,
      accounts: service.everyAccount ? allAccounts : [...new Set(found.map((f) => f.account))].sort(),
      regions: [...new Set(found.map((f) => f.region).filter((region) => region !== 'global'))].sort(),
      resourceCount: found.length,
      resourcesByKind,
      resources: found.map((f) => f.resource),
    });
  }
  return usages;
}

/* ---------------------------------------------------------------- variants */

function holds(predicate: Predicate, resource: Resource): boolean {
  if (resource.kind !== predicate.kind) return false;
  const value = (resource.attributes as Record<string, unknown>)[predicate.field];
  if (predicate.present !== undefined) return (value !== undefined && value !== null) === predicate.present;
  if (predicate.equals !== undefined) return value === predicate.equals;
  if (predicate.includes !== undefined) {
    if (Array.isArray(value)) return value.includes(predicate.includes);
    return typeof value === 'string' && value.includes(predicate.includes);
  }
  return false;
}

interface VariantState {
  variant: Variant;
  /** Resources in the variant's configuration. */
  matched: number;
  /** Every resource of the kinds the variant tests is in it. */
  complete: boolean;
}

function variantStates(service: Service, resources: readonly Resource[]): Map<string, VariantState> {
  const states = new Map<string, VariantState>();
  for (const variant of service.variants) {
    const kinds = new Set(variant.when.map((predicate) => predicate.kind));
    const relevant = resources.filter((resource) => kinds.has(resource.kind));
    const matched = relevant.filter((resource) => variant.when.some((p) => holds(p, resource))).length;
    states.set(variant.id, {
      variant,
      matched,
      complete: relevant.length > 0 && matched === relevant.length,
    });
  }
  return states;
}

/** Whether an item applies, given which variants the service's resources are in. */
function applies(item: Responsibility, states: ReadonlyMap<string, VariantState>): boolean {
  if (item.variants && !item.variants.some((id) => (states.get(id)?.matched ?? 0) > 0)) return false;
  if (item.exceptVariants?.some((id) => states.get(id)?.complete === true)) return false;
  return true;
}

/* ---------------------------------------------------------------- judging items */

function tally(checkId: string, findings: readonly Finding[]): CheckTally {
  const counts: CheckTally = { checkId, pass: 0, fail: 0, notEvaluated: 0, muted: 0, reasons: [] };
  const reasons = new Set<string>();
  for (const finding of findings) {
    if (finding.status === 'PASS') counts.pass++;
    else if (finding.status === 'FAIL') counts.fail++;
    else if (finding.status === 'MUTED') counts.muted++;
    else if (finding.status === 'NOT_EVALUATED') {
      counts.notEvaluated++;
      reasons.add(
        finding.gap?.action
          ? `${finding.reason ?? 'not evaluated'}: ${finding.gap.action}`
          : (finding.reason ?? 'not evaluated'),
      );
    }
  }
  counts.reasons = [...reasons].sort();
  return counts;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function judge(
  item: Responsibility,
  findingsByCheck: ReadonlyMap<string, Finding[]>,
): Pick<MappedItem, 'status' | 'why' | 'checks' | 'failing'> {
  if (item.owner === 'aws') {
    return { status: 'inherited', why: `AWS's part; evidence: ${AWS_EVIDENCE}`, checks: [], failing: [] };
  }
  if (item.verifiability === 'manual') {
    return {
      status: 'manual',
      why: `No check can decide this; review it: ${item.guidance ?? item.description}`,
      checks: [],
      failing: [],
    };
  }
  const checks = item.checks.map((id) => tally(id, findingsByCheck.get(id) ?? []));
  const failing = item.checks
    .flatMap((id) => (findingsByCheck.get(id) ?? []).filter((f) => f.status === 'FAIL'))
    .slice(0, 25)
    .map((f) => ({
      checkId: f.checkId,
      fingerprint: f.fingerprint,
      resource: f.resource.name,
      account: f.resource.account,
      region: f.resource.region,
      message: f.message,
    }));
  const fail = checks.reduce((sum, c) => sum + c.fail, 0);
  const notEvaluated = checks.filter((c) => c.notEvaluated > 0);
  const evaluated = checks.reduce((sum, c) => sum + c.pass + c.fail + c.muted, 0);
  if (fail > 0) {
    const which = checks
      .filter((c) => c.fail > 0)
      .map((c) => `${c.checkId} (${c.fail} of ${c.pass + c.fail + c.muted + c.notEvaluated})`);
    return {
      status: 'not-met',
      why: `${plural(fail, 'failing result')}: ${which.join(', ')}`,
      checks,
      failing,
    };
  }
  if (notEvaluated.length > 0) {
    const which = notEvaluated.map((c) => `${c.checkId}: ${c.reasons.join(', ')}`);
    return { status: 'unknown', why: `Not evaluated: ${which.join('; ')}`, checks, failing };
  }
  if (evaluated === 0) {
    return {
      status: 'unknown',
      why: `Not evaluated: no resource the checks (${item.checks.join(', ')}) apply to was found, or the checks were not run`,
      checks,
      failing,
    };
  }
  const muted = checks.reduce((sum, c) => sum + c.muted, 0);
  const mutedNote = muted > 0 ? ` (${plural(muted, 'result')} muted by your suppressions)` : '';
  if (item.verifiability === 'partial') {
    return {
      status: 'partial',
      why: `The checks pass${mutedNote}; the rest needs a person: ${item.guidance ?? ''}`.trim(),
      checks,
      failing,
    };
  }
  return {
    status: 'met',
    why: `Every check passes on ${plural(evaluated, 'result')}${mutedNote}`,
    checks,
    failing,
  };
}

function mappedItem(
  item: Responsibility,
  origin: MappedItem['origin'],
  findingsByCheck: ReadonlyMap<string, Finding[]>,
): MappedItem {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    owner: item.owner,
    class: item.class,
    domain: item.domain,
    verifiability: item.verifiability,
    awsPart: item.awsPart ?? null,
    customerPart: item.customerPart ?? null,
    guidance: item.guidance ?? null,
    source: item.source,
    awsDefault: item.awsDefault ?? null,
    origin,
    ...judge(item, findingsByCheck),
  };
}

function emptyCounts(): StatusCounts {
  return { met: 0, notMet: 0, partial: 0, unknown: 0, manual: 0 };
}

function count(counts: StatusCounts, status: ItemStatus): void {
  if (status === 'met') counts.met++;
  else if (status === 'not-met') counts.notMet++;
  else if (status === 'partial') counts.partial++;
  else if (status === 'unknown') counts.unknown++;
  else if (status === 'manual') counts.manual++;
}

const rank = (status: ItemStatus): number => STATUS_ORDER.indexOf(status);

/** The map of one scan: the catalog's services found in the inventory, their items judged by the findings. */
export function buildMap(inventory: Inventory, report: ScanReport, source: Catalog): ResponsibilityMap {
  const services: MappedService[] = [];
  for (const usage of detectServices(inventory, source)) {
    const accounts = new Set(usage.accounts);
    const findingsByCheck = new Map<string, Finding[]>();
    for (const finding of report.findings) {
      if (!accounts.has(finding.resource.account)) continue;
      const list = findingsByCheck.get(finding.checkId) ?? [];
      list.push(finding);
      findingsByCheck.set(finding.checkId, list);
    }
    const states = variantStates(usage.service, usage.resources);
    const items = [
      ...categoryItems(source, usage.service.category).map((item) =>
        mappedItem(item, 'category', findingsByCheck),
      ),
      ...usage.service.responsibilities
        .filter((item) => applies(item, states))
        .map((item) => mappedItem(item, 'service', findingsByCheck)),
    ].sort((a, b) => rank(a.status) - rank(b.status));
    const owners = { aws: 0, shared: 0, customer: 0 };
    const yours = emptyCounts();
    for (const item of items) {
      owners[item.owner]++;
      if (item.owner !== 'aws') count(yours, item.status);
    }
    services.push({
      id: usage.service.id,
      name: usage.service.name,
      category: usage.service.category,
      securityChapter: usage.service.securityChapter,
      everyAccount: usage.service.everyAccount,
      accounts: usage.accounts,
      regions: usage.regions,
      resourceCount: usage.resourceCount,
      resourcesByKind: usage.resourcesByKind,
      variants: [...states.values()]
        .filter((state) => state.matched > 0)
        .map(({ variant, matched }) => ({
          id: variant.id,
          title: variant.title,
          description: variant.description,
          resources: matched,
        })),
      items,
      owners,
      yours,
    });
  }
  // Services with the most unmet duties first; then by name.
  services.sort(
    (a, b) =>
      b.yours.notMet - a.yours.notMet || b.yours.unknown - a.yours.unknown || a.name.localeCompare(b.name),
  );
  const totals: MapTotals = {
    services: services.length,
    aws: 0,
    yours: 0,
    shared: 0,
    customer: 0,
    status: emptyCounts(),
  };
  for (const service of services) {
    totals.aws += service.owners.aws;
    totals.shared += service.owners.shared;
    totals.customer += service.owners.customer;
    for (const key of Object.keys(totals.status) as (keyof StatusCounts)[])
      totals.status[key] += service.yours[key];
  }
  totals.yours = totals.shared + totals.customer;
  return {
    schema: 'onus.map/v1',
    catalogVersion: source.version,
    generatedAt: report.generatedAt,
    target: report.target,
    accounts: report.accounts,
    services,
    totals,
    summary: summaryLine(totals),
  };
}

/** "You use 12 services; AWS covers 70 items, you own 81: 40 met, 12 not met, 9 not evaluated, 5 partial, 15 manual". */
export function summaryLine(totals: MapTotals): string {
  const { status } = totals;
  return (
    `You use ${plural(totals.services, 'service')}; AWS covers ${plural(totals.aws, 'item')}, ` +
    `you own ${totals.yours} (${totals.shared} shared): ${status.met} met, ${status.notMet} not met, ` +
    `${status.unknown} not evaluated, ${status.partial} partly verified, ${status.manual} to review by hand`
  );
}
