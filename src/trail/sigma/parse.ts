import { createRequire } from 'node:module';

import { parseCorrelationSection, type SigmaCorrelation } from './correlation.js';
import { SigmaError, sigmaError, SigmaProblem, type SigmaLocation } from './errors.js';
import type { CompileOptions } from './field-clause.js';
import { readMetadata } from './metadata.js';
import { compileDetection, derivedRuleId, isMap, type SigmaRule } from './rule.js';

/** The rules of one Sigma file, compiled. */
export interface SigmaDocuments {
  rules: SigmaRule[];
  correlations: SigmaCorrelation[];
}

/** The YAML parser, loaded the first time a YAML file is read: bundled rules come precompiled as JSON. */
let yaml: typeof import('yaml') | undefined;
function yamlParser(): typeof import('yaml') {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml;
}

/**
 * The documents of a Sigma YAML file (`---`-separated), as plain data. Throws SigmaError naming the line of
 * invalid YAML.
 */
export function sigmaDocuments(text: string, origin: string): unknown[] {
  const documents = yamlParser().parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [documents];
  return list.map((document) => {
    const yamlError = document.errors[0];
    if (yamlError !== undefined) {
      const line = text.slice(0, yamlError.pos[0]).split('\n').length;
      throw new SigmaError(`${origin}: line ${String(line)}: invalid YAML: ${firstLine(yamlError.message)}`);
    }
    return document.toJS() as unknown;
  });
}

/**
 * Reads a Sigma YAML file (one or more `---`-separated documents) and compiles every detection and
 * correlation rule in it. `origin` names the file in error messages and derived ids. Throws SigmaError with a
 * one-line message at the first problem.
 */
export function parseSigma(text: string, origin: string, options: CompileOptions = {}): SigmaDocuments {
  return compileSigma(sigmaDocuments(text, origin), origin, options);
}

/** Compiles the documents of one Sigma file (see {@link sigmaDocuments}); `origin` as for parseSigma. */
export function compileSigma(
  documents: readonly unknown[],
  origin: string,
  options: CompileOptions = {},
): SigmaDocuments {
  const rules: SigmaRule[] = [];
  const correlations: SigmaCorrelation[] = [];
  for (const [index, content] of documents.entries()) {
    const fileLocation: SigmaLocation = {
      origin: documents.length > 1 ? `${origin} (document ${String(index + 1)})` : origin,
      rule: null,
    };
    if (content === null || content === undefined) continue;
    if (!isMap(content)) throw sigmaError(fileLocation, '', 'expected a Sigma rule (a YAML map)');
    const location: SigmaLocation = { ...fileLocation, rule: ruleLabel(content) };
    try {
      const fallbackId = derivedRuleId(
        origin,
        typeof content['title'] === 'string' ? content['title'] : String(index),
      );
      if ('filter' in content) throw new SigmaProblem('filter', 'Sigma filter rules are not supported');
      if ('action' in content)
        throw new SigmaProblem('action', 'Sigma 1.0 rule collections are not supported');
      const metadata = readMetadata(content, origin, fallbackId);
      if ('correlation' in content) {
        correlations.push(parseCorrelationSection(content['correlation'], metadata));
      } else if ('detection' in content) {
        const { matches, prefilter } = compileDetection(content['detection'], options);
        rules.push({ ...metadata, prefilter, matches });
      } else {
        throw new SigmaProblem('', 'neither a detection nor a correlation section');
      }
    } catch (error) {
      if (error instanceof SigmaProblem) throw sigmaError(location, error.path, error.message);
      throw error;
    }
  }
  return { rules, correlations: resolveNamesInFile(rules, correlations) };
}

/** Correlations may name rules of the same file by `name`; those become ids here, the rest wait for linking. */
function resolveNamesInFile(
  rules: readonly SigmaRule[],
  correlations: readonly SigmaCorrelation[],
): SigmaCorrelation[] {
  const ids = new Map(rules.flatMap((rule) => (rule.name === null ? [] : [[rule.name, rule.id] as const])));
  const resolve = (reference: string): string => ids.get(reference) ?? reference;
  return correlations.map((correlation) => ({
    ...correlation,
    rules: correlation.rules.map(resolve),
    aliases: Object.fromEntries(
      Object.entries(correlation.aliases).map(([alias, perRule]) => [
        alias,
        Object.fromEntries(Object.entries(perRule).map(([reference, field]) => [resolve(reference), field])),
      ]),
    ),
  }));
}

function ruleLabel(content: Record<string, unknown>): string | null {
  const title = content['title'];
  if (typeof title === 'string' && title.trim() !== '') return title;
  const id = content['id'];
  return typeof id === 'string' ? id : null;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
