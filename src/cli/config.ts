import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { Check, ThresholdValue } from '../core/check.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import { resourceRegex, type Suppression } from '../findings/suppressions.js';
import { matchesWritten } from '../iam/engine/patterns.js';
import type { AwsFlags } from './commands/collect.js';
import { UserError } from './errors.js';

/** The names onus looks for, in this order, in the working directory and then each parent. */
export const CONFIG_NAMES = ['onus.config.yaml', 'onus.config.yml', 'onus.config.json'] as const;

/** What a config file can say, validated; every part optional. */
export interface OnusConfig {
  /** The file read, as the user would name it; null when none was found or `--no-config` was given. */
  file: string | null;
  checks: {
    /** Ids or `*` patterns; null runs every check. */
    include: string[] | null;
    exclude: string[];
    severity: Severity[] | null;
  };
  /** Per-check threshold overrides, already checked against each check's declared thresholds. */
  thresholds: Record<string, Record<string, ThresholdValue>>;
  failOn: Severity | 'none' | null;
  aws: {
    regions: string[] | null;
    excludeRegions: string[] | null;
    concurrency: number | null;
    /** Calls per second per service, e.g. `{ iam: 4 }`. */
    rate: Record<string, number> | null;
    /** Collect IAM last-accessed data (`--last-accessed`). */
    lastAccessed: boolean | null;
  };
  /** Accepted risks: FAIL results they match are reported as MUTED (see src/findings/suppressions.ts). */
  suppressions: Suppression[];
}

export const EMPTY_CONFIG: OnusConfig = {
  file: null,
  checks: { include: null, exclude: [], severity: null },
  thresholds: {},
  failOn: null,
  aws: { regions: null, excludeRegions: null, concurrency: null, rate: null, lastAccessed: null },
  suppressions: [],
};

const checkPattern = z.string().regex(/^[a-z0-9*-]+$/, 'expected a check id or a pattern like "iam-*"');
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'expected an AWS region name like eu-west-1');
const severity = z.enum(SEVERITIES);

/** A string key that must be present: a missing one reads `required`, not zod's type jargon. */
function requiredString(what: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? 'required' : `expected ${what}`) });
}

/** A zod transform that turns a problem into an issue at the key's own path. */
function checked<T>(convert: (value: unknown) => { value: T } | { problem: string }) {
  return (value: unknown, ctx: z.RefinementCtx): T => {
    const result = convert(value);
    if ('problem' in result) {
      ctx.addIssue({ code: 'custom', message: result.problem, input: value });
      return z.NEVER;
    }
    return result.value;
  };
}

const GLOB_OR_NAME = /^[A-Za-z0-9*?._-]+$/;

const suppressionEntry = z
  .object(
    {
      check: requiredString('a check id or a pattern like "iam-*"').regex(
        /^[a-z0-9*?-]+$/,
        'expected a check id or a pattern like "iam-*"',
      ),
      // YAML reads an unquoted 012345678901 as the number 12345678901: put the leading zeros back.
      account: z
        .unknown()
        .transform(
          checked((value) => {
            // An unquoted id is a number to YAML, which drops leading zeros: only a full 12 digits is safe.
            const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
            if (typeof text === 'string' && /^\d{12}$/.test(text)) return { value: text };
            if (typeof text === 'string' && /^[0-9*?]+$/.test(text) && /[*?]/.test(text))
              return { value: text };
            return {
              problem: `expected a 12-digit account id or a pattern like "1234*"${typeof value === 'number' ? ' (quote ids with leading zeros)' : ''}`,
            };
          }),
        )
        .optional(),
      region: requiredString('a region, "global" or a pattern like "eu-*"')
        .refine(
          (value) =>
            GLOB_OR_NAME.test(value) &&
            (/[*?]/.test(value) || value === 'global' || /^[a-z]{2}(-[a-z]+)+-\d+$/.test(value)),
          'expected a region, "global" or a pattern like "eu-*"',
        )
        .optional(),
      resource: requiredString('a glob or a /regular expression/')
        .min(1, 'expected a glob or a /regular expression/')
        .transform(
          checked((value) => {
            try {
              resourceRegex(value as string);
            } catch (error) {
              const why = (error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, '');
              return { problem: `not a valid regular expression (${why})` };
            }
            return { value: value as string };
          }),
        )
        .optional(),
      tags: z
        .record(
          z.string().min(1),
          requiredString('a string (quote values YAML reads as numbers or booleans)'),
        )
        .optional(),
      reason: requiredString('a string').trim().min(1, 'must not be empty'),
      expires: z
        .unknown()
        .transform(
          checked((value) => {
            const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
            // Round-tripping through Date rejects days that do not exist, such as 2026-02-30.
            if (date === null || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)
              return { problem: 'expected a date like 2026-10-01' };
            return { value: date };
          }),
        )
        .optional(),
    },
    { error: 'expected a mapping with at least check and reason' },
  )
  .strict();

