import { isSecretName } from '../../../secrets/detector.js';
import {
  Interpolation,
  Reference,
  Unresolved,
  type IacObject,
  type IacResource,
  type IacValue,
} from '../types.js';
import { UnresolvedValue, list, policy, type MapContext } from './mapper.js';

/**
 * Helpers shared by the data and messaging mappers (kms, sns, sqs, secretsmanager, lambda, ecr, efs,
 * cloudformation): resource policies, joins through lists, values known only at deployment.
 */

/**
 * A resource policy attached to one resource (a queue's, a topic's, a secret's). Its `Resource` and
 * `NotResource` elements can only name that resource (or `*`), so a reference there (`!GetAtt Queue.Arn`,
 * `aws_sqs_queue.q.arn`) stands for the resource itself and is read as `*`. A reference in a condition value
 * names a resource of the same code, hence of the same account: a concrete value, kept as that resource's
 * address. A principal or condition value naming `${AWS::AccountId}` names the deploying account. Anything else
 * unresolved makes the whole policy unresolved.
 */
export function resourcePolicy(value: IacValue | undefined): Record<string, unknown> | undefined {
  if (value === undefined || value === null || typeof value === 'string') return policy(value);
  if (value instanceof Unresolved || value instanceof Reference) return policy(value);
  if (typeof value !== 'object' || Array.isArray(value)) return policy(value);
  const statements = value.Statement;
  if (!Array.isArray(statements) && (statements === null || typeof statements !== 'object'))
    return policy(value);
  const fixed = (Array.isArray(statements) ? statements : [statements]).map((statement) => {
    if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) return statement;
    if (statement instanceof Unresolved || statement instanceof Reference) return statement;
    const copy = { ...statement };
    for (const key of ['Resource', 'NotResource']) {
      const resource = copy[key];
      const itself = (item: IacValue | undefined) =>
        item instanceof Reference || item instanceof Interpolation;
      if (itself(resource)) copy[key] = '*';
      else if (Array.isArray(resource)) copy[key] = resource.map((item) => (itself(item) ? '*' : item));
    }
    const condition = copy.Condition;
    if (condition !== null && typeof condition === 'object' && !(condition instanceof Unresolved)) {
      copy.Condition = referencesAsAddresses(condition);
    }
    const principal = copy.Principal;
    if (principal !== null && typeof principal === 'object' && !Array.isArray(principal)) {
      if (!(principal instanceof Unresolved) && !(principal instanceof Reference)) {
        copy.Principal = ownAccountPrincipals(principal);
      }
    }
    return copy;
  });
  return policy({ ...value, Statement: fixed });
}

/**
 * The account code is filed under before deployment (the inventory's `iac` account): the account that deploys
 * the stack, which `${AWS::AccountId}` names.
 */
const OWN_ACCOUNT = 'iac';

/** `!Sub 'arn:aws:iam::${AWS::AccountId}:root'` and the like: a principal of the deploying account. */
function isOwnAccount(value: IacValue): boolean {
  return value instanceof Unresolved && value.detail.startsWith('Ref to AWS::AccountId');
}

function ownAccountPrincipals(principal: IacObject): IacObject {
  const aws = principal.AWS;
  if (aws === undefined) return principal;
  const own = `arn:aws:iam::${OWN_ACCOUNT}:root`;
  if (isOwnAccount(aws)) return { ...principal, AWS: own };
  if (Array.isArray(aws))
    return { ...principal, AWS: aws.map((entry) => (isOwnAccount(entry) ? own : entry)) };
  return principal;
}

function referencesAsAddresses(value: IacValue): IacValue {
  if (isOwnAccount(value)) return OWN_ACCOUNT;
  if (value instanceof Reference) return value.target;
  if (value instanceof Interpolation) {
    return value.parts.map((part) => (part instanceof Reference ? part.target : part)).join('');
  }
  if (value instanceof Unresolved || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(referencesAsAddresses);
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, referencesAsAddresses(entry)]));
}

/**
 * The resources of `types` whose `property` designates `target`, when that property is a list (CloudFormation
 * `Topics`, `Queues`) or a single value. A list that cannot be resolved designates nothing it can be sure of.
 */
export function attachedThrough(
  ctx: MapContext,
  target: IacResource,
  types: readonly string[],
  property: string,
): IacResource[] {
  return ctx.resources.filter((candidate) => {
    if (!types.includes(candidate.type)) return false;
    const value = candidate.properties[property];
    if (value instanceof Reference) return ctx.designates(value, target);
    if (!Array.isArray(value)) return ctx.designates(value, target);
    return value.some((entry) => ctx.designates(entry, target));
  });
}

/** Several policies attached to one resource (Lambda permissions, topic policies) as one document. */
export function mergedPolicy(documents: Record<string, unknown>[]): Record<string, unknown> | null {
  if (documents.length === 0) return null;
  if (documents.length === 1) return documents[0] ?? null;
  const statements = documents.flatMap((document) => {
    const statement = document.Statement;
    return Array.isArray(statement) ? (statement as unknown[]) : statement === undefined ? [] : [statement];
  });
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * A value that the code leaves to deployment (an environment variable, a stack output) as the string a scan
 * of secrets can read. A reference to another resource becomes `${Target.Attribute}` (an identifier AWS
 * generates, which the secret detector takes for a placeholder); an unknown value under a secret-like name
 * (a parameter without a default passed to `DB_PASSWORD`) is unresolved, since it may well be the secret;
 * under any other name it is a placeholder too.
 */
export function deployTimeString(value: IacValue | undefined, name: string): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Reference) return `\${${value.detail.replace(/^Ref to /, '')}}`;
  if (value instanceof Unresolved) {
    if (isSecretName(name)) throw new UnresolvedValue(`${name}: ${value.detail}`);
    return `\${${value.detail}}`;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return list(value)
      .map((entry) => deployTimeString(entry, name))
      .join(',');
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry instanceof Reference || entry instanceof Unresolved ? `\${${entry.detail}}` : entry,
  );
}
