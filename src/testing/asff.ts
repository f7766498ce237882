/** The ASFF validator the output format tests share. */
import { readFileSync } from 'node:fs';

/**
 * Validates ASFF against the Security Hub API model (test/fixtures/asff/shapes.json, from botocore): required
 * members, types, enums, min/max and patterns, the length and count limits the model's documentation states,
 * and no member the model does not have.
 */
interface ShapeRef {
  shape: string;
  documentation?: string;
  timestamp?: boolean;
}
interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'double' | 'boolean' | 'long';
  required?: string[];
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  pattern?: string;
  min?: number;
  max?: number;
}
const MODEL = JSON.parse(
  readFileSync(new URL('../../test/fixtures/asff/shapes.json', import.meta.url), 'utf8'),
) as { shapes: Record<string, Shape> };

/** Limits stated in a member's documentation, as the API model writes them. */
function documentedLimits(doc = ''): {
  maxLength?: number;
  minLength?: number;
  exactLength?: number;
  maxItems?: number;
  minItems?: number;
  maxPairs?: number;
  maxKey?: number;
  maxValue?: number;
} {
  const limits: ReturnType<typeof documentedLimits> = {};
  const num = (re: RegExp) => {
    const m = re.exec(doc);
    return m?.[1] ? Number(m[1]) : undefined;
  };
  const maxLength = num(/Maximum (?:length )?of (\d+)(?: length)?\./) ?? num(/Maximum of (\d+) length/);
  const minLength = num(/Minimum (?:length )?of (\d+)(?: length)?\./) ?? num(/Minimum of (\d+) length/);
  const exact = num(/Length Constraints: (\d+)\./);
  const maxItems = num(/Maximum number of (\d+) items?/);
  const minItems = num(/Minimum number of (\d+) items?/);
  const pairs =
    /up to (\d+) key-value pairs.*key can contain up to (\d+) characters.*value can contain up to (\d+)/.exec(
      doc,
    );
  if (doc.includes('Length Constraints')) {
    if (maxLength !== undefined) limits.maxLength = maxLength;
    if (minLength !== undefined) limits.minLength = minLength;
    if (exact !== undefined) limits.exactLength = exact;
  }
  if (doc.includes('Array Members')) {
    if (maxItems !== undefined) limits.maxItems = maxItems;
    if (minItems !== undefined) limits.minItems = minItems;
  }
  if (pairs) {
    limits.maxPairs = Number(pairs[1]);
    limits.maxKey = Number(pairs[2]);
    limits.maxValue = Number(pairs[3]);
  }
  return limits;
}

/**
 * The model writes an exact length and a maximum the same way ("Length Constraints: 128." for an API name, "12."
 * for an account ID). An account ID is the one exact length (twelve digits); every other such length is a maximum.
 */
const EXACT_LENGTH = /\.AwsAccountId$/;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

function validate(value: unknown, ref: ShapeRef, path: string, errors: string[]): void {
  const shape = MODEL.shapes[ref.shape];
  if (!shape) {
    errors.push(`${path}: shape ${ref.shape} is not in the vendored model`);
    return;
  }
  const limits = documentedLimits(ref.documentation);
  const length = (text: string) => Array.from(text).length;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${path}: expected an object (${ref.shape})`);
        return;
      }
      const record = value as Record<string, unknown>;
      for (const name of shape.required ?? []) {
        if (record[name] === undefined) errors.push(`${path}.${name}: required by ${ref.shape}`);
      }
      for (const [name, member] of Object.entries(record)) {
        if (member === undefined) continue;
        const memberRef = shape.members?.[name];
        if (!memberRef) errors.push(`${path}.${name}: ${ref.shape} has no member ${name}`);
        else validate(member, memberRef, `${path}.${name}`, errors);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) {
        errors.push(`${path}: expected a list (${ref.shape})`);
        return;
      }
      if (limits.maxItems !== undefined && value.length > limits.maxItems)
        errors.push(`${path}: ${value.length} items, at most ${limits.maxItems}`);
      if (limits.minItems !== undefined && value.length < limits.minItems)
        errors.push(`${path}: ${value.length} items, at least ${limits.minItems}`);
      if (shape.max !== undefined && value.length > shape.max)
        errors.push(`${path}: over ${shape.max} items`);
      if (shape.min !== undefined && value.length < shape.min)
        errors.push(`${path}: under ${shape.min} items`);
      value.forEach((item, index) => {
        validate(item, shape.member as ShapeRef, `${path}[${index}]`, errors);
      });
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${path}: expected a map (${ref.shape})`);
        return;
      }
      const entries = Object.entries(value as Record<string, unknown>);
      if (limits.maxPairs !== undefined && entries.length > limits.maxPairs)
        errors.push(`${path}: ${entries.length} pairs, at most ${limits.maxPairs}`);
      for (const [key, item] of entries) {
        validate(key, shape.key as ShapeRef, `${path} key ${JSON.stringify(key.slice(0, 40))}`, errors);
        validate(item, shape.value as ShapeRef, `${path}.${key}`, errors);
        if (limits.maxKey !== undefined && length(key) > limits.maxKey)
          errors.push(`${path}: key of ${length(key)} characters, at most ${limits.maxKey}`);
        if (limits.maxValue !== undefined && typeof item === 'string' && length(item) > limits.maxValue)
          errors.push(`${path}.${key}: ${length(item)} characters, at most ${limits.maxValue}`);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') {
        errors.push(`${path}: expected a string (${ref.shape})`);
        return;
      }
      if (shape.enum && !shape.enum.includes(value))
        errors.push(`${path}: ${JSON.stringify(value)} is not one of ${shape.enum.join(', ')}`);
      if (shape.pattern && !new RegExp(`^(?:${shape.pattern})$`, 's').test(value))
        errors.push(`${path}: does not match ${shape.pattern}`);
      if (shape.max !== undefined && length(value) > shape.max)
        errors.push(`${path}: over ${shape.max} chars`);
      if (shape.min !== undefined && length(value) < shape.min)
        errors.push(`${path}: under ${shape.min} chars`);
      if (limits.maxLength !== undefined && length(value) > limits.maxLength)
        errors.push(`${path}: ${length(value)} characters, at most ${limits.maxLength}`);
      if (limits.minLength !== undefined && length(value) < limits.minLength)
        errors.push(`${path}: ${length(value)} characters, at least ${limits.minLength}`);
      if (limits.exactLength !== undefined && EXACT_LENGTH.test(path) && length(value) !== limits.exactLength)
        errors.push(`${path}: ${length(value)} characters, exactly ${limits.exactLength}`);
      if (limits.exactLength !== undefined && !EXACT_LENGTH.test(path) && length(value) > limits.exactLength)
        errors.push(`${path}: ${length(value)} characters, at most ${limits.exactLength}`);
      if (ref.timestamp && !TIMESTAMP.test(value)) errors.push(`${path}: not an ASFF timestamp`);
      return;
    }
    case 'integer':
    case 'long':
      if (!Number.isInteger(value)) errors.push(`${path}: expected an integer`);
      else if (
        (shape.max !== undefined && (value as number) > shape.max) ||
        (shape.min !== undefined && (value as number) < shape.min)
      )
        errors.push(`${path}: out of range`);
      return;
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) errors.push(`${path}: expected a number`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${path}: expected a boolean`);
      return;
  }
}

/** What is wrong with `finding` as the Security Hub API model defines an AwsSecurityFinding; empty when valid. */
export function asffErrors(finding: unknown): string[] {
  const errors: string[] = [];
  validate(finding, { shape: 'AwsSecurityFinding' }, 'finding', errors);
  return errors;
}
