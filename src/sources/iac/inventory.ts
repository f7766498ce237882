import type { Check } from '../../core/check.js';
import type { Gap, ScopeGap } from '../../core/gap.js';
import type { AccountInventory, Inventory, RegionInventory } from '../../core/inventory.js';
import { KINDS, type KindName } from '../../core/kinds/index.js';
import { GLOBAL, type Resource } from '../../core/resource.js';
import { mapContextOf } from './context.js';
import { MAPPERS } from './mappers/index.js';
import type { KindMapper } from './mappers/mapper.js';
import type { IacDocumentSet, IacFormat, IacProblem, InlineIgnore, Location } from './types.js';

/** The account resources from code are filed under: code belongs to no account until it is deployed. */
export const IAC_ACCOUNT = 'iac';
/** The region of regional resources whose code does not pin one (CloudFormation templates never do). */
export const IAC_REGION = 'iac';

/**
 * Kinds that describe a setting of the whole account, not a resource the code creates. Code that does not
 * declare one says nothing about the account's setting, so checks that consult it are NOT_EVALUATED rather
 * than judged against an imagined default.
 */
const ACCOUNT_SETTINGS: readonly KindName[] = [
  's3.account-public-access-block',
  'iam.password-policy',
  'ec2.ebs-encryption-by-default',
  'iam.root-user',
];

type MapperLanguage = KindMapper['format'];

export function languageOf(format: IacFormat): MapperLanguage {
  return format === 'cloudformation' ? 'cloudformation' : 'terraform';
}

/** Where a resource and each of its attributes are written, for SARIF and the table. */
export interface CodeLocations {
  /** The language the resource is written in: a check that does not run on it gives it no result. */
  language: MapperLanguage;
  resource: Location;
  fields: Partial<Record<string, Location>>;
}

export interface IacInventory {
  inventory: Inventory;
  /** By `kind\0id`. */
  locations: Map<string, CodeLocations>;
  /** Inline `onus:ignore` entries, by `kind\0id` of the resources they sit on. */
  ignores: Map<string, InlineIgnore[]>;
  /** Mapping problems (a mapper that met something it could not read); reading problems stay with the sets. */
  problems: IacProblem[];
  /** The languages present, for deciding which checks run. */
  languages: Set<MapperLanguage>;
  /** The kinds the code declares at least one resource of. */
  declared: Set<string>;
}

/**
 * The checks to run on this code: those that run on one of its languages, except checks of an account-wide
 * setting the code does not declare (there is nothing in the code to judge; `onus scan` judges the account).
 */
export function checksForCode(checks: readonly Check[], code: IacInventory): Check[] {
  return checks.filter(
    (check) =>
      [...code.languages].some((language) => runsOnCode(check, language)) &&
      !(ACCOUNT_SETTINGS.includes(check.kind) && !code.declared.has(check.kind)),
  );
}

/** What the inventory needs of a kind's attribute schema. */
interface ZodLike {
  safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } };
}

