import { effectiveAdmins } from '../../iam/analyses/admins.js';
import { escalationPaths } from '../../iam/analyses/escalation.js';
import { whoCan } from '../../iam/analyses/who-can.js';
import { authorize } from '../../iam/engine/evaluate.js';
import type { Authorization, ContextValue, DecidingStatement } from '../../iam/engine/types.js';
import {
  buildAccountModel,
  policiesFor,
  principalByArn,
  requestPrincipalOf,
  resourceByArn,
  type AccountModel,
} from '../../iam/model.js';
import { EXIT, UserError } from '../errors.js';
import { loadTarget, type ScanFlags } from './scan.js';

/** `onus iam ...`: the IAM analyses over a snapshot or the demo account, as a table or JSON. */

export interface IamFlags {
  snapshot?: string;
  demo?: boolean;
  format: 'table' | 'json';
  principal?: string;
  action?: string;
  resource?: string;
  context?: string[];
}

const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*?]+$/;

async function loadModel(flags: IamFlags): Promise<AccountModel> {
  if (!flags.demo && !flags.snapshot)
    throw new UserError('give --snapshot FILE (from `onus collect`) or --demo');
  const { inventory } = await loadTarget({ snapshot: flags.snapshot, demo: flags.demo } as ScanFlags);
  return buildAccountModel(inventory);
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UserError(`${flag} is required`);
  return value.trim();
}

function actionOf(flags: IamFlags): string {
  const action = required(flags.action, '--action');
  if (!ACTION.test(action))
    throw new UserError(`--action ${action}: expected service:Action, e.g. s3:GetObject`);
  return action;
}

function resourceOf(flags: IamFlags): string {
  const resource = required(flags.resource, '--resource');
  if (resource !== '*' && !resource.startsWith('arn:'))
    throw new UserError(`--resource ${resource}: expected an ARN (arn:aws:...) or *`);
  return resource;
}

/** `--context k=v` pairs: keys lower-cased (IAM keys are case-insensitive); a repeated key is multi-valued. */
export function parseContext(pairs: readonly string[]): Record<string, ContextValue> {
  const context: Record<string, string[]> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UserError(`--context ${pair}: expected key=value, e.g. aws:SourceIp=203.0.113.7`);
    const key = pair.slice(0, at).trim().toLowerCase();
    (context[key] ??= []).push(pair.slice(at + 1));
  }
  return Object.fromEntries(
    Object.entries(context).map(([key, values]) => [
      key,
      values.length === 1 ? (values[0] as string) : values,
    ]),
  );
}

function statementLine(statement: DecidingStatement): string {
  return `${statement.effect} ${statement.type} ${statement.policy} ${statement.sid ? `(${statement.sid}) ` : ''}${statement.path}`;
}

function print(text: string): number {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return EXIT.ok;
}

function json(value: unknown): number {
  return print(JSON.stringify(value, null, 2));
}

function authorizationJson(authorization: Authorization) {
  return { decision: authorization.decision, reason: authorization.reason, deciding: authorization.deciding };
}

export async function iamExplain(flags: IamFlags): Promise<number> {
  const principalArn = required(flags.principal, '--principal');
  const action = actionOf(flags);
  const resourceArn = resourceOf(flags);
  const context = parseContext(flags.context ?? []);
  const model = await loadModel(flags);
  const principal = principalByArn(model, principalArn);
  if (!principal) throw new UserError(`--principal ${principalArn}: not a user or role of this inventory`);
  const resource = resourceByArn(model, resourceArn) ?? null;
  const arnAccount = resourceArn.split(':')[4] ?? '';
  const account = resource?.account ?? (/^\d{12}$/.test(arnAccount) ? arnAccount : principal.account);
  const authorization = authorize(
    { principal: requestPrincipalOf(principal), action, resource: { arn: resourceArn, account }, context },
    policiesFor(principal, resource),
  );
  const unknown = [...principal.unknown, ...(resource?.unknown ?? [])];
  if (flags.format === 'json')
    return json({
      principal: principalArn,
      action,
      resource: resourceArn,
      context,
      ...authorizationJson(authorization),
      unknown,
    });
  const lines = [
    `${authorization.decision.toUpperCase()}: ${principalArn} ${action} on ${resourceArn}`,
    authorization.reason,
    ...authorization.deciding.map((statement) => `  ${statementLine(statement)}`),
    ...unknown.map((reason) => `  not known: ${reason}`),
  ];
  return print(lines.join('\n'));
}

