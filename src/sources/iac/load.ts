import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';

import { cdkTemplates } from './cloudformation/cdk.js';
import { looksLikeCloudFormation, readCloudFormation } from './cloudformation/read.js';
import { looksLikeTerraformPlan, readTerraformPlan } from './terraform/plan.js';
import { localModuleDirs, readTerraformModule } from './terraform/read.js';
import { readTextFile } from '../text-file.js';
import type { IacDocumentSet, IacProblem } from './types.js';

export interface LoadOptions {
  /** Terraform variable files (`-var-file`), applied after terraform.tfvars and *.auto.tfvars. */
  varFiles?: readonly string[];
  /** CloudFormation parameter values (`--parameter Name=Value`), over the templates' defaults. */
  parameters?: Readonly<Record<string, string>>;
  /** Files larger than this are skipped with a warning. */
  maxFileBytes?: number;
}

export interface Loaded {
  sets: IacDocumentSet[];
  /** Problems of discovery and of every file, in the order met. */
  problems: IacProblem[];
  /** Files read (templates, .tf files, plans). */
  files: number;
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Directories never walked into: version control, dependencies, Terraform's own cache. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.terraform', '.venv', '__pycache__']);
const TEMPLATE_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.template']);
/** Words that mark a file as meant to be infrastructure code, so a parse error in it is the user's to know. */
const IAC_MARKERS = /AWSTemplateFormatVersion|"?Type"?\s*:\s*"?AWS::|planned_values|resource_changes/;

/** Paths as users wrote them: relative to the working directory when below it. */
function display(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath === '' ? '.' : relativePath.startsWith('..') ? path : relativePath;
}

/**
 * Finds the infrastructure code under `paths` and reads it: CloudFormation templates (YAML or JSON, including a
 * CDK app's `cdk.out`), Terraform root modules (each directory of `.tf` files that is not only a local module
 * of another), and Terraform plan JSON. Nothing throws for bad input: every problem is one entry naming the
 * file and, where known, the line.
 */
export function loadIac(paths: readonly string[], options: LoadOptions = {}): Loaded {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const problems: IacProblem[] = [];
  const sets: IacDocumentSet[] = [];
  const terraformDirs = new Set<string>();
  const templates: { file: string; explicit: boolean }[] = [];
  const visited = new Set<string>();
  let files = 0;

  const walk = (path: string, explicit: boolean) => {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      problems.push({
        file: display(path),
        severity: 'error',
        message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      });
      return;
    }
    if (stats.isDirectory()) {
      const real = resolve(path);
      if (visited.has(real)) return;
      visited.add(real);
      if (basename(path) === 'cdk.out') {
        for (const template of cdkTemplates(path)) templates.push({ file: template, explicit: true });
        return;
      }
      let entries: string[];
      try {
        entries = readdirSync(path).sort();
      } catch (error) {
        problems.push({
          file: display(path),
          severity: 'warning',
          message: `directory skipped: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        });
        return;
      }
      for (const entry of entries) {
        if (SKIPPED_DIRECTORIES.has(entry)) continue;
        walk(join(path, entry), false);
      }
      return;
    }
    if (!stats.isFile()) return;
    const extension = extname(path).toLowerCase();
    if (extension === '.tf' || path.endsWith('.tf.json')) {
      terraformDirs.add(resolve(dirname(path)));
      return;
    }
    if (!explicit && !TEMPLATE_EXTENSIONS.has(extension)) return;
    if (stats.size > maxBytes) {
      problems.push({
        file: display(path),
        severity: 'warning',
        message: `skipped: ${String(Math.round(stats.size / 1048576))} MB is over the ${String(Math.round(maxBytes / 1048576))} MB limit`,
      });
      return;
    }
    templates.push({ file: path, explicit });
  };
  for (const path of paths) walk(path, true);

  for (const { file, explicit } of templates) {
    const text = readText(file, problems);
    if (text === null) continue;
    const shown = display(file);
    if (extname(file).toLowerCase() === '.json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (parsed !== undefined && looksLikeTerraformPlan(parsed)) {
        files++;
        sets.push(readTerraformPlan(shown, text));
        continue;
      }
      if (parsed === undefined && !explicit && !IAC_MARKERS.test(text)) continue;
      if (parsed !== undefined && !looksLikeCloudFormation(parsed)) {
        // Package manifests, snapshots, tsconfig...: JSON that is not infrastructure code.
        if (explicit) {
          problems.push({
            file: shown,
            severity: 'warning',
            message: 'not a CloudFormation template or Terraform plan: skipped',
          });
        }
        continue;
      }
    }
    const set = readCloudFormation(shown, text, { parameters: { ...options.parameters } });
    if (set === null) {
      if (explicit) {
        problems.push({
          file: shown,
          severity: 'warning',
          message: 'not a CloudFormation template or Terraform plan: skipped',
        });
      }
      continue;
    }
    // A file that failed to parse is reported only when it was named, or reads like infrastructure code.
    const parseFailed = set.resources.length === 0 && set.problems.some((p) => p.severity === 'error');
    if (parseFailed && !explicit && !IAC_MARKERS.test(text)) continue;
    files++;
    sets.push(set);
  }

  // A directory that another one uses as a local module is read as part of that root, not on its own.
  const modules = new Set<string>();
  for (const dir of terraformDirs) for (const used of localModuleDirs(dir)) modules.add(resolve(used));
  for (const dir of [...terraformDirs].sort()) {
    if (modules.has(dir)) continue;
    const set = readTerraformModule(display(dir), { varFiles: [...(options.varFiles ?? [])] });
    files += set.files.length;
    sets.push(set);
  }
  for (const set of sets) problems.push(...set.problems);
  return { sets, problems, files };
}

/** The file's text, or null (with a warning) when it is binary or unreadable. */
function readText(file: string, problems: IacProblem[]): string | null {
  const read = readTextFile(file, Infinity);
  if (read.ok) return read.text;
  problems.push({
    file: display(file),
    severity: 'warning',
    message:
      read.reason === 'binary'
        ? 'skipped: binary file'
        : `skipped: ${read.reason === 'unreadable' ? read.code : 'too large'}`,
  });
  return null;
}

/** For messages: `file:line:column: message`. */
export function describeProblem(problem: IacProblem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  return `${where}: ${problem.message}`;
}
