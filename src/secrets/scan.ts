/**
 * The secret scanner: text in, findings out. Each rule runs only when one of its keywords occurs in the
 * lower-cased text (one pass of a combined keyword regex); regexes are compiled once. A finding never carries
 * the secret: a prefix of at most 4 characters, the length and a short SHA-256 prefix.
 */
import { createHash } from 'node:crypto';
import {
  DOCUMENTED_EXAMPLES,
  isGitSha,
  isIntegrityHash,
  isLockFile,
  isPlaceholderSecret,
  isTestFixturePath,
  isUuid,
} from './allowlist.js';
import { AWS_KEY_ID, AWS_PAIRING_LINES, linesAround } from './rules/context.js';
import { SECRET_RULES, type RuleKind, type SecretRuleSpec, type SecretSeverity } from './rules/index.js';
import { awsAccountFromKeyId, shannonEntropy } from './rules/validators.js';

export interface Finding {
  ruleId: string;
  title: string;
  severity: SecretSeverity;
  kind: RuleKind;
  /** 1-based line and column of the secret's first character. */
  line: number;
  column: number;
  /** Offsets of the secret in the scanned text (end exclusive). */
  start: number;
  end: number;
  /** `ghp_…(40 chars, sha256:1a2b3c4d5e6f)`. */
  redacted: string;
  length: number;
  /** The first 12 hex digits of the SHA-256 of the secret. */
  hash: string;
  /** `rule:path:hash`: the same secret in the same file keeps it when lines move. */
  fingerprint: string;
  path?: string;
  /** The 12-digit AWS account decoded from the access key id (the id itself, or the one paired with a secret key). */
  accountId?: string;
  /** The path is a test fixture (`test/`, `fixtures/`, `*.test.ts`...): the caller decides what to do with it. */
  testFixture: boolean;
}

export interface ScanOptions {
  /** The file the text came from: for fingerprints, lock-file and test-fixture handling. */
  path?: string;
  /** Another rule set (tests, a narrower scan); defaults to every rule. */
  rules?: readonly SecretRuleSpec[];
}

interface Compiled {
  rule: SecretRuleSpec;
  priority: number;
  pattern: RegExp;
}

interface Engine {
  compiled: Compiled[];
  keywordPattern: RegExp;
  /** Keyword → the keywords it contains (itself included): finding one means finding those. */
  implied: Map<string, string[]>;
  byKeyword: Map<string, Compiled[]>;
}

const engines = new WeakMap<readonly SecretRuleSpec[], Engine>();

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function engineFor(rules: readonly SecretRuleSpec[]): Engine {
  const cached = engines.get(rules);
  if (cached !== undefined) return cached;
  const compiled = rules.map((rule, priority) => {
    const flags = `${rule.pattern.flags.replace(/[gd]/g, '')}gd`;
    return { rule, priority, pattern: new RegExp(rule.pattern.source, flags) };
  });
  const byKeyword = new Map<string, Compiled[]>();
  for (const entry of compiled) {
    for (const keyword of entry.rule.keywords) {
      const list = byKeyword.get(keyword) ?? [];
      list.push(entry);
      byKeyword.set(keyword, list);
    }
  }
  const keywords = [...byKeyword.keys()].sort((a, b) => b.length - a.length);
  const implied = new Map(keywords.map((keyword) => [keyword, keywords.filter((k) => keyword.includes(k))]));
  const keywordPattern = new RegExp(keywords.map(escapeRegExp).join('|'), 'g');
  const engine = { compiled, keywordPattern, implied, byKeyword };
  engines.set(rules, engine);
  return engine;
}

/** The rules whose keywords occur in `text`, in priority order. */
function rulesToRun(engine: Engine, text: string): Compiled[] {
  const lower = text.toLowerCase();
  const seen = new Set<string>();
  const pattern = engine.keywordPattern;
  pattern.lastIndex = 0;
  for (let hit = pattern.exec(lower); hit !== null; hit = pattern.exec(lower)) {
    if (!seen.has(hit[0])) for (const keyword of engine.implied.get(hit[0]) ?? []) seen.add(keyword);
    // Keywords may overlap ("xoxe.xoxb-"): look again from the next character, not after the match.
    pattern.lastIndex = hit.index + 1;
    if (seen.size === engine.byKeyword.size) break;
  }
  const selected = new Set<Compiled>();
  for (const keyword of seen) for (const entry of engine.byKeyword.get(keyword) ?? []) selected.add(entry);
  return [...selected].sort((a, b) => a.priority - b.priority);
}

