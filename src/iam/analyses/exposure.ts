import { serviceActions, accessLevelsOf, sortLevels, type AccessLevel } from '../catalog.js';
import { authorize } from '../engine/evaluate.js';
import { matchesWritten } from '../engine/patterns.js';
import { parsePolicy } from '../engine/parse.js';
import type {
  ConditionClause,
  NamedPolicy,
  PolicyDocument,
  PolicySet,
  PolicyStatement,
  RequestContext,
  RequestPrincipal,
} from '../engine/types.js';
import { THEIR_IDENTITY, UNKNOWN_ACCOUNT } from './who-can.js';

/**
 * Who a resource-based policy lets in from outside its account, decided by the policy engine: each Allow is
 * asked, with the policy's Deny statements, whether an anonymous caller or a principal of some other AWS
 * account may perform any action it grants on the resource.
 *
 * A policy says nothing about the request's free parts, so the outsider is given the benefit of every doubt
 * (the rule IAM Access Analyzer follows): a condition on a key the caller sets or chooses (aws:SecureTransport,
 * aws:UserAgent, s3:prefix, its own principal tags, kms:ViaService) is taken to hold in an Allow and to be
 * avoided in a Deny. Conditions on keys AWS sets from who and where the caller is (aws:PrincipalOrgID,
 * aws:PrincipalAccount, aws:SourceAccount, aws:SourceVpce, ...) are evaluated as they would be for an outsider,
 * who has none of the owner's values: that is how aws:PrincipalOrgID keeps `Principal: *` private, and how a
 * Deny on `StringNotEquals aws:PrincipalOrgID` confines a public grant. A source IP range makes a grant
 * IP-restricted rather than public. Identity policies, SCPs and RCPs of the owner's account are not seen here.
 */

/** One Allow statement that lets principals outside the account in. */
export interface PublicGrant {
  /** The statement's Sid, or `#n` (1-based) when it has none. */
  statement: string;
  /** The actions granted as written; a NotAction grant reads `every action except ...`. */
  actions: string[];
  /** Source IP ranges the grant is confined to; null when no IP condition narrows it. */
  sourceIps: string[] | null;
  /** What the grant lets an outsider do, by IAM access level (`s3:Get*` is Read). */
  access: AccessLevel[];
}

export interface PolicyExposure {
  /** Grants anyone can use, anonymous callers and every AWS account included. */
  publicGrants: PublicGrant[];
  /** Grants to every principal that only a source IP range narrows: anyone on those networks can use them. */
  ipRestrictedGrants: PublicGrant[];
  /** Public grants that Deny statements take away from outsiders, with those statements' labels. */
  cancelledGrants: (PublicGrant & { by: string })[];
  /** Other AWS accounts the policy lets in. */
  externalAccounts: string[];
}

/** The resource the policy is attached to. */
export interface ExposureTarget {
  /** The resource's ARN; its service field picks the actions to ask about (`s3`, `kms`, `sqs`, `es`...). */
  arn: string;
  /** The owner's account. */
  account: string;
  /** KMS key policies and role trust policies follow their own rules in the engine. */
  resourceKind?: PolicySet['resourceKind'];
}

/**
 * The target for a collected resource. A resource whose ARN is unknown (an IaC resource before deployment)
 * gets one built from its service, region, account and id: enough to name its service and its account.
 */
export function exposureTarget(
  resource: { arn: string | null; account: string; region: string; id: string },
  service: string,
  resourceKind?: PolicySet['resourceKind'],
): ExposureTarget {
  const arn = resource.arn ?? `arn:aws:${service}:${resource.region}:${resource.account}:${resource.id}`;
  return resourceKind ? { arn, account: resource.account, resourceKind } : { arn, account: resource.account };
}

/**
 * Keys AWS sets from who is calling and from where: an outsider cannot give them the owner's values. A test of
 * one with a concrete value is evaluated; a test with only wildcards, or of presence alone (Null), is not a
 * restriction, since any organization member or any account has some value.
 */
const CALLER_KEYS = new Set([
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:userid',
  'aws:username',
  'kms:calleraccount',
  'lambda:eventsourcetoken',
  'lambda:functionurlauthtype',
  'sts:externalid',
]);
const ARN_KEYS = new Set(['aws:principalarn', 'aws:sourcearn']);
const SOURCE_IP = 'aws:sourceip';
const OPEN_RANGES = new Set(['0.0.0.0/0', '::/0']);
const ACCOUNT_KEYS = new Set([
  'aws:principalaccount',
  'aws:sourceaccount',
  'aws:sourceowner',
  'kms:calleraccount',
]);

