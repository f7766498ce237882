import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readManifest(dir: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** `*.template.json` files directly in a directory, sorted. */
function templateFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.template.json'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/**
 * The CloudFormation templates a CDK cloud assembly (`cdk.out`) holds: the `templateFile` of each
 * `aws:cloudformation:stack` artifact in `manifest.json`, following nested assemblies (`cdk:cloud-assembly`,
 * one per CDK Stage); without a readable manifest, the directory's `*.template.json` files. `dir` is the
 * `cdk.out` directory or the CDK app's directory holding it. Paths are joined to `dir` as given.
 */
export function cdkTemplates(dir: string): string[] {
  const root =
    existsSync(join(dir, 'cdk.out')) && !existsSync(join(dir, 'manifest.json')) ? join(dir, 'cdk.out') : dir;
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (assembly: string): void => {
    const real = resolve(assembly);
    if (seen.has(real)) return;
    seen.add(real);
    const manifest = readManifest(assembly);
    const artifacts = manifest?.artifacts;
    if (!isRecord(artifacts)) {
      found.push(...templateFiles(assembly));
      return;
    }
    for (const artifact of Object.values(artifacts)) {
      if (!isRecord(artifact) || !isRecord(artifact.properties)) continue;
      const { templateFile, directoryName } = artifact.properties;
      if (artifact.type === 'aws:cloudformation:stack' && typeof templateFile === 'string') {
        const template = join(assembly, templateFile);
        if (existsSync(template)) found.push(template);
      } else if (artifact.type === 'cdk:cloud-assembly' && typeof directoryName === 'string') {
        visit(join(assembly, directoryName));
      }
    }
  };
  visit(root);
  return [...new Set(found)];
}