const ConfigSchema = z
  .object({
    checks: z
      .object({
        include: z.array(checkPattern).min(1).optional(),
        exclude: z.array(checkPattern).optional(),
        severity: z.array(severity).min(1).optional(),
      })
      .strict()
      .optional(),
    thresholds: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    failOn: z.enum([...SEVERITIES, 'none']).optional(),
    aws: z
      .object({
        regions: z.array(region).min(1).optional(),
        excludeRegions: z.array(region).optional(),
        concurrency: z.number().int().min(1).max(512).optional(),
        rate: z.record(z.string().regex(/^[a-z0-9-]+$/), z.number().positive().max(1000)).optional(),
        lastAccessed: z.boolean().optional(),
      })
      .strict()
      .optional(),
    suppressions: z.array(suppressionEntry, { error: 'expected a list of entries' }).optional(),
  })
  .strict();

/** `$.a.b[2]`-style paths read badly in YAML; users see `thresholds.iam-x.maxAgeDays` and `checks.exclude[1]`. */
function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${String(part)}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/** The value at `path` in the raw document, to say what was given. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** Checks an override against the type of the threshold's default; returns a problem or null. */
function thresholdProblem(value: unknown, fallback: ThresholdValue): string | null {
  if (typeof fallback === 'number') {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
      ? null
      : 'expected a number of 0 or more';
  }
  if (typeof fallback === 'boolean') return typeof value === 'boolean' ? null : 'expected true or false';
  if (typeof fallback === 'string') return typeof value === 'string' ? null : 'expected a string';
  const wantsNumbers = fallback.length > 0 && typeof fallback[0] === 'number';
  if (!Array.isArray(value)) return `expected a list of ${wantsNumbers ? 'numbers' : 'strings'}`;
  const ok = (value as unknown[]).every((item) =>
    wantsNumbers ? typeof item === 'number' && Number.isFinite(item) : typeof item === 'string',
  );
  return ok ? null : `expected a list of ${wantsNumbers ? 'numbers' : 'strings'}`;
}

/** The source text of a config file as a plain value; YAML (a superset of JSON) or JSON by extension. */
function parseText(text: string, file: string): unknown {
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new UserError(`${file}: not valid JSON: ${(error as Error).message}`);
    }
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const [problem] = document.errors;
  if (problem) {
    const position = problem.linePos?.[0];
    const where = position ? ` at line ${String(position.line)}, column ${String(position.col)}` : '';
    // prettyErrors appends " at line L, column C:" and a code excerpt; keep the first line's text only.
    const text = (problem.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new UserError(`${file}: not valid YAML${where}: ${text}`);
  }
  return document.toJS() as unknown;
}

/**
 * Validates a config file's text against the checks onus ships. Every problem is a UserError naming the
 * file and the path of the offending key, so a typo never silently changes what a scan checks.
 */
