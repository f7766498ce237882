/**
 * The Sigma engine of `onus trail`: our own implementation of the Sigma specification v2.1.0
 * (SigmaHQ/sigma-specification), matching CloudTrail records offline.
 *
 * Supported
 * - Detection rules: title, id, name, status, description, references, tags, level, falsepositives,
 *   logsource; several rules per file (`---`).
 * - Search identifiers: maps (AND), lists of maps (OR), keyword lists (searched in the event's JSON text),
 *   value lists (OR; AND with `all`), `null` (field absent or null), `''`, numbers and booleans (YAML `true`
 *   matches JSON `true` and the text `"true"`), wildcards `*` `?` with `\` escapes, case-insensitive by default.
 * - Fields are dotted paths (`userIdentity.type`); arrays on the way are walked; an object or array field
 *   compared to text is compared through its JSON text (`requestParameters|contains: '"AllUsers"'`).
 * - Modifiers: contains, startswith, endswith, all, exists, cased, neq, re (+ i, m, s), base64, base64offset,
 *   utf16le, utf16be, utf16, wide, windash, lt, lte, gt, gte, cidr (IPv4, IPv6), fieldref (with neq, cased,
 *   contains, startswith, endswith), expand (placeholders from `options.placeholders`), minute, hour, day,
 *   week (ISO), month, year (UTC).
 * - Conditions: and, or, not, parentheses, `1 of`/`any of`/`all of` a pattern or `them` (which leaves out
 *   identifiers starting with `_`), a list of conditions (OR).
 * - Correlation rules: event_count, value_count, temporal, temporal_ordered, with group-by, aliases,
 *   timespan (s, m, h, d, w), condition (gt, gte, lt, lte, eq, neq, field) and generate.
 *
 * Not supported (a rule using them is refused with a clear error)
 * - value_sum, value_avg, value_percentile correlations; correlations of correlations (chaining);
 *   a condition on temporal_ordered; filter rules (Sigma filters); Sigma 1.0 `action: global` collections;
 *   aggregations in conditions (`| count() > 5`); `timeframe` in detection.
 * - Placeholders without values: `expand` needs the value list at compile time.
 *
 * Choices where the specification leaves room
 * - `neq` on an absent or null field does not match. `re` without `i` is case-sensitive, as the spec says.
 * - A correlation window spans `timespan` inclusive of both ends; after a hit the next window starts after
 *   its last event, so one burst gives one hit. `group-by` may be left out (one group for everything).
 * - base64 values are matched case-insensitively like every other value unless `cased` is given.
 *
 * Speed: each rule is compiled once into closures; `rule.prefilter` lets a pipeline index rules by the
 * eventName (or other field) they need; `jsonTextOf` caches an object's JSON text so keyword searches serialise an event at most once.
 */
export { compileSigma, parseSigma, sigmaDocuments, type SigmaDocuments } from './parse.js';
export { SigmaError } from './errors.js';
export { SIGMA_LEVELS, SIGMA_STATUSES, type SigmaLevel, type SigmaRule, type SigmaStatus } from './rule.js';
export {
  correlate,
  linkCorrelations,
  type CorrelationCondition,
  type CorrelationHit,
  type CorrelationInput,
  type CorrelationType,
  type SigmaCorrelation,
} from './correlation.js';
export type { CompileOptions } from './field-clause.js';
export { jsonTextOf } from './event-fields.js';
