import { describe, expect, it } from 'vitest';

import { hostileReport, junitErrors, KEY_ID, MUTE_REASON, SECRET_KEY } from '../testing/formats.js';
import { formatJunit, xmlAttribute, xmlText } from './junit.js';

const report = hostileReport();
const xml = formatJunit(report);

function count(pattern: RegExp, text: string): number {
  return [...text.matchAll(pattern)].length;
}

describe('JUnit XML', () => {
  it('validates against the Ant/Jenkins JUnit schema', () => {
    expect(junitErrors(xml)).toBeNull();
    expect(junitErrors(xml.replace(/ hostname="localhost"/, ''))).toMatch(/hostname/);
  });

  it('has one test case per check x resource, failures and skips counted per suite', () => {
    expect(count(/<testcase /g, xml)).toBe(report.findings.length);
    expect(count(/<failure /g, xml)).toBe(report.summary.totals.FAIL);
    const { NOT_EVALUATED, MANUAL, MUTED } = report.summary.totals;
    expect(count(/<skipped /g, xml)).toBe(NOT_EVALUATED + MANUAL + MUTED);
    for (const suite of xml.matchAll(/<testsuite [^>]*>[\s\S]*?<\/testsuite>/g)) {
      const body = suite[0];
      const attribute = (name: string) => Number(new RegExp(` ${name}="(\\d+)"`).exec(body)?.[1]);
      expect(attribute('tests')).toBe(count(/<testcase /g, body));
      expect(attribute('failures')).toBe(count(/<failure /g, body));
      expect(attribute('skipped')).toBe(count(/<skipped /g, body));
    }
    expect(xml).toContain(`message="muted: ${xmlAttribute(MUTE_REASON)}"`);
    expect(xml).toMatch(/<skipped message="not evaluated \(access-denied\): /);
  });

  it('escapes markup and writes characters XML 1.0 forbids as visible escapes', () => {
    expect(xmlText('a<b>&c\u0001\u0000')).toBe('a&lt;b&gt;&amp;c\\u0001\\u0000');
    expect(xmlAttribute('"x"\n\'y\'')).toBe('&quot;x&quot;&#10;&apos;y&apos;');
    expect(xmlText('\uD800 lone')).toBe('\\ud800 lone');
    const controls = Array.from(xml, (char) => char.charCodeAt(0)).filter((code) => {
      return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    });
    expect(controls).toEqual([]);
  });

  it('keeps the secret redacted', () => {
    expect(xml).not.toContain(KEY_ID);
    expect(xml).not.toContain(SECRET_KEY);
  });
});
