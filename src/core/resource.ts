import type { Gap } from './gap.js';
import type { AttributesOf, KindName } from './kinds/index.js';

/** The pseudo-region of global resources (IAM, account settings). */
export const GLOBAL = 'global';

/** Where a resource was observed: a live API, a snapshot file, or a line of infrastructure code. */
export type ResourceSource =
  | { type: 'live' }
  | { type: 'snapshot'; file: string }
  | {
      type: 'file';
      file: string;
      line: number;
      column: number;
      /** The CloudFormation logical id or Terraform address: what people call it when the code gives no name. */
      address?: string;
    };

/**
 * A normalized view of one AWS thing. Fields that could not be observed are absent from `attributes` and
 * listed in `gaps`; fields that were observed to be empty are present with `null`.
 */
export interface Resource<K extends KindName = KindName> {
  kind: K;
  /** Stable, unique within kind + account + region: bucket name, group id, trail ARN, `root`... */
  id: string;
  arn: string | null;
  account: string;
  /** An AWS region, or `global`. */
  region: string;
  tags: Record<string, string>;
  attributes: Partial<AttributesOf<K>>;
  source: ResourceSource;
  gaps: Gap[];
}

/** What a result points at: a resource, or a region or account when the check is about a scope. */
export interface ResourceRef {
  kind: string;
  id: string;
  /** What people call it: the resource's `name` attribute when it has one, else its id. */
  name: string;
  arn: string | null;
  account: string;
  region: string;
  /** The resource's tags, when it has any (suppressions match on them); absent for regions and accounts. */
  tags?: Record<string, string>;
  /**
   * Where the resource is written, for resources read from code: the line of the attribute that decided the
   * result when it is known (`onus iac` refines it), else the resource's own line.
   */
  location?: { file: string; line: number; column: number };
}

export function refOf(resource: Resource): ResourceRef {
  const name = (resource.attributes as { name?: unknown }).name;
  const ref: ResourceRef = {
    kind: resource.kind,
    id: resource.id,
    name: typeof name === 'string' ? name : resource.id,
    arn: resource.arn,
    account: resource.account,
    region: resource.region,
  };
  // Shared, not copied: refs are read-only. Untagged resources leave it out, so reports do not grow.
  if (Object.keys(resource.tags).length > 0) ref.tags = resource.tags;
  const { source } = resource;
  if (source.type === 'file') ref.location = { file: source.file, line: source.line, column: source.column };
  return ref;
}
