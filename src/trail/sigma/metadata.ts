import { SigmaProblem } from './errors.js';
import { isMap, SIGMA_LEVELS, SIGMA_STATUSES, type SigmaLevel, type SigmaStatus } from './rule.js';

/** What detection and correlation rules share: who they are and how they are described. */
export interface RuleMetadata {
  /** The rule's `id`, or a stable id derived from the file and the title when it has none. */
  readonly id: string;
  /** The rule's `name`, by which correlations may refer to it. */
  readonly name: string | null;
  readonly title: string;
  readonly description: string;
  readonly status: SigmaStatus | null;
  readonly level: SigmaLevel | null;
  readonly tags: readonly string[];
  readonly references: readonly string[];
  readonly falsePositives: readonly string[];
  readonly logsource: Readonly<Record<string, string>>;
  /** The file (or `bundled`) the rule came from. */
  readonly origin: string;
}

export function readMetadata(
  document: Record<string, unknown>,
  origin: string,
  fallbackId: string,
): RuleMetadata {
  const title = document['title'];
  if (typeof title !== 'string' || title.trim() === '') throw new SigmaProblem('title', 'missing');
  const id = optionalText(document, 'id') ?? fallbackId;
  const level = optionalText(document, 'level');
  if (level !== null && !(SIGMA_LEVELS as readonly string[]).includes(level)) {
    throw new SigmaProblem('level', `'${level}' is not one of ${SIGMA_LEVELS.join(', ')}`);
  }
  const status = optionalText(document, 'status');
  if (status !== null && !(SIGMA_STATUSES as readonly string[]).includes(status)) {
    throw new SigmaProblem('status', `'${status}' is not one of ${SIGMA_STATUSES.join(', ')}`);
  }
  return {
    id,
    name: optionalText(document, 'name'),
    title,
    description: optionalText(document, 'description') ?? '',
    status: status as SigmaStatus | null,
    level: level as SigmaLevel | null,
    tags: textList(document, 'tags'),
    references: textList(document, 'references'),
    falsePositives: textList(document, 'falsepositives'),
    logsource: readLogsource(document['logsource']),
    origin,
  };
}

function optionalText(document: Record<string, unknown>, key: string): string | null {
  const value = document[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' && typeof value !== 'number') throw new SigmaProblem(key, 'expected text');
  return String(value);
}

function textList(document: Record<string, unknown>, key: string): string[] {
  const value = document[key];
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) throw new SigmaProblem(key, 'expected a list of texts');
  return list.map((item: unknown, index) => {
    if (typeof item !== 'string' && typeof item !== 'number') {
      throw new SigmaProblem(`${key}[${String(index)}]`, 'expected text');
    }
    return String(item);
  });
}

function readLogsource(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isMap(value)) throw new SigmaProblem('logsource', 'expected a map');
  const logsource: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw new SigmaProblem(`logsource.${key}`, 'expected text');
    logsource[key] = item;
  }
  return logsource;
}