export function sha256Prefix(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 12);
}

/** At most a 4-character prefix (a quarter of a short value), the length and a hash prefix. */
export function redactSecret(secret: string, hash = sha256Prefix(secret)): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}…(${secret.length} chars, sha256:${hash})`;
}

/** Documented examples, placeholders, UUIDs and git SHAs, and the rule's own allowlist. */
function isAllowed(rule: SecretRuleSpec, secret: string): boolean {
  if (DOCUMENTED_EXAMPLES.has(secret) || isPlaceholderSecret(secret)) return true;
  if (!rule.uuidSecret && isUuid(secret)) return true;
  if (!rule.hexSecret && isGitSha(secret)) return true;
  return rule.allow?.some((pattern) => pattern.test(secret)) ?? false;
}

interface Candidate {
  entry: Compiled;
  start: number;
  end: number;
  secret: string;
}

function candidates(entry: Compiled, text: string, lockFile: boolean): Candidate[] {
  const { rule, pattern } = entry;
  if (lockFile && rule.kind !== 'token' && rule.kind !== 'key') return [];
  const found: Candidate[] = [];
  pattern.lastIndex = 0;
  for (let hit = pattern.exec(text); hit !== null; hit = pattern.exec(text)) {
    if (hit[0].length === 0) pattern.lastIndex++;
    const span = hit.indices?.groups?.['secret'];
    const secret = hit.groups?.['secret'];
    if (span === undefined || secret === undefined) continue;
    const [start, end] = span;
    if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) continue;
    if (isAllowed(rule, secret)) continue;
    if (rule.validate && !rule.validate(secret, { text, start, end, groups: hit.groups ?? {} })) continue;
    if (isIntegrityHash(text, start, end)) continue;
    found.push({ entry, start, end, secret });
  }
  return found;
}

/**
 * Keeps, of overlapping candidates, the one of the earliest rule (candidates come in priority order). The kept
 * spans never overlap, so they stay sorted by start and a binary search finds the neighbours of a new one.
 */
function settle(all: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const candidate of all) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((kept[mid]?.start ?? 0) < candidate.start) low = mid + 1;
      else high = mid;
    }
    const before = kept[low - 1];
    const after = kept[low];
    if (before !== undefined && before.end > candidate.start) continue;
    if (after !== undefined && after.start < candidate.end) continue;
    kept.splice(low, 0, candidate);
  }
  return kept;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** The account of the access key id a secret access key is paired with (the nearest one within the window). */
function pairedAccount(text: string, start: number, end: number): string | undefined {
  const window = linesAround(text, start, end, AWS_PAIRING_LINES);
  for (const hit of window.matchAll(AWS_KEY_ID)) {
    const account = awsAccountFromKeyId(hit[0]);
    if (account !== null) return account;
  }
  return undefined;
}

/** Every secret in `text`, in text order. */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const engine = engineFor(options.rules ?? SECRET_RULES);
  const lockFile = options.path !== undefined && isLockFile(options.path);
  const all = rulesToRun(engine, text).flatMap((entry) => candidates(entry, text, lockFile));
  if (all.length === 0) return [];
  const kept = settle(all);
  const starts = lineStarts(text);
  const testFixture = options.path !== undefined && isTestFixturePath(options.path);
  return kept.map(({ entry: { rule }, start, end, secret }) => {
    const hash = sha256Prefix(secret);
    const finding: Finding = {
      ruleId: rule.id,
      title: rule.title,
      severity: rule.severity,
      kind: rule.kind,
      ...position(starts, start),
      start,
      end,
      redacted: redactSecret(secret, hash),
      length: secret.length,
      hash,
      fingerprint: `${rule.id}:${options.path ?? ''}:${hash}`,
      testFixture,
    };
    if (options.path !== undefined) finding.path = options.path;
    const accountId =
      rule.id === 'aws-access-key-id'
        ? (awsAccountFromKeyId(secret) ?? undefined)
        : rule.id === 'aws-secret-access-key'
          ? pairedAccount(text, start, end)
          : undefined;
    if (accountId !== undefined) finding.accountId = accountId;
    return finding;
  });
}
