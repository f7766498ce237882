import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Check } from '../core/check.js';
import { DOMAINS } from '../core/domain.js';
import { KINDS } from '../core/kinds/index.js';
import { SEVERITIES } from '../core/severity.js';
import { CHECKS } from './index.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Every check file on disk: src/checks/<service>/<id>.ts (tests excluded). */
const FILES = readdirSync(HERE, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) =>
    readdirSync(join(HERE, dir.name))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => ({ service: dir.name, id: file.slice(0, -3), path: join(HERE, dir.name, file) })),
  );

function attributeNames(kind: string): string[] {
  const definition = KINDS.get(kind);
  return definition ? Object.keys(definition.attributes.shape) : [];
}

describe('check registry', () => {
  it('lists every check file exactly once, under the id its file is named after', async () => {
    expect(CHECKS.map((check) => check.id)).toEqual(FILES.map((file) => file.id).sort());
    for (const file of FILES) {
      const module = (await import(file.path)) as { default: Check };
      expect(CHECKS, `${file.id} is not registered in src/checks/index.ts`).toContain(module.default);
      expect(module.default.id).toBe(file.id);
      expect(module.default.service, `${file.id} sits in the folder of another service`).toBe(file.service);
    }
  });

  it('has unique ids', () => {
    expect(new Set(CHECKS.map((check) => check.id)).size).toBe(CHECKS.length);
  });

  for (const check of CHECKS) {
    describe(check.id, () => {
      it('has a kebab-case id prefixed by its service', () => {
        expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
        expect(check.id.startsWith(`${check.service}-`)).toBe(true);
      });

      it('has complete metadata', () => {
        for (const field of ['title', 'description', 'risk'] as const) {
          expect(check[field].trim().length, field).toBeGreaterThan(10);
        }
        expect(check.title.length).toBeLessThanOrEqual(90);
        expect(SEVERITIES).toContain(check.severity);
        expect(DOMAINS).toContain(check.domain);
        expect(check.remediation.text.trim().length).toBeGreaterThan(20);
        expect(check.remediation.url).toMatch(
          /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com|repost\.aws)\//,
        );
      });

      it('reads fields its kind has, and looks up only kinds that exist', () => {
        const definition = KINDS.get(check.kind);
        expect(definition, `unknown kind ${check.kind}`).toBeDefined();
        expect(check.reads.length).toBeGreaterThan(0);
        for (const field of check.reads) expect(attributeNames(check.kind)).toContain(field);
        for (const [kind, fields] of Object.entries(check.related)) {
          expect(KINDS.has(kind), `related kind ${kind}`).toBe(true);
          for (const field of fields) expect(attributeNames(kind)).toContain(field);
        }
        if (check.scope === 'region')
          expect(definition?.global, 'a region-scoped check needs a regional kind').toBe(false);
      });

      it('has thresholds with descriptions and defaults', () => {
        for (const [name, spec] of Object.entries(check.thresholds)) {
          expect(spec.description.length, name).toBeGreaterThan(5);
          expect(spec.default, name).not.toBeUndefined();
        }
      });

      it('is tested beside its file with pass, fail and not-evaluated cases', () => {
        const file = FILES.find((candidate) => candidate.id === check.id);
        const testFile = file?.path.replace(/\.ts$/, '.test.ts') ?? '';
        expect(existsSync(testFile), `${check.id} has no test file`).toBe(true);
        const source = readFileSync(testFile, 'utf8');
        // testCheck itself insists on at least one case of each outcome.
        expect(source).toMatch(/testCheck\(check,/);
        for (const group of ['pass:', 'fail:', 'notEvaluated:']) expect(source).toContain(group);
      });
    });
  }
});
