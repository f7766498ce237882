import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { REPORT_CSP } from '../src/formats/html-report.js';
import { escapeHtml } from '../src/formats/text.js';
import { catalog } from '../src/responsibility/catalog.js';
import type { ResponsibilityMap } from '../src/responsibility/map.js';
import { readSnapshotFile } from '../src/sources/snapshot/read.js';
import { onus } from './support/onus-cli.js';

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

describe('onus map', () => {
  it('--demo shows every service of the demo account with its three columns and statuses', async () => {
    const json = await onus(['map', '--demo', '--format', 'json', '--quiet']);
    expect(json.code, json.stderr).toBe(0);
    const map = JSON.parse(json.stdout) as ResponsibilityMap;
    const loaded = await readSnapshotFile(new URL('../examples/demo-account.json', import.meta.url).pathname);
    if (!loaded.ok) throw new Error(loaded.error);
    const kinds = new Set<string>(
      loaded.inventory.accounts.flatMap((a) => a.regions.flatMap((r) => r.resources.map((x) => x.kind))),
    );
    // Every catalog service with a resource of its kinds in the demo account is on the map, and no other.
    const expected = catalog()
      .services.filter((s) => s.everyAccount || s.detect.some((kind) => kinds.has(kind)))
      .map((s) => s.id)
      .sort();
    expect(map.services.map((s) => s.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(25);
    const table = await onus(['map', '--demo']);
    expect(table.code, table.stderr).toBe(0);
    for (const service of map.services) {
      expect(table.stdout).toContain(`${service.name} (${service.category})`);
      expect(table.stdout).toContain(
        `AWS ${service.owners.aws} · shared ${service.owners.shared} · you ${service.owners.customer}`,
      );
    }
    expect(table.stdout).toContain('NOT MET');
    expect(table.stdout).toContain('MANUAL');
    expect(table.stdout).toContain(map.summary);
  });

  it('--format oscal writes an SSP that validates against NIST’s OSCAL schema', async () => {
    const run = await onus(['map', '--demo', '--format', 'oscal', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const schema = JSON.parse(
      readFileSync(new URL('./fixtures/oscal/oscal_ssp_schema.json', import.meta.url), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(JSON.parse(run.stdout));
    expect(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  });

  it('scan reports open with the map summary', async () => {
    const run = await onus(['scan', '--demo', '--fail-on', 'none', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n').slice(0, 4).join('\n')).toMatch(
      /You use \d+ services; AWS covers \d+ items, you own \d+ \(\d+ shared\): \d+ met, \d+ not met, \d+ not evaluated/,
    );
  });

  it('--format html writes the HTML report opening on the map, under the report’s CSP', async () => {
    const [html, json] = await Promise.all([
      onus(['map', '--demo', '--format', 'html', '--quiet']),
      onus(['map', '--demo', '--format', 'json', '--quiet']),
    ]);
    expect(html.code, html.stderr).toBe(0);
    const map = JSON.parse(json.stdout) as ResponsibilityMap;
    expect(html.stdout).toContain('<h1>onus responsibility map: examples/demo-account.json</h1>');
    expect(html.stdout).toContain(`<p class="summary-line">${escapeHtml(map.summary)}</p>`);
    expect(html.stdout).toContain(`http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}"`);
    expect(/<nav class="sections"[^>]*><a href="#(\w+)"/.exec(html.stdout)?.[1]).toBe('map');
    const data = JSON.parse(
      /<script type="application\/json" id="onus-data">([\s\S]*?)<\/script>/.exec(html.stdout)?.[1] ?? 'null',
    ) as { view: string; sections: string[]; map: { services: { id: string }[] }; findings: unknown[] };
    expect(data.view).toBe('map');
    expect(data.sections[0]).toBe('map');
    expect(data.map.services.map((service) => service.id)).toEqual(map.services.map((service) => service.id));
    expect(data.findings.length).toBeGreaterThan(0);
  });

  it('a bad --format is one line and exit code 2', async () => {
    const run = await onus(['map', '--demo', '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("argument 'pdf' is invalid");
  });
});
