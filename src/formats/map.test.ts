import { describe, expect, it } from 'vitest';
import { catalog } from '../responsibility/catalog.js';
import { buildMap, type ResponsibilityMap } from '../responsibility/map.js';
import { inventoryOf } from '../testing/builders.js';
import { s3Bucket } from '../testing/kinds.js';
import { scanOf } from '../testing/scan.js';
import { formatMapCsv, formatMapMarkdown, formatMapTable } from './map.js';

function demoMap(): ResponsibilityMap {
  const inventory = inventoryOf([s3Bucket('reports'), s3Bucket('uploads', { defaultEncryption: null })]);
  return buildMap(inventory, scanOf(inventory), catalog());
}

/** A map whose text carries markup, as a hostile resource name or message could. */
function hostileMap(): ResponsibilityMap {
  const map = demoMap();
  const s3 = map.services.find((service) => service.id === 's3');
  const first = s3?.items.find((item) => item.status === 'not-met');
  if (!s3 || !first) throw new Error('fixture: no failing S3 item');
  first.title = '<img src=x onerror=alert(1)>';
  first.why = '</li><script>alert("why")</script> | pipe';
  map.target = { type: 'snapshot', name: '"><svg onload=alert(2)>' };
  return map;
}

describe('map formats', () => {
  it('table: per service, the AWS / shared / yours counts and the customer items worst first', () => {
    const text = formatMapTable(demoMap());
    expect(text).toMatch(/^Responsibility map · snapshot account\.json\nYou use \d+ services/);
    expect(text).toMatch(
      /Amazon S3 \(abstracted\) · 2 resources, 1 account, 1 region\n {2}AWS \d+ · shared \d+ · you \d+ {4}met \d+ · not met \d+/,
    );
    const s3 = text.slice(text.indexOf('Amazon S3 ('));
    expect(s3.indexOf('NOT MET')).toBeLessThan(s3.indexOf('MANUAL'));
    expect(s3).toMatch(/AWS covers: Data centers: physical and environmental security/);
  });

  it('csv: a CSA-CCM-style matrix with CSP-owned, CSC-owned and shared rows', () => {
    const rows = formatMapCsv(demoMap()).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'service,service_name,category,responsibility,title,owner,ccm_ownership,control_class,domain,verifiability,status,why,checks,aws_part,customer_part,accounts,source',
    );
    const s3 = rows.filter((row) => row.startsWith('s3,'));
    expect(s3.some((row) => row.includes(',aws,CSP-owned,inherited,'))).toBe(true);
    expect(s3.some((row) => row.includes(',shared,Shared CSP and CSC,shared,'))).toBe(true);
    expect(s3.some((row) => row.includes(',customer,CSC-owned,customer-specific,'))).toBe(true);
  });

  it('markdown: a summary table and one table per service, escaping what Markdown would read', () => {
    const text = formatMapMarkdown(hostileMap());
    expect(text).toContain(
      '| Service | Category | AWS | Shared | You | Met | Not met | Not evaluated | Partial | Manual |',
    );
    expect(text).toContain('### Amazon S3');
    expect(text).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(text).toContain('\\| pipe');
  });
});
