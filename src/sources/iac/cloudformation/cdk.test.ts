import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { cdkTemplates } from './cdk.js';
import { readCloudFormation } from './read.js';

const fixtures = join('test', 'fixtures', 'iac', 'cdk');
const cdkOut = join(fixtures, 'app', 'cdk.out');

describe('cdkTemplates', () => {
  const temporary: string[] = [];
  afterEach(() => {
    for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("lists the stacks of a cloud assembly's manifest, nested stage assemblies included", () => {
    expect(cdkTemplates(cdkOut)).toEqual([
      join(cdkOut, 'StorageStack.template.json'),
      join(cdkOut, 'assembly-Prod', 'ProdApi.template.json'),
    ]);
  });

  it('accepts the CDK app directory that holds cdk.out', () => {
    expect(cdkTemplates(join(fixtures, 'app'))).toEqual(cdkTemplates(cdkOut));
  });

  it('falls back to *.template.json without a manifest', () => {
    expect(cdkTemplates(join(fixtures, 'loose'))).toEqual([join(fixtures, 'loose', 'Orphan.template.json')]);
  });

  it('falls back to *.template.json when the manifest is malformed, and skips missing template files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onus-cdk-'));
    temporary.push(dir);
    writeFileSync(join(dir, 'manifest.json'), '{"artifacts": ');
    writeFileSync(join(dir, 'A.template.json'), '{}');
    expect(cdkTemplates(dir)).toEqual([join(dir, 'A.template.json')]);
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        artifacts: {
          Gone: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Gone.template.json' } },
          A: { type: 'aws:cloudformation:stack', properties: { templateFile: 'A.template.json' } },
          Loop: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } },
        },
      }),
    );
    expect(cdkTemplates(dir)).toEqual([join(dir, 'A.template.json')]);
  });

  it('a synthesized template reads as CloudFormation; CDK metadata is left out', () => {
    const file = join(cdkOut, 'StorageStack.template.json');
    const set = readCloudFormation(file, readFileSync(file, 'utf8'));
    expect(set?.problems).toEqual([]);
    expect(set?.resources.map((r) => [r.type, r.address])).toEqual([
      ['AWS::S3::Bucket', 'LogsBucket9C4D8843'],
      ['AWS::CloudFormation::Template', 'Template'],
    ]);
    const bucket = set?.resources[0];
    expect(bucket?.properties).toEqual({ VersioningConfiguration: { Status: 'Enabled' } });
    expect(bucket?.locate(['VersioningConfiguration', 'Status'])).toEqual({ file, line: 6, column: 48 });
  });
});
