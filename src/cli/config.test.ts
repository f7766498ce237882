import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../checks/index.js';
import { configuredChecks, findConfig, loadConfig, parseConfig, withConfiguredAws } from './config.js';
import { selectChecks } from './selection.js';

function problem(text: string, file = 'onus.config.yaml'): string {
  try {
    parseConfig(text, file, CHECKS);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('config file validation', () => {
  it('reads thresholds, check selection, failOn and AWS settings from YAML', () => {
    const config = parseConfig(
      [
        'checks:',
        '  exclude: [ec2-vpc-flow-logs-enabled, "cloudfront-*"]',
        '  severity: [critical, high, medium]',
        'thresholds:',
        '  iam-user-access-keys-rotated:',
        '    maxAgeDays: 60',
        'failOn: high',
        'aws:',
        '  regions: [eu-west-1, us-east-1]',
        '  rate: { iam: 2 }',
      ].join('\n'),
      'onus.config.yaml',
      CHECKS,
    );
    expect(config.thresholds).toEqual({ 'iam-user-access-keys-rotated': { maxAgeDays: 60 } });
    expect(config.failOn).toBe('high');
    const ids = configuredChecks(config, CHECKS).map((check) => check.id);
    expect(ids).not.toContain('ec2-vpc-flow-logs-enabled');
    expect(ids.some((id) => id.startsWith('cloudfront-'))).toBe(false);
    expect(ids).toContain('iam-root-mfa-enabled');
    expect(configuredChecks(config, CHECKS).every((check) => check.severity !== 'low')).toBe(true);
  });

  it('reads the same settings from JSON', () => {
    const config = parseConfig(
      '{"checks": {"include": ["iam-*"]}, "thresholds": {"iam-password-policy-min-length": {"minimumLength": 16}}}',
      'onus.config.json',
      CHECKS,
    );
    expect(configuredChecks(config, CHECKS).every((check) => check.id.startsWith('iam-'))).toBe(true);
    expect(config.thresholds['iam-password-policy-min-length']).toEqual({ minimumLength: 16 });
  });

  it('names the key path of a threshold of the wrong type', () => {
    expect(problem('thresholds:\n  iam-user-access-keys-rotated:\n    maxAgeDays: ninety\n')).toBe(
      'onus.config.yaml: thresholds.iam-user-access-keys-rotated.maxAgeDays: expected a number of 0 or more, got "ninety"',
    );
  });

  it('rejects a threshold the check does not have, listing the ones it has', () => {
    expect(problem('thresholds:\n  iam-user-access-keys-rotated:\n    maxAge: 60\n')).toMatch(
      /^onus\.config\.yaml: thresholds\.iam-user-access-keys-rotated\.maxAge: iam-user-access-keys-rotated has thresholds maxAgeDays$/,
    );
  });

  it('rejects thresholds for a check id that does not exist', () => {
    expect(problem('thresholds:\n  iam-user-keys-rotated:\n    maxAgeDays: 60\n')).toBe(
      'onus.config.yaml: thresholds.iam-user-keys-rotated: no check has this id (see `onus checks`)',
    );
  });

  it('rejects a check pattern that matches nothing, so a typo never silently runs everything', () => {
    expect(problem('checks:\n  exclude: [ec2-vpc-flow-logs-enabled, iam-usr-*]\n')).toBe(
      "onus.config.yaml: checks.exclude[1]: 'iam-usr-*' matches no check (see `onus checks`)",
    );
  });

  it('rejects unknown keys and bad values with their path', () => {
    expect(problem('checks:\n  exclde: [x]\n')).toBe('onus.config.yaml: checks: unknown key exclde');
    expect(problem('thresholdz: {}\n')).toBe('onus.config.yaml: (top level): unknown key thresholdz');
    expect(problem('failOn: urgent\n')).toMatch(/^onus\.config\.yaml: failOn: .*, got "urgent"$/);
    expect(problem('aws:\n  regions: [eu-west-1, europe]\n')).toMatch(
      /^onus\.config\.yaml: aws\.regions\[1\]: expected an AWS region name like eu-west-1, got "europe"$/,
    );
    expect(problem('aws:\n  concurrency: 0\n')).toMatch(/^onus\.config\.yaml: aws\.concurrency: .*got 0$/);
  });

  it('points at the line and column of broken YAML or says the JSON is broken', () => {
    expect(problem('checks:\n  exclude: [a, b\nthresholds: {}\n')).toMatch(
      /^onus\.config\.yaml: not valid YAML at line \d+, column \d+: /,
    );
    expect(problem('{"checks": ', 'onus.config.json')).toMatch(/^onus\.config\.json: not valid JSON: /);
    expect(problem('a: 1\na: 2\n')).toMatch(/not valid YAML at line 2/);
  });

  it('treats an empty file as no settings', () => {
    expect(configuredChecks(parseConfig('', 'onus.config.yaml', CHECKS), CHECKS)).toHaveLength(CHECKS.length);
  });
});

describe('config file discovery', () => {
  it('finds the nearest config upward from the working directory', () => {
    const root = mkdtempSync(join(tmpdir(), 'onus-config-'));
    const nested = join(root, 'infra', 'prod');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(root, 'onus.config.yaml'), 'failOn: critical\n');
    expect(findConfig(nested)).toBe(join(root, 'onus.config.yaml'));
    expect(loadConfig({}, CHECKS, nested).failOn).toBe('critical');

    writeFileSync(join(root, 'infra', 'onus.config.json'), '{"failOn": "high"}');
    expect(loadConfig({}, CHECKS, nested).failOn).toBe('high');
  });

  it('uses --config over discovery, and --no-config ignores files', () => {
    const root = mkdtempSync(join(tmpdir(), 'onus-config-'));
    writeFileSync(join(root, 'onus.config.yaml'), 'failOn: critical\n');
    writeFileSync(join(root, 'strict.yaml'), 'failOn: low\n');
    expect(loadConfig({ config: 'strict.yaml' }, CHECKS, root)).toMatchObject({
      file: 'strict.yaml',
      failOn: 'low',
    });
    expect(loadConfig({ config: false }, CHECKS, root)).toMatchObject({ file: null, failOn: null });
    expect(() => loadConfig({ config: 'missing.yaml' }, CHECKS, root)).toThrow(
      '--config: cannot read missing.yaml: ENOENT',
    );
  });

  it('refuses two config files in one directory rather than picking one silently', () => {
    const root = mkdtempSync(join(tmpdir(), 'onus-config-'));
    writeFileSync(join(root, 'onus.config.yaml'), '');
    writeFileSync(join(root, 'onus.config.json'), '{}');
    expect(() => findConfig(root)).toThrow('onus.config.yaml and onus.config.json both exist: keep one');
  });
});

describe('config and command line together', () => {
  const config = parseConfig(
    'checks:\n  exclude: ["iam-*"]\n  severity: [critical]\naws:\n  regions: [eu-west-1]\n  concurrency: 8\n  rate: { iam: 2, ec2: 5 }\n',
    'onus.config.yaml',
    CHECKS,
  );

  it('lets --checks and --severity replace the config selection', () => {
    expect(selectChecks(CHECKS, {}, config).some((check) => check.id.startsWith('iam-'))).toBe(false);
    expect(selectChecks(CHECKS, { checks: 'iam-root-mfa-enabled' }, config).map((check) => check.id)).toEqual(
      ['iam-root-mfa-enabled'],
    );
    expect(selectChecks(CHECKS, { severity: 'low' }, config).every((check) => check.severity === 'low')).toBe(
      true,
    );
  });

  it('fills AWS settings the command line leaves out, and the command line wins per service rate', () => {
    expect(withConfiguredAws({ quiet: true }, config)).toMatchObject({
      region: 'eu-west-1',
      concurrency: '8',
      rate: 'iam=2,ec2=5',
    });
    expect(withConfiguredAws({ quiet: true, region: 'us-east-1', rate: 'iam=1' }, config)).toMatchObject({
      region: 'us-east-1',
      concurrency: '8',
      rate: 'iam=2,ec2=5,iam=1',
    });
  });
});

describe('the example config in examples/onus.config.yaml', () => {
  it('is valid and means what its comments say', () => {
    const config = loadConfig(
      { config: 'examples/onus.config.yaml' },
      CHECKS,
      new URL('../..', import.meta.url).pathname,
    );
    expect(config.failOn).toBe('high');
    expect(config.thresholds['iam-user-access-keys-rotated']).toEqual({ maxAgeDays: 60 });
    expect(configuredChecks(config, CHECKS).map((check) => check.id)).not.toContain(
      'ec2-vpc-flow-logs-enabled',
    );
  });
});
