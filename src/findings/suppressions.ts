import type { Finding, Suppression } from '../core/finding.js';
import { matchesWritten } from '../iam/engine/patterns.js';

export type { Suppression, SuppressionEntry } from '../core/finding.js';

/**
 * Suppressions (onus.config.yaml `suppressions`) accept a failing result's risk: the result stays in every
 * output, as MUTED with the suppression's reason, and no longer fails the run.
 *
 * Matching, every key given must match (absent keys match anything):
 * - `check`: the check id, or a glob (`*` any run of characters, `?` one character), case-sensitive;
 * - `account`: the account id, or a glob;
 * - `region`: the region (`global` for IAM, CloudFront and other global resources), or a glob;
 * - `resource`: a glob matched against the whole of the resource's id, its name or its ARN (any of the three),
 *   or a regular expression written `/.../` (or `/.../i`, case-insensitive) found anywhere in one of them;
 * - `tags`: every key must be on the resource with a value the glob matches; results about an account or a
 *   region carry no tags, so an entry with tags never mutes them.
 *
 * Only FAIL results are muted; the first active entry that matches, in file order, is the one recorded. An entry
 * with `expires: 2026-10-01` mutes up to 2026-09-30 and no longer mutes from 2026-10-01 (UTC).
 */

export interface Applied {
  /** The findings, with muted FAIL results now MUTED (copies: the input is not changed). */
  findings: Finding[];
  /** One line per expired entry: it no longer mutes. */
  warnings: string[];
  /** One line per active entry that muted nothing although a check it names was run: perhaps no longer needed. */
  notes: string[];
}

/** The regular expression a `resource` value stands for when written `/.../` or `/.../i`, else null. */
export function resourceRegex(text: string): RegExp | null {
  const written = /^\/(.+)\/(i?)$/s.exec(text);
  if (!written) return null;
  return new RegExp(written[1] ?? '', written[2]);
}

/** Whether an entry still mutes on the (UTC) day of `now`. */
export function isActive(suppression: Suppression, now: Date): boolean {
  return suppression.expires === null || now.toISOString().slice(0, 10) < suppression.expires;
}

/** Marks the FAIL results that an active suppression matches as MUTED; pure, the clock comes in as `now`. */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  now: Date,
  file = 'onus.config.yaml',
): Applied {
  const label = (suppression: Suppression) =>
    `${file}: suppressions[${String(suppression.entry.index)}] (check ${suppression.entry.check})`;
  const warnings: string[] = [];
  const active: { suppression: Suppression; matches: (finding: Finding) => boolean; used: boolean }[] = [];
  for (const suppression of suppressions) {
    if (isActive(suppression, now)) active.push({ suppression, matches: matcher(suppression), used: false });
    else warnings.push(`${label(suppression)} expired on ${suppression.expires ?? ''}; it no longer mutes`);
  }
  if (active.length === 0) return { findings: [...findings], warnings, notes: [] };

  const muted = findings.map((finding) => {
    if (finding.status !== 'FAIL') return finding;
    const match = active.find((candidate) => candidate.matches(finding));
    if (!match) return finding;
    match.used = true;
    const { reason, expires, entry } = match.suppression;
    return { ...finding, status: 'MUTED' as const, suppression: { reason, expires, entry } };
  });

  const checkIds = new Set(findings.map((finding) => finding.checkId));
  const notes = active
    .filter(({ suppression, used }) => !used && [...checkIds].some((id) => glob(suppression.entry.check, id)))
    .map(({ suppression }) => `${label(suppression)} muted nothing: no failing result matches it`);
  return { findings: muted, warnings, notes };
}

function matcher(suppression: Suppression): (finding: Finding) => boolean {
  const { check, account, region, resource, tags } = suppression.entry;
  const regex = resource === undefined ? null : resourceRegex(resource);
  const tagEntries = Object.entries(tags ?? {});
  return (finding) => {
    const ref = finding.resource;
    if (!glob(check, finding.checkId)) return false;
    if (account !== undefined && !glob(account, ref.account)) return false;
    if (region !== undefined && !glob(region, ref.region)) return false;
    if (resource !== undefined) {
      const names = [ref.id, ref.name, ...(ref.arn === null ? [] : [ref.arn])];
      const hit = regex ? names.some((name) => regex.test(name)) : names.some((name) => glob(resource, name));
      if (!hit) return false;
    }
    return tagEntries.every(([key, value]) => {
      const actual = ref.tags?.[key];
      return actual !== undefined && glob(value, actual);
    });
  };
}

/** `*` any run of characters (colons included), `?` one character; the whole value must match. */
function glob(pattern: string, value: string): boolean {
  return matchesWritten(pattern, value, { ignoreCase: false, arn: false });
}