export async function iamWhoCan(flags: IamFlags): Promise<number> {
  const action = actionOf(flags);
  const resourceArn = resourceOf(flags);
  const model = await loadModel(flags);
  const report = whoCan(model, action, resourceArn);
  if (flags.format === 'json')
    return json({
      action,
      resource: resourceArn,
      inside: report.inside.map(({ principal, authorization }) => ({
        principal: principal.arn,
        ...authorizationJson(authorization),
      })),
      outside: report.outside.map(({ who, type, authorization }) => ({
        who,
        type,
        ...authorizationJson(authorization),
      })),
      unknown: report.unknown.map(({ principal, reasons }) => ({ principal: principal.arn, reasons })),
      resourceUnknown: report.resourceUnknown,
    });
  const lines = [`Who can ${action} on ${resourceArn}:`];
  if (report.inside.length === 0 && report.outside.length === 0) lines.push('  nobody modelled');
  for (const { principal, authorization } of report.inside)
    lines.push(`  ${principal.arn}  (${authorization.deciding.map((s) => s.policy).join(', ')})`);
  for (const { who, authorization } of report.outside)
    lines.push(`  OUTSIDE: ${who}  (${authorization.deciding.map((s) => s.policy).join(', ')})`);
  for (const { principal, reasons } of report.unknown)
    lines.push(`  not known: ${principal.arn}: ${reasons[0] ?? ''}`);
  for (const reason of report.resourceUnknown) lines.push(`  not known: ${reason}`);
  return print(lines.join('\n'));
}

export async function iamAdmins(flags: IamFlags): Promise<number> {
  const model = await loadModel(flags);
  const report = effectiveAdmins(model);
  if (flags.format === 'json')
    return json({
      admins: report.admins.map(({ principal, granting }) => ({
        principal: principal.arn,
        type: principal.type,
        grantedBy: granting,
      })),
      unknown: report.unknown.map(({ principal, reasons }) => ({ principal: principal.arn, reasons })),
    });
  const lines = [`${report.admins.length} effective administrator(s):`];
  for (const { principal, granting } of report.admins)
    lines.push(`  ${principal.arn}  via ${[...new Set(granting.map((s) => s.policy))].join(', ')}`);
  if (report.unknown.length > 0) lines.push(`${report.unknown.length} principal(s) not evaluated:`);
  for (const { principal, reasons } of report.unknown) lines.push(`  ${principal.arn}: ${reasons[0] ?? ''}`);
  return print(lines.join('\n'));
}

export async function iamEscalations(flags: IamFlags): Promise<number> {
  const model = await loadModel(flags);
  const report = escalationPaths(model);
  if (flags.format === 'json')
    return json({
      paths: report.paths.map(({ principal, method, steps }) => ({
        principal: principal.arn,
        method: method.id,
        title: method.title,
        gains: method.gains,
        reference: method.reference,
        permissions: steps,
      })),
      unknown: report.unknown.map(({ principal, reasons }) => ({ principal: principal.arn, reasons })),
    });
  const lines = [`${report.paths.length} privilege-escalation path(s):`];
  for (const { principal, method, steps } of report.paths) {
    lines.push(`  ${principal.arn}: ${method.id} - ${method.title}`);
    for (const step of steps)
      lines.push(
        `    ${step.action} on ${step.resource}  (${step.granting.map((s) => s.policy).join(', ')})`,
      );
  }
  if (report.unknown.length > 0) lines.push(`${report.unknown.length} principal(s) not evaluated:`);
  for (const { principal, reasons } of report.unknown) lines.push(`  ${principal.arn}: ${reasons[0] ?? ''}`);
  return print(lines.join('\n'));
}
