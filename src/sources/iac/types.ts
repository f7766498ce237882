/**
 * The shapes every infrastructure-as-code reader produces and every mapper consumes.
 *
 * Readers (CloudFormation, Terraform HCL, Terraform plan JSON) turn files into `IacResource`s: a resource type,
 * an address, properties statically resolved as far as they can be, and where each property is written.
 * Mappers (`mappers/`) turn `IacResource`s into the same `Resource` kinds the live collectors produce, so a
 * check is written once and runs on both.
 */

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

export interface Location extends Position {
  /** As the user named it (relative to the working directory when it is below it). */
  file: string;
}

export type IacFormat = 'cloudformation' | 'terraform' | 'terraform-plan';

/**
 * A value that cannot be known statically: a Ref to a parameter without a default, an `Fn::ImportValue`, a
 * Terraform variable without a value, a plan value "known after apply". `detail` says which, in words a user
 * can act on ("Ref to parameter BucketName, which has no default").
 */
export class Unresolved {
  constructor(readonly detail: string) {}
}

/**
 * A reference to another resource of the same document set: CloudFormation `Ref`/`Fn::GetAtt` to a logical
 * id, Terraform `aws_s3_bucket.logs.id`. Mappers use it to join resources (a bucket policy to its bucket);
 * where a concrete value is needed it counts as unresolved.
 */
export class Reference {
  constructor(
    /** CloudFormation logical id, or Terraform address (`aws_s3_bucket.logs`, `module.app.aws_iam_role.r`). */
    readonly target: string,
    /** `Arn`, `id`, `arn`...; null for a bare CloudFormation `Ref`. */
    readonly attribute: string | null,
  ) {}

  get detail(): string {
    return this.attribute === null ? `Ref to ${this.target}` : `${this.target}.${this.attribute}`;
  }
}

/**
 * A string built from known text and references to resources of the same code: `!Sub '${Bucket.Arn}/*'`,
 * `"${aws_s3_bucket.b.arn}/*"`. Unknown like any unresolved value (so nothing reads it as text by mistake), but a
 * mapper that knows what each referenced resource will be called (an ARN in a policy) can put it together.
 */
export class Interpolation extends Unresolved {
  constructor(readonly parts: readonly (string | Reference)[]) {
    const first = parts.find((part): part is Reference => part instanceof Reference);
    super(first ? `${first.detail} is known only after deployment` : 'an interpolated string');
  }
}

/**
 * A statically resolved value. Objects and arrays may contain `Unresolved` and `Reference` anywhere; Terraform
 * nested blocks are arrays of objects (as in plan JSON), even when the block appears once.
 */
export type IacValue = null | boolean | number | string | Unresolved | Reference | IacValue[] | IacObject;
export interface IacObject {
  [key: string]: IacValue;
}

/** A path below a resource's properties: keys and array indices. */
export type PropertyPath = readonly (string | number)[];

/** `# onus:ignore <check-id> <reason>` in HCL/YAML, or `Metadata.onus.ignore` in CloudFormation. */
export interface InlineIgnore {
  /** A check id or glob. */
  check: string;
  reason: string;
  location: Location;
}

export interface IacResource {
  format: IacFormat;
  /** CloudFormation type (`AWS::S3::Bucket`) or Terraform type (`aws_s3_bucket`). */
  type: string;
  /** CloudFormation logical id, or Terraform address (`module.app.aws_s3_bucket.logs`, `aws_s3_bucket.b[0]`). */
  address: string;
  /** CloudFormation `Properties` (missing -> {}); Terraform arguments and nested blocks. */
  properties: IacObject;
  /** Where the resource is declared (the logical id's key, or the `resource` block's first line). */
  location: Location;
  /** Where a property is written, when the reader knows; `[]` is the resource itself. */
  locate(path: PropertyPath): Location | undefined;
  ignores: InlineIgnore[];
  /**
   * The Terraform provider region, or CloudFormation's `AWS::Region` when the user pinned it; null when the
   * code does not say.
   */
  region: string | null;
}

/** One problem with one input file; the rest of the run goes on. */
export interface IacProblem {
  file: string;
  line?: number;
  column?: number;
  /** One line: what is wrong and, where possible, how to fix it. */
  message: string;
  /** `error`: the file (or part of it) could not be read; `warning`: skipped (binary, huge) or partly read. */
  severity: 'error' | 'warning';
}

/** What a reader gives back for one document set: a template, a Terraform root module (with its local modules), a plan. */
export interface IacDocumentSet {
  format: IacFormat;
  /** The template, plan file or Terraform root directory. */
  root: string;
  /** Every file read for this set. */
  files: string[];
  resources: IacResource[];
  problems: IacProblem[];
}

/** True when a value (or anything inside it) could not be resolved. */
export function isResolved(value: IacValue): boolean {
  if (value instanceof Unresolved || value instanceof Reference) return false;
  if (Array.isArray(value)) return value.every(isResolved);
  if (value !== null && typeof value === 'object') return Object.values(value).every(isResolved);
  return true;
}
