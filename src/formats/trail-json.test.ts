import { describe, expect, it } from 'vitest';

import type { TrailFinding, TrailReport } from '../trail/types.js';
import { HOSTILE_USER_AGENT, sampleTrailReport, trailReport } from '../testing/trail.js';
import { formatTrailJson, TRAIL_JSON_SCHEMA } from './trail-json.js';

/** The same value with every object's keys in reverse order, as another reader might have filled them. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversedKeys(item)]),
  ) as T;
}

describe('onus trail as JSON', () => {
  const report = sampleTrailReport();
  const text = formatTrailJson(report);
  const parsed = JSON.parse(text) as { schema: string } & TrailReport;

  it('carries the whole report under a schema name, every finding with its kept events', () => {
    const { schema, ...rest } = parsed;
    expect(schema).toBe(TRAIL_JSON_SCHEMA);
    expect(rest).toEqual(report);
    const window = parsed.findings.find((finding) => finding.groupKey !== null) as TrailFinding;
    expect(window.eventCount).toBe(40);
    expect(window.events).toHaveLength(20);
  });

  it('gives the same bytes whatever order the fields were filled in', () => {
    expect(formatTrailJson(reversedKeys(report))).toBe(text);
    expect(Object.keys(parsed)).toEqual([
      'schema',
      'tool',
      'generatedAt',
      'target',
      'input',
      'problems',
      'detections',
      'findings',
    ]);
  });

  it('escapes hostile text so it reads back exactly, with no raw control character in the file', () => {
    const stopped = parsed.findings.find((finding) => finding.detectionId === 'aws-cloudtrail-stopped');
    expect(stopped?.events[0]?.userAgent).toBe(HOSTILE_USER_AGENT);
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f]/);
    expect(text).toContain('\\u001b[2J');
  });

  it('an empty run is a report with no findings, not an empty file', () => {
    const empty = JSON.parse(formatTrailJson(trailReport([]))) as TrailReport;
    expect(empty.findings).toEqual([]);
    expect(empty.input.events).toBe(1234);
  });
});