/** A value that names something: not empty and not only wildcards. */
function isConcrete(value: string): boolean {
  return value.replace(/[*?]/g, '') !== '';
}

function arnAccount(value: string): string | null {
  const parts = value.split(':');
  return parts.length >= 6 && parts[0] === 'arn' ? (parts[4] ?? '') : null;
}

/** Whether the clause tests who or where the caller is, with values an outsider cannot have by choice. */
export function testsCaller(clause: ConditionClause): boolean {
  const key = clause.key.toLowerCase();
  if (!CALLER_KEYS.has(key) || clause.operator.toLowerCase() === 'null') return false;
  if (clause.values.length === 0 || !clause.values.every(isConcrete)) return false;
  // A function URL without IAM auth (NONE) is the open door itself, not a restriction.
  if (key === 'lambda:functionurlauthtype') return clause.values.every((value) => value === 'AWS_IAM');
  // arn:aws:iam::*:role/ops is a role any account can create.
  if (ARN_KEYS.has(key)) return !clause.values.some((value) => /[*?]/.test(arnAccount(value) ?? ''));
  return true;
}

/** A source IP range the grant is confined to: IpAddress with concrete, non-open ranges. */
function confiningRanges(clause: ConditionClause): string[] | null {
  if (clause.key.toLowerCase() !== SOURCE_IP || clause.ifExists) return null;
  if (clause.operator.toLowerCase() !== 'ipaddress' || clause.qualifier === 'ForAllValues') return null;
  if (clause.values.length === 0 || clause.values.some((value) => OPEN_RANGES.has(value))) return null;
  return [...clause.values];
}

/** The Allow as an outsider can meet it: caller tests kept, source IP ranges kept or not, the rest taken to hold. */
export function outsiderAllow(statement: PolicyStatement, keepIpRanges: boolean): PolicyStatement {
  return {
    ...statement,
    conditions: statement.conditions.filter(
      (clause) => testsCaller(clause) || (keepIpRanges && confiningRanges(clause) !== null),
    ),
  };
}

/** Denies an outsider cannot step around: every condition tests who or where the caller is. */
export function unavoidableDenies(statements: readonly PolicyStatement[]): PolicyStatement[] {
  return statements.filter(
    (statement) => statement.effect === 'Deny' && statement.conditions.every((clause) => testsCaller(clause)),
  );
}

export function statementLabel(statement: PolicyStatement, index: number): string {
  return statement.sid ?? `#${index + 1}`;
}

function actionsAsWritten(statement: PolicyStatement): string[] {
  if (statement.action !== null) return [...statement.action];
  if (statement.notAction !== null) return [`every action except ${statement.notAction.join(', ')}`];
  return [];
}

/** The service prefix of an ARN (`arn:aws:sqs:...` -> `sqs`); role trust policies are about STS. */
function serviceOf(target: ExposureTarget): string {
  if (target.resourceKind === 'iam-role-trust') return 'sts';
  return target.arn.split(':')[2] ?? '';
}

const FILLER = 'OnusProbe';

/** A concrete value a pattern matches: wildcards replaced by filler text. */
function instance(pattern: string): string {
  return pattern.replace(/\*/g, FILLER).replace(/\?/g, 'X');
}

const ACTION_MATCHING = { ignoreCase: true, arn: false };

/**
 * The concrete actions of the target's service that a statement grants: from the action catalog where it knows
 * the service, else one instance of each pattern naming the service.
 */
function grantedActions(statement: PolicyStatement, service: string): string[] {
  const matches = (action: string): boolean => {
    if (statement.action !== null)
      return statement.action.some((pattern) => matchesWritten(pattern, action, ACTION_MATCHING));
    return !(statement.notAction ?? []).some((pattern) => matchesWritten(pattern, action, ACTION_MATCHING));
  };
  const catalog = serviceActions(service);
  if (catalog) return catalog.map((entry) => entry.action).filter(matches);
  const probes = new Set<string>();
  for (const pattern of statement.action ?? ['*']) {
    const [prefix, name] = pattern.includes(':') ? pattern.split(':', 2) : ['*', pattern];
    if (prefix !== undefined && matchesWritten(prefix, service, ACTION_MATCHING))
      probes.add(`${service}:${instance(name ?? '*')}`);
  }
  return [...probes].filter(matches);
}

