import type { Finding } from '../core/finding.js';
import type { ScanReport } from '../core/scan.js';

/**
 * Characters XML 1.0 forbids outright (C0 controls other than tab, line feed and carriage return, lone
 * surrogates, U+FFFE and U+FFFF): even as character references they make the document ill-formed.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function visible(text: string): string {
  return text.replace(FORBIDDEN, (char) => {
    const code = char.codePointAt(0) ?? 0;
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Element text: markup characters escaped, forbidden characters written as `\uXXXX`. */
export function xmlText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute value: as element text, plus quotes, and line breaks and tabs kept through normalization. */
export function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

function where(finding: Finding): string {
  const { resource } = finding;
  return `${resource.name} (${resource.account} ${resource.region})`;
}

function testcase(finding: Finding): string {
  const head = `    <testcase${attributes({ classname: finding.checkId, name: where(finding), time: 0 })}`;
  switch (finding.status) {
    case 'PASS':
      return `${head}/>`;
    case 'FAIL': {
      const detail = [
        finding.message,
        `Check: ${finding.checkId} (${finding.severity}): ${finding.title}`,
        `Resource: ${finding.resource.arn ?? finding.resource.id}`,
        `Fix: ${finding.remediation.text}`,
        `See: ${finding.remediation.url}`,
      ].join('\n');
      return [
        `${head}>`,
        `      <failure${attributes({ message: finding.message, type: finding.severity })}>${xmlText(detail)}</failure>`,
        '    </testcase>',
      ].join('\n');
    }
    case 'NOT_EVALUATED':
    case 'MANUAL':
    case 'MUTED': {
      const why =
        finding.status === 'NOT_EVALUATED'
          ? `not evaluated (${finding.reason ?? 'unknown'}): ${finding.message}`
          : finding.status === 'MUTED' && finding.suppression
            ? `muted: ${finding.suppression.reason}: ${finding.message}`
            : `${finding.status === 'MANUAL' ? 'manual' : 'muted'}: ${finding.message}`;
      return [`${head}>`, `      <skipped${attributes({ message: why })}/>`, '    </testcase>'].join('\n');
    }
  }
}

/**
 * JUnit XML as CI systems read it (the Ant/Jenkins schema): one test suite per service, one test case per
 * check x resource. FAIL is a failure; NOT_EVALUATED, MANUAL and MUTED are skipped with the reason; PASS passes.
 */
export function formatJunit(report: ScanReport): string {
  const byService = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byService.get(finding.service) ?? [];
    list.push(finding);
    byService.set(finding.service, list);
  }
  // The schema wants a local timestamp without a zone; onus writes UTC.
  const timestamp = report.generatedAt.slice(0, 19);
  const suites = [...byService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, findings], id) => {
      const failures = findings.filter((finding) => finding.status === 'FAIL').length;
      const skipped = findings.filter(
        (finding) => finding.status !== 'FAIL' && finding.status !== 'PASS',
      ).length;
      return [
        `  <testsuite${attributes({
          name: service,
          package: `${report.tool.name}.${service}`,
          id,
          timestamp,
          hostname: 'localhost',
          tests: findings.length,
          failures,
          errors: 0,
          skipped,
          time: 0,
        })}>`,
        `    <properties>`,
        `      <property${attributes({ name: 'target', value: report.target.name })}/>`,
        `    </properties>`,
        ...findings.map(testcase),
        '    <system-out/>',
        '    <system-err/>',
        '  </testsuite>',
      ].join('\n');
    });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', ...suites, '</testsuites>', ''].join(
    '\n',
  );
}