export function parseConfig(text: string, file: string, checks: readonly Check[]): OnusConfig {
  const raw = parseText(text, file) ?? {};
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const path = issue ? pathOf(issue.path) : '';
    const given = issue && issue.code !== 'unrecognized_keys' ? valueAt(raw, issue.path) : undefined;
    let message = issue?.message ?? 'invalid';
    if (issue?.code === 'unrecognized_keys')
      message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    else if (given !== undefined) message = `${message}, got ${describe(given)}`;
    throw new UserError(`${file}: ${path || '(top level)'}: ${message}`);
  }
  const config = parsed.data;
  const byId = new Map(checks.map((check) => [check.id, check]));

  const matchAny = (list: string[] | undefined, key: string): string[] | undefined => {
    list?.forEach((pattern, index) => {
      if (!checks.some((check) => matchesGlob(pattern, check.id))) {
        throw new UserError(
          `${file}: checks.${key}[${String(index)}]: '${pattern}' matches no check (see \`onus checks\`)`,
        );
      }
    });
    return list;
  };

  const thresholds: OnusConfig['thresholds'] = {};
  for (const [checkId, values] of Object.entries(config.thresholds ?? {})) {
    const check = byId.get(checkId);
    if (!check)
      throw new UserError(`${file}: thresholds.${checkId}: no check has this id (see \`onus checks\`)`);
    const declared = Object.keys(check.thresholds);
    for (const [name, value] of Object.entries(values)) {
      const spec = check.thresholds[name];
      if (!spec) {
        throw new UserError(
          `${file}: thresholds.${checkId}.${name}: ${checkId} has ${declared.length === 0 ? 'no thresholds' : `thresholds ${declared.join(', ')}`}`,
        );
      }
      const problem = thresholdProblem(value, spec.default);
      if (problem)
        throw new UserError(`${file}: thresholds.${checkId}.${name}: ${problem}, got ${describe(value)}`);
    }
    thresholds[checkId] = values as Record<string, ThresholdValue>;
  }

  const suppressions = (config.suppressions ?? []).map((entry, index): Suppression => {
    if (!checks.some((check) => matchesGlob(entry.check, check.id))) {
      throw new UserError(
        `${file}: suppressions[${String(index)}].check: '${entry.check}' matches no check (see \`onus checks\`)`,
      );
    }
    const { reason, expires, ...criteria } = entry;
    return {
      reason,
      expires: expires ?? null,
      entry: {
        index,
        check: criteria.check,
        ...(criteria.account === undefined ? {} : { account: criteria.account }),
        ...(criteria.region === undefined ? {} : { region: criteria.region }),
        ...(criteria.resource === undefined ? {} : { resource: criteria.resource }),
        ...(criteria.tags === undefined ? {} : { tags: criteria.tags }),
      },
    };
  });

  return {
    file,
    checks: {
      include: matchAny(config.checks?.include, 'include') ?? null,
      exclude: matchAny(config.checks?.exclude, 'exclude') ?? [],
      severity: config.checks?.severity ?? null,
    },
    thresholds,
    failOn: config.failOn ?? null,
    aws: {
      regions: config.aws?.regions ?? null,
      excludeRegions: config.aws?.excludeRegions ?? null,
      concurrency: config.aws?.concurrency ?? null,
      rate: config.aws?.rate ?? null,
      lastAccessed: config.aws?.lastAccessed ?? null,
    },
    suppressions,
  };
}

/** The nearest config file from `cwd` upward, or null; two candidates in one directory are ambiguous. */
export function findConfig(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    const found = CONFIG_NAMES.map((name) => join(dir, name)).filter((path) => existsSync(path));
    if (found.length > 1) {
      throw new UserError(
        `${found.map((path) => relative(cwd, path) || path).join(' and ')} both exist: keep one`,
      );
    }
    if (found[0]) return found[0];
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export interface ConfigFlags {
  /** `--config FILE`; commander turns `--no-config` into `config: false`. */
  config?: string | false;
}

/** The config a run uses: `--config FILE`, else the nearest file upward from `cwd`, else none. */
export function loadConfig(flags: ConfigFlags, checks: readonly Check[], cwd = process.cwd()): OnusConfig {
  if (flags.config === false) return EMPTY_CONFIG;
  const path = flags.config ?? findConfig(cwd);
  if (path === null) return EMPTY_CONFIG;
  const name = relative(cwd, resolve(cwd, path)) || path;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new UserError(
      `--config: cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return parseConfig(text, name, checks);
}

/** The checks a config keeps: `include` (or all), minus `exclude`, within `severity`. */
export function configuredChecks(config: OnusConfig, checks: readonly Check[]): Check[] {
  const { include, exclude, severity: severities } = config.checks;
  return checks.filter(
    (check) =>
      (include === null || include.some((pattern) => matchesGlob(pattern, check.id))) &&
      !exclude.some((pattern) => matchesGlob(pattern, check.id)) &&
      (severities === null || severities.includes(check.severity)),
  );
}

/** AWS flags with the config's `aws` settings filled in where the command line is silent. */
export function withConfiguredAws<F extends AwsFlags>(flags: F, config: OnusConfig): F {
  const { regions, excludeRegions, concurrency, rate, lastAccessed } = config.aws;
  // The command line's rates come last so they override the config's for the same service.
  const rates = [
    ...Object.entries(rate ?? {}).map(([service, value]) => `${service}=${String(value)}`),
    ...(flags.rate ? [flags.rate] : []),
  ];
  return {
    ...flags,
    region: flags.region ?? regions?.join(','),
    excludeRegion: flags.excludeRegion ?? excludeRegions?.join(','),
    concurrency: flags.concurrency ?? (concurrency === null ? undefined : String(concurrency)),
    rate: rates.length > 0 ? rates.join(',') : undefined,
    lastAccessed: flags.lastAccessed ?? lastAccessed ?? undefined,
  };
}

/** Check-id patterns use IAM's wildcards: `*` any run of characters, `?` one; ids are compared as written. */
function matchesGlob(pattern: string, id: string): boolean {
  return matchesWritten(pattern, id, { ignoreCase: false, arn: false });
}