/** Actions the document cannot tell apart: the same Action and NotAction patterns match all of them. */
export interface ActionClass {
  /** One of them, asked in the name of all. */
  representative: string;
  /** The access levels of all of them. */
  levels: readonly AccessLevel[];
}

/**
 * Groups actions by which of the document's action patterns match them. The engine's decision depends on the
 * action only through those patterns (conditions read the request context, not the action name), so one
 * request per group decides for the whole group: `s3:*` minus a Deny of `s3:Put*` is two questions, not 180.
 */
const actionRegexps = new Map<string, RegExp>();

/** An action pattern as a regular expression (`*` any run, `?` one character, case-insensitive), built once. */
function actionRegexp(pattern: string): RegExp {
  let regexp = actionRegexps.get(pattern);
  if (!regexp) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    regexp = new RegExp(`^${body}$`, 'is');
    actionRegexps.set(pattern, regexp);
  }
  return regexp;
}

const classCache = new Map<string, ActionClass[]>();

export function actionClasses(actions: readonly string[], document: PolicyDocument): ActionClass[] {
  const patterns = [
    ...new Set(
      document.statements.flatMap((statement) => [
        ...(statement.action ?? []),
        ...(statement.notAction ?? []),
      ]),
    ),
  ];
  const key = `${patterns.join('\n')}\u0000${actions.join(',')}`;
  const known = classCache.get(key);
  if (known) return known;
  const regexps = patterns.map(actionRegexp);
  const classes = new Map<string, { representative: string; levels: Set<AccessLevel> }>();
  for (const action of actions) {
    const signature = regexps.map((regexp) => (regexp.test(action) ? '1' : '0')).join('');
    let found = classes.get(signature);
    if (!found) {
      found = { representative: action, levels: new Set() };
      classes.set(signature, found);
    }
    (accessLevelsOf(action) ?? []).forEach((level) => found.levels.add(level));
  }
  const result = [...classes.values()].map(({ representative, levels }) => ({
    representative,
    levels: sortLevels(levels),
  }));
  // Policies repeat across resources (the same bucket policy template on every bucket): remember a few thousand.
  if (classCache.size > 5000) classCache.clear();
  classCache.set(key, result);
  return result;
}

/** Resources the statement names that belong to the target: its ARN, or instances of its patterns. */
function grantedResources(statement: PolicyStatement, target: ExposureTarget): string[] {
  const own = [target.arn];
  // An S3 bucket's policy also governs its objects.
  if (serviceOf(target) === 's3' && !target.arn.includes('/')) own.push(`${target.arn}/${FILLER}`);
  if (statement.resource === null) return own;
  const found = new Set<string>();
  for (const pattern of statement.resource) {
    if (pattern === '*') own.forEach((arn) => found.add(arn));
    else found.add(instance(pattern));
  }
  return [...found];
}

interface Probe {
  who: string;
  principal: RequestPrincipal;
  identity: readonly NamedPolicy[];
  context: RequestContext;
}

function callerOf(account: string): RequestPrincipal {
  return { type: 'role', arn: `arn:aws:iam::${account}:role/onus-probe`, account };
}

const TLS: RequestContext = { 'aws:securetransport': 'true' };

function publicProbes(target: ExposureTarget): Probe[] {
  const probes: Probe[] = [
    { who: 'any-account', principal: callerOf(UNKNOWN_ACCOUNT), identity: [THEIR_IDENTITY], context: TLS },
  ];
  // Nobody assumes a role without credentials; everywhere else an anonymous request is the first to try.
  if (target.resourceKind !== 'iam-role-trust')
    probes.unshift({
      who: 'anonymous',
      principal: { type: 'anonymous', arn: '*', account: null },
      identity: [],
      context: TLS,
    });
  return probes;
}

/** Other accounts the policy names, as principals or in account-valued conditions of its Allows. */
function namedAccounts(document: PolicyDocument, owner: string): string[] {
  const accounts = new Set<string>();
  const add = (value: string | null): void => {
    if (value !== null && /^\d{12}$/.test(value) && value !== owner) accounts.add(value);
  };
  for (const statement of document.statements) {
    if (statement.effect !== 'Allow') continue;
    const block = statement.principal;
    if (block && block !== '*')
      for (const entry of block.AWS ?? []) add(/^\d{12}$/.test(entry) ? entry : arnAccount(entry));
    for (const clause of statement.conditions) {
      const key = clause.key.toLowerCase();
      if (ACCOUNT_KEYS.has(key)) clause.values.forEach(add);
      if (ARN_KEYS.has(key)) clause.values.forEach((value) => add(arnAccount(value)));
    }
  }
  return [...accounts].sort();
}