export function resourceKey(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

const byLanguageAndType = new Map<string, KindMapper[]>();
function mappersFor(language: MapperLanguage, type: string, mappers: readonly KindMapper[]): KindMapper[] {
  if (mappers !== MAPPERS) return mappers.filter((m) => m.format === language && m.types.includes(type));
  if (byLanguageAndType.size === 0) {
    for (const mapper of MAPPERS) {
      for (const mapped of mapper.types) {
        const key = `${mapper.format}\u0000${mapped}`;
        const list = byLanguageAndType.get(key);
        if (list) list.push(mapper);
        else byLanguageAndType.set(key, [mapper]);
      }
    }
  }
  return byLanguageAndType.get(`${language}\u0000${type}`) ?? [];
}

/**
 * Whether a check runs on code in `language`: a resource check over a kind that language maps, reading only
 * fields the code decides. Everything else is known only after deployment and is left to `onus scan`.
 */
export function runsOnCode(
  check: Check,
  language: MapperLanguage,
  mappers: readonly KindMapper[] = MAPPERS,
): boolean {
  if (check.scope !== 'resource') return false;
  return mappers.some(
    (mapper) =>
      mapper.format === language &&
      mapper.kind === check.kind &&
      !mapper.notOnCode?.includes(check.id) &&
      check.reads.every((field) => (mapper.fields as readonly string[]).includes(field)) &&
      // Another kind the check consults must be readable from code too, or be an account-wide setting the
      // code may declare (else NOT_EVALUATED, honestly): SSM registrations, for one, exist only once deployed.
      Object.keys(check.related).every(
        (kind) =>
          kind === check.kind ||
          (ACCOUNT_SETTINGS as readonly string[]).includes(kind) ||
          mappers.some((other) => other.format === language && other.kind === kind),
      ),
  );
}

/** The languages a check runs on before deployment, as the catalog names them. */
export function codeLanguages(check: Check): string[] {
  return [
    ...(runsOnCode(check, 'cloudformation') ? ['CloudFormation'] : []),
    ...(runsOnCode(check, 'terraform') ? ['Terraform'] : []),
  ];
}

/**
 * Turns the resources read from code into an inventory of the kinds the live collectors produce. Every
 * attribute a mapper does not decide is a gap ("known only after deployment"), so a check can never read it.
 */
export function buildIacInventory(
  sets: readonly IacDocumentSet[],
  mappers: readonly KindMapper[] = MAPPERS,
  clock: Date = new Date(),
): IacInventory {
  const regions = new Map<string, RegionInventory>();
  const locations = new Map<string, CodeLocations>();
  const ignores = new Map<string, InlineIgnore[]>();
  const problems: IacProblem[] = [];
  const languages = new Set<MapperLanguage>();
  const kinds = new Set<string>();

  for (const set of sets) {
    const language = languageOf(set.format);
    languages.add(language);
    for (const mapper of mappers) if (mapper.format === language) kinds.add(mapper.kind);
    const ctx = mapContextOf(set.resources);
    for (const code of set.resources) {
      for (const mapper of mappersFor(language, code.type, mappers)) {
        const definition = KINDS.get(mapper.kind);
        if (!definition) continue;
        let mapped;
        try {
          mapped = mapper.map(code, ctx);
        } catch (error) {
          problems.push({
            file: code.location.file,
            line: code.location.line,
            column: code.location.column,
            severity: 'error',
            message: `${code.type} ${code.address}: could not be read: ${error instanceof Error ? error.message : String(error)}`,
          });
          continue;
        }
        const gaps: Gap[] = [...mapped.gaps];
        const given = mapped.attributes as Record<string, unknown>;
        const attributes: Record<string, unknown> = {};
        const decided = new Set<string>(mapper.fields);
        for (const [field, schema] of Object.entries(definition.attributes.shape) as [string, ZodLike][]) {
          if (gaps.some((gap) => gap.field === field)) continue;
          if (!decided.has(field)) {
            gaps.push({ field, reason: 'not-collected', detail: 'known only after deployment' });
            continue;
          }
          const checked = schema.safeParse(given[field]);
          if (checked.success) {
            attributes[field] = given[field];
            continue;
          }
          // A mapper bug, not the user's: say so, and keep the field unobserved rather than wrong.
          const detail = `${mapper.format} mapper for ${mapper.kind} produced an invalid ${field}: ${checked.error?.issues[0]?.message ?? 'invalid'}`;
          gaps.push({ field, reason: 'collection-error', detail });
          problems.push({
            file: code.location.file,
            line: code.location.line,
            column: code.location.column,
            severity: 'warning',
            message: `${code.address}: ${detail}`,
          });
        }
        // The id a live scan would give when the code fixes it (a bucket's name), else the address; qualified by
        // its file or module only when two document sets declare the same one.
        let id = mapped.id ?? code.address;
        if (locations.has(resourceKey(mapper.kind, id))) id = `${set.root}:${id}`;
        const regionName = definition.global ? GLOBAL : (code.region ?? IAC_REGION);
        const resource: Resource = {
          kind: mapper.kind,
          id,
          arn: mapped.arn ?? null,
          account: IAC_ACCOUNT,
          region: regionName,
          tags: mapped.tags ?? {},
          attributes,
          source: { type: 'file', ...code.location, address: code.address },
          gaps,
        };
        let region = regions.get(regionName);
        if (!region) {
          region = { name: regionName, resources: [], gaps: [] };
          regions.set(regionName, region);
        }
        region.resources.push(resource);
        const key = resourceKey(mapper.kind, id);
        locations.set(key, { language, resource: code.location, fields: mapped.locations });
        if (code.ignores.length > 0) ignores.set(key, code.ignores);
      }
    }
  }

  // Account-wide settings the code does not declare are unknown, in every region the code touches.
  const declared = new Set<string>();
  for (const region of regions.values()) for (const resource of region.resources) declared.add(resource.kind);
  if (!regions.has(GLOBAL)) regions.set(GLOBAL, { name: GLOBAL, resources: [], gaps: [] });
  for (const region of regions.values()) {
    for (const kind of ACCOUNT_SETTINGS) {
      if (declared.has(kind) || !kinds.has(kind)) continue;
      const gap: ScopeGap = {
        kind,
        field: '*',
        reason: 'not-collected',
        detail: 'an account-wide setting that the code does not declare',
      };
      region.gaps.push(gap);
    }
  }

  const account: AccountInventory = {
    id: IAC_ACCOUNT,
    alias: null,
    regions: [...regions.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
  const at = clock.toISOString();
  const inventory: Inventory = {
    collection: {
      source: 'iac',
      startedAt: at,
      finishedAt: at,
      caller: null,
      partition: 'aws',
      regions: account.regions.map((region) => region.name).filter((name) => name !== GLOBAL),
      skippedRegions: [],
      kinds: [...kinds].sort(),
      errors: [],
      tool: { name: 'onus', version: '' },
    },
    accounts: [account],
  };
  return { inventory, locations, ignores, problems, languages, declared };
}
