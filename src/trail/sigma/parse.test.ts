import { describe, expect, it } from 'vitest';

import { parseSigma, SigmaError } from './index.js';

function errorOf(text: string, options = {}): string {
  try {
    parseSigma(text, 'rules/custom.yml', options);
  } catch (error) {
    if (error instanceof SigmaError) return error.message;
    throw error;
  }
  throw new Error('the rule was accepted');
}

const rule = (detection: string): string => `title: Bad rule\nid: r-1\ndetection:\n${detection}`;

describe('reading Sigma rules', () => {
  it('reads the metadata a finding shows', () => {
    const { rules } = parseSigma(
      `title: AWS Root Credentials
id: 8ad1600d-e9dc-4251-b0ee-a65268f29add
name: root_use
status: test
description: Detects AWS root account usage
references:
  - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html
tags:
  - attack.privilege-escalation
  - attack.t1078.004
logsource:
  product: aws
  service: cloudtrail
detection:
  selection:
    userIdentity.type: Root
  condition: selection
falsepositives:
  - AWS Tasks That Require Root User Credentials
level: medium
`,
      'bundled',
    );
    expect(rules).toHaveLength(1);
    const [root] = rules;
    expect(root).toMatchObject({
      id: '8ad1600d-e9dc-4251-b0ee-a65268f29add',
      name: 'root_use',
      title: 'AWS Root Credentials',
      status: 'test',
      level: 'medium',
      description: 'Detects AWS root account usage',
      tags: ['attack.privilege-escalation', 'attack.t1078.004'],
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html'],
      falsePositives: ['AWS Tasks That Require Root User Credentials'],
      logsource: { product: 'aws', service: 'cloudtrail' },
      origin: 'bundled',
    });
  });

  it('reads every rule of a multi-document file', () => {
    const text = `title: One\ndetection:\n  s:\n    eventName: A\n  condition: s\n---\ntitle: Two\ndetection:\n  s:\n    eventName: B\n  condition: s\n`;
    const { rules } = parseSigma(text, 'rules/two.yml');
    expect(rules.map((each) => each.title)).toEqual(['One', 'Two']);
    expect(rules[1]?.matches({ eventName: 'b' })).toBe(true);
  });

  it('gives a rule without id a stable id from its file and title', () => {
    const text = `title: No id\ndetection:\n  s:\n    eventName: A\n  condition: s\n`;
    const first = parseSigma(text, 'rules/a.yml').rules[0]?.id;
    expect(parseSigma(text, 'rules/a.yml').rules[0]?.id).toBe(first);
    expect(parseSigma(text, 'rules/b.yml').rules[0]?.id).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('rules that cannot be used are refused with one line naming file, rule and place', () => {
  const refusals: [string, string, string][] = [
    [
      'an unknown modifier',
      rule(`  selection:\n    eventName|foo: x\n  condition: selection`),
      "rules/custom.yml: rule 'Bad rule': detection.selection.eventName|foo: unknown modifier 'foo'",
    ],
    [
      'a condition naming an unknown identifier',
      rule(`  selection:\n    eventName: x\n  condition: selection and not filter`),
      "rules/custom.yml: rule 'Bad rule': detection.condition: unknown search identifier 'filter' at column 19",
    ],
    [
      'a condition with a syntax error',
      rule(`  selection:\n    eventName: x\n  condition: selection and or selection`),
      "rules/custom.yml: rule 'Bad rule': detection.condition: syntax error at column 15 ('or'): expected an identifier, `not`, `(` or `1 of`",
    ],
    [
      'an unclosed parenthesis',
      rule(`  selection:\n    eventName: x\n  condition: (selection`),
      "rules/custom.yml: rule 'Bad rule': detection.condition: syntax error at the end: expected `)`",
    ],
    [
      'an aggregation in the condition',
      rule(`  selection:\n    eventName: x\n  condition: selection | count() > 5`),
      "rules/custom.yml: rule 'Bad rule': detection.condition: syntax error at column 11: unexpected '|' (aggregations are not supported; use a correlation rule)",
    ],
    [
      'a pattern that names no identifier',
      rule(`  selection:\n    eventName: x\n  condition: 1 of filter_*`),
      "rules/custom.yml: rule 'Bad rule': detection.condition: syntax error at column 6 ('filter_*'): 'filter_*' names no search identifier",
    ],
    [
      'null inside a list of values',
      rule(`  selection:\n    errorCode:\n      - AccessDenied\n      - null\n  condition: selection`),
      "rules/custom.yml: rule 'Bad rule': detection.selection.errorCode[1]: null inside a list; put `field: null` in its own selection",
    ],
    [
      'a missing condition',
      rule(`  selection:\n    eventName: x\n`),
      "rules/custom.yml: rule 'Bad rule': detection.condition: missing",
    ],
    [
      'an invalid regular expression',
      rule(`  selection:\n    userAgent|re: '(unclosed'\n  condition: selection`),
      "rules/custom.yml: rule 'Bad rule': detection.selection.userAgent|re[0]: invalid regular expression: Invalid regular expression: /(unclosed/: Unterminated group",
    ],
    [
      'a CIDR that is not one',
      rule(`  selection:\n    sourceIPAddress|cidr: 10.0.0.0/40\n  condition: selection`),
      "rules/custom.yml: rule 'Bad rule': detection.selection.sourceIPAddress|cidr[0]: '10.0.0.0/40' is not a CIDR range",
    ],
    [
      'a numeric comparison with text',
      rule(`  selection:\n    durationSeconds|gt: long\n  condition: selection`),
      "rules/custom.yml: rule 'Bad rule': detection.selection.durationSeconds|gt: 'gt' needs a number",
    ],
    [
      'all with a single value',
      rule(`  selection:\n    userAgent|contains|all: x\n  condition: selection`),
      "rules/custom.yml: rule 'Bad rule': detection.selection.userAgent|contains|all: 'all' needs a list of two or more values",
    ],
    [
      'an unknown placeholder',
      rule(`  selection:\n    sourceIPAddress|expand: '%vpn_ips%'\n  condition: selection`),
      "rules/custom.yml: rule 'Bad rule': detection.selection.sourceIPAddress|expand: unknown placeholder '%vpn_ips%'",
    ],
    [
      'an unknown level',
      `title: Bad rule\nlevel: severe\ndetection:\n  s:\n    eventName: x\n  condition: s\n`,
      "rules/custom.yml: rule 'Bad rule': level: 'severe' is not one of informational, low, medium, high, critical",
    ],
    [
      'a rule without title',
      `id: r-9\ndetection:\n  s:\n    eventName: x\n  condition: s\n`,
      "rules/custom.yml: rule 'r-9': title: missing",
    ],
    [
      'a re sub-modifier without re',
      rule(`  selection:\n    userAgent|i: x\n  condition: selection`),
      "rules/custom.yml: rule 'Bad rule': detection.selection.userAgent|i: 'i' needs the 're' modifier",
    ],
    [
      'broken YAML (a key given twice)',
      `title: Bad rule\ndetection:\n  s:\n    eventName: a\n    eventName: b\n  condition: s\n`,
      'rules/custom.yml: line 5: invalid YAML: Map keys must be unique',
    ],
    [
      'exists with something other than true or false',
      rule(`  selection:\n    errorCode|exists: maybe\n  condition: selection`),
      "rules/custom.yml: rule 'Bad rule': detection.selection.errorCode|exists: 'exists' takes true or false",
    ],
    [
      'windash with an encoding and too many dashes',
      rule(`  selection:\n    c|windash|base64: '-a -b -c -d -e'\n  condition: selection`),
      "rules/custom.yml: rule 'Bad rule': detection.selection.c|windash|base64: 'windash' with an encoding allows at most 4 dashes or slashes",
    ],
    [
      'a filter rule',
      `title: Bad rule\nfilter:\n  rules: [a]\n  selection:\n    eventName: x\n  condition: not selection\n`,
      "rules/custom.yml: rule 'Bad rule': filter: Sigma filter rules are not supported",
    ],
  ];

  it.each(refusals)('%s', (_situation, text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('names the document of a multi-document file', () => {
    const text = `title: Good\ndetection:\n  s:\n    eventName: x\n  condition: s\n---\n${rule(`  s:\n    eventName|nope: x\n  condition: s`)}`;
    expect(errorOf(text)).toBe(
      "rules/custom.yml (document 2): rule 'Bad rule': detection.s.eventName|nope: unknown modifier 'nope'",
    );
  });

  it('every message is a single line', () => {
    expect(errorOf(`title: Bad rule\ndetection:\n  selection: [unclosed\n`)).not.toContain('\n');
  });
});