/** The principal an AWS Principal entry names, when it is a user or role ARN of `account`. */
function namedPrincipal(entry: string, account: string): RequestPrincipal | null {
  const match = /^arn:[^:]+:iam::(\d{12}):(user|role)\//.exec(entry);
  if (!match || match[1] !== account) return null;
  return { type: match[2] === 'user' ? 'user' : 'role', arn: entry, account };
}

/** Probes for one named account: any of its principals, those the policy names, and AWS services acting for it. */
function accountProbes(document: PolicyDocument, account: string): Probe[] {
  const context: RequestContext = {
    ...TLS,
    'aws:sourceaccount': account,
    'aws:sourceowner': account,
    'kms:calleraccount': account,
  };
  const probes: Probe[] = [
    { who: account, principal: callerOf(account), identity: [THEIR_IDENTITY], context },
  ];
  const services = new Set<string>();
  for (const statement of document.statements) {
    const block = statement.principal;
    if (statement.effect !== 'Allow' || !block || block === '*') continue;
    block.Service?.forEach((service) => services.add(service));
    for (const entry of block.AWS ?? []) {
      const principal = namedPrincipal(entry, account);
      if (principal) probes.push({ who: account, principal, identity: [THEIR_IDENTITY], context });
    }
  }
  for (const service of services)
    probes.push({
      who: account,
      principal: { type: 'service', arn: service, account: null },
      identity: [],
      context,
    });
  return probes;
}

function named(document: PolicyDocument, statements: readonly PolicyStatement[]): NamedPolicy {
  return { name: 'resource policy', document: { ...document, statements } };
}

interface Asked {
  access: Set<AccessLevel>;
  allowed: boolean;
  /** Labels of the Deny statements that turned requests away. */
  deniedBy: Set<string>;
}

/** Asks the engine whether any probe may perform any of the actions on any of the resources. */
function ask(
  document: PolicyDocument,
  statements: readonly PolicyStatement[],
  probes: readonly Probe[],
  actions: readonly ActionClass[],
  resources: readonly string[],
  target: ExposureTarget,
  labels: ReadonlyMap<string, string>,
): Asked {
  const asked: Asked = { access: new Set(), allowed: false, deniedBy: new Set() };
  const resource = named(document, statements);
  for (const probe of probes) {
    const policies: PolicySet = {
      identity: probe.identity,
      resource,
      boundary: null,
      session: [],
      scps: [],
      rcps: [],
      resourceKind: target.resourceKind ?? 'other',
    };
    for (const { representative: action, levels } of actions) {
      for (const arn of resources) {
        const authorization = authorize(
          {
            principal: probe.principal,
            action,
            resource: { arn, account: target.account },
            context: probe.context,
          },
          policies,
        );
        if (authorization.decision === 'allow') {
          asked.allowed = true;
          levels.forEach((level) => asked.access.add(level));
          break;
        }
        if (authorization.decision === 'explicit-deny')
          for (const deciding of authorization.deciding)
            asked.deniedBy.add(labels.get(deciding.path) ?? deciding.path);
      }
    }
  }
  return asked;
}

