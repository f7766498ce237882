import type { CheckContext } from '../../../core/check.js';
import type { Gap } from '../../../core/gap.js';
import { fail, notEvaluated, pass, Unobserved, type Outcome } from '../../../core/outcome.js';
import type { Resource } from '../../../core/resource.js';
import type { EscalationPath, EscalationStatus } from '../../../iam/analyses/escalation.js';
import { buildModel, principalByArn, type AccountModel, type ModelPrincipal } from '../../../iam/model.js';

/**
 * The account model for checks that need the whole account's IAM (escalation, effective admin). Declared in
 * `related` so the engine knows what they read; a kind that could not be listed makes them NOT_EVALUATED.
 */
export const ACCOUNT_MODEL_RELATED = {
  'iam.user': [
    'name',
    'inlinePolicies',
    'attachedManagedPolicies',
    'groups',
    'accessKeys',
    'passwordEnabled',
  ],
  'iam.role': [
    'name',
    'arn',
    'trustPolicy',
    'inlinePolicies',
    'attachedManagedPolicies',
    'permissionsBoundary',
    'isServiceLinked',
  ],
  'iam.group': ['name', 'inlinePolicies', 'attachedManagedPolicies'],
  'iam.managed-policy': ['arn', 'awsManaged', 'defaultVersionDocument'],
  'lambda.function': ['name', 'role'],
  'ec2.instance': ['iamInstanceProfileArn'],
} as const;

/**
 * One model per inventory and account: every resource a check evaluates belongs to the same inventory, whose
 * resource objects are stable, so the account's first IAM user or role keys the cache.
 */
const models = new WeakMap<Resource, AccountModel>();

export function accountModelFor(ctx: CheckContext, account: string): AccountModel {
  const users = ctx.related('iam.user', { account });
  const roles = ctx.related('iam.role', { account });
  const anchor = users[0] ?? roles[0];
  const cached = anchor ? models.get(anchor) : undefined;
  if (cached) return cached;
  const model = buildModel({
    users,
    roles,
    groups: ctx.related('iam.group', { account }),
    managedPolicies: ctx.related('iam.managed-policy', { account }),
    others: [...everywhere(ctx, 'lambda.function', account), ...everywhere(ctx, 'ec2.instance', account)],
  });
  if (anchor) models.set(anchor, model);
  return model;
}

/**
 * Every resource of a regional kind in the account's regions. An opt-in region that is not enabled cannot hold
 * any, so its gap is no reason to give up; any other region that could not be listed is (NOT_EVALUATED).
 */
function everywhere<K extends 'lambda.function' | 'ec2.instance'>(
  ctx: CheckContext,
  kind: K,
  account: string,
): Resource<K>[] {
  const found: Resource<K>[] = [];
  try {
    ctx.find(kind, { account }, (resource) => {
      found.push(resource);
      return false;
    });
  } catch (error) {
    if (!(error instanceof Unobserved) || error.gap.reason !== 'region-disabled') throw error;
  }
  return found;
}

/** The modelled principal of a user or role resource (always present: the model is built from the same list). */
export function principalOf(
  model: AccountModel,
  resource: Resource<'iam.user' | 'iam.role'>,
): ModelPrincipal {
  const found =
    (resource.arn ? principalByArn(model, resource.arn) : undefined) ??
    model.principals.find(
      (principal) =>
        principal.account === resource.account &&
        principal.type === (resource.kind === 'iam.user' ? 'user' : 'role') &&
        principal.name === resource.id,
    );
  if (!found) throw new Error(`${resource.kind} ${resource.id} is missing from its own account model`);
  return found;
}

/** The gap reported when some of a principal's policies could not be read or parsed. */
export function partialViewGap(reasons: readonly string[]): Gap {
  return { field: 'policies', reason: 'unresolved', detail: reasons.join('; ') };
}

/** A path as evidence: the method and, per permission, where it was allowed and by which statement. */
export function pathEvidence(path: EscalationPath): Record<string, unknown> {
  return {
    method: path.method.id,
    title: path.method.title,
    gains: path.method.gains,
    reference: path.method.reference,
    permissions: path.steps.map((step) => ({
      action: step.action,
      resource: step.resource,
      grantedBy: step.granting.map((statement) => `${statement.policy} ${statement.sid ?? statement.path}`),
    })),
  };
}

/** "iam-create-policy-version (iam:CreatePolicyVersion on arn:...)" for a message. */
export function describePaths(paths: readonly EscalationPath[], shown = 3): string {
  const described = paths
    .slice(0, shown)
    .map(
      (path) =>
        `${path.method.id} (${path.steps.map((step) => `${step.action} on ${step.resource}`).join(', ')})`,
    );
  const more = paths.length > shown ? ` and ${paths.length - shown} more` : '';
  return `${described.join('; ')}${more}`;
}

/** The outcome of the escalation checks for one user or role, worded for it (`User amy`, `Role deploy`). */
export function escalationOutcome(label: 'User' | 'Role', name: string, status: EscalationStatus): Outcome {
  switch (status.status) {
    case 'admin':
      return pass(`${label} ${name} is already an effective administrator: it needs no escalation path`, {
        admin: true,
      });
    case 'unknown':
      return notEvaluated(
        partialViewGap(status.reasons),
        `${label} ${name}: not all of its policies could be read (${status.reasons[0] ?? ''})`,
      );
    case 'none':
      return pass(
        `${label} ${name} holds none of the ${status.methods} privilege-escalation methods onus knows`,
        {
          methods: status.methods,
        },
      );
    case 'paths':
      return fail(`${label} ${name} can make itself administrator: ${describePaths(status.paths)}`, {
        paths: status.paths.map(pathEvidence),
      });
  }
}