/** Reads a parsed resource-based policy for access from outside the target's account. */
export function documentExposure(document: PolicyDocument, target: ExposureTarget): PolicyExposure {
  const exposure: PolicyExposure = {
    publicGrants: [],
    ipRestrictedGrants: [],
    cancelledGrants: [],
    externalAccounts: [],
  };
  const labels = new Map(
    document.statements.map((statement, index) => [statement.path, statementLabel(statement, index)]),
  );
  const denies = unavoidableDenies(document.statements);
  const service = serviceOf(target);
  const probes = publicProbes(target);
  document.statements.forEach((statement, index) => {
    if (statement.effect !== 'Allow') return;
    const actions = actionClasses(grantedActions(statement, service), document);
    const resources = grantedResources(statement, target);
    if (actions.length === 0 || resources.length === 0) return;
    const grant = (asked: Asked, sourceIps: string[] | null): PublicGrant => ({
      statement: statementLabel(statement, index),
      actions: actionsAsWritten(statement),
      sourceIps,
      access: sortLevels(asked.access),
    });
    const strict = ask(
      document,
      [outsiderAllow(statement, true), ...denies],
      probes,
      actions,
      resources,
      target,
      labels,
    );
    if (strict.allowed) {
      exposure.publicGrants.push(grant(strict, null));
      return;
    }
    const ranges = statement.conditions.flatMap((clause) => confiningRanges(clause) ?? []);
    const loose = outsiderAllow(statement, false);
    if (ranges.length > 0) {
      const fromRanges = ask(document, [loose, ...denies], probes, actions, resources, target, labels);
      if (fromRanges.allowed) {
        exposure.ipRestrictedGrants.push(grant(fromRanges, ranges));
        return;
      }
    }
    const withoutDenies = ask(document, [loose], probes, actions, resources, target, labels);
    if (withoutDenies.allowed && strict.deniedBy.size > 0)
      exposure.cancelledGrants.push({
        ...grant(withoutDenies, ranges.length > 0 ? ranges : null),
        by: [...strict.deniedBy].join(', '),
      });
  });
  const external: string[] = [];
  for (const account of namedAccounts(document, target.account)) {
    const statements = [...document.statements.filter((s) => s.effect === 'Allow'), ...denies].map((s) =>
      s.effect === 'Allow' ? outsiderAllow(s, false) : s,
    );
    const actions = actionClasses(
      [
        ...new Set(
          document.statements.filter((s) => s.effect === 'Allow').flatMap((s) => grantedActions(s, service)),
        ),
      ],
      document,
    );
    const resources = [
      ...new Set(
        document.statements.filter((s) => s.effect === 'Allow').flatMap((s) => grantedResources(s, target)),
      ),
    ];
    if (
      ask(document, statements, accountProbes(document, account), actions, resources, target, labels).allowed
    )
      external.push(account);
  }
  exposure.externalAccounts = external;
  return exposure;
}

/** Reads a resource-based policy as collected (JSON object or text); throws with the JSON path when it is malformed. */
export function policyExposure(policy: unknown, target: ExposureTarget): PolicyExposure {
  const parsed = parsePolicy(policy, 'policy');
  if (!parsed.ok) throw new Error(`the policy cannot be read: ${parsed.error}`);
  return documentExposure(parsed.policy, target);
}

function describeAccess(access: readonly AccessLevel[]): string {
  if (access.length === 0) return '';
  return `${access.map((level) => level.toLowerCase()).join(', ')}; `;
}

/** "anyone can s3:GetObject (read) (statement PublicRead)", for every grant, as one phrase for a message. */
export function describeGrants(grants: readonly PublicGrant[]): string {
  return grants
    .map((grant) => {
      const from = grant.sourceIps ? ` from ${grant.sourceIps.join(', ')}` : '';
      const actions = grant.actions.length > 0 ? grant.actions.join(', ') : 'no action';
      return `anyone${from} can ${actions} (${describeAccess(grant.access)}statement ${grant.statement})`;
    })
    .join('; ');
}

/** A resource policy's verdict as a check reports it: whether it is public, and a message naming why. */
export interface ExposureVerdict {
  public: boolean;
  message: string;
  evidence: Record<string, unknown>;
}

/** Judges the policy of `subject` (such as "Queue orders") attached to `target`, for public access. */
export function judgePolicy(subject: string, policy: unknown, target: ExposureTarget): ExposureVerdict {
  const exposure = policyExposure(policy, target);
  const evidence = {
    publicGrants: exposure.publicGrants,
    ipRestrictedGrants: exposure.ipRestrictedGrants,
    cancelledGrants: exposure.cancelledGrants,
    externalAccounts: exposure.externalAccounts,
  };
  if (exposure.publicGrants.length > 0) {
    return {
      public: true,
      message: `${subject} is public: ${describeGrants(exposure.publicGrants)}`,
      evidence,
    };
  }
  const notes: string[] = [];
  if (exposure.ipRestrictedGrants.length > 0)
    notes.push(`limited by source IP: ${describeGrants(exposure.ipRestrictedGrants)}`);
  if (exposure.cancelledGrants.length > 0) {
    const by = [...new Set(exposure.cancelledGrants.map((grant) => grant.by))].join(', ');
    notes.push(`grants to everyone are confined by Deny statement ${by} to the account or organization`);
  }
  if (exposure.externalAccounts.length > 0)
    notes.push(`shared with account ${exposure.externalAccounts.join(', ')}`);
  const detail = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  return { public: false, message: `${subject} does not grant access to everyone${detail}`, evidence };
}
