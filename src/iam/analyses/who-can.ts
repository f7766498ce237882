import { authorize } from '../engine/evaluate.js';
import type {
  AccessRequest,
  Authorization,
  NamedPolicy,
  PolicySet,
  RequestPrincipal,
  RequestContext,
} from '../engine/types.js';
import {
  policiesFor,
  requestPrincipalOf,
  resourceByArn,
  type AccountModel,
  type ModelPrincipal,
  type ModelResource,
} from '../model.js';
import type { Decide } from './admins.js';

/**
 * Who can perform one action on one resource: every modelled user and role, and the callers no inventory
 * lists (anyone on the internet, any AWS account, members of an organization, named other accounts, AWS
 * services acting for another account), asked through the resource policy with synthetic principals.
 */

export interface InsideAccess {
  principal: ModelPrincipal;
  authorization: Authorization;
}

export interface OutsideAccess {
  /** What the caller is, in words: `anyone (no credentials)`, `any principal of account 999988887777`. */
  who: string;
  type: 'anonymous' | 'any-account' | 'organization' | 'account' | 'service';
  authorization: Authorization;
}

export interface WhoCanReport {
  action: string;
  resourceArn: string;
  resource: ModelResource | null;
  /** Modelled principals that are allowed. */
  inside: InsideAccess[];
  /** Callers outside the model that the resource policy lets in. */
  outside: OutsideAccess[];
  /** Principals whose policies are only partly known: they may be allowed too. */
  unknown: { principal: ModelPrincipal; reasons: string[] }[];
  /** Why the resource's own policy is not known (then outside access is not known either). */
  resourceUnknown: string[];
}

/** An account id no real caller has: "some other AWS account". */
export const UNKNOWN_ACCOUNT = '000000000000';

/** The other account's identity policies are not ours to see: assume they allow, and ask only our resource policy. */
export const THEIR_IDENTITY: NamedPolicy = {
  name: "the caller's own identity policies (assumed to allow)",
  document: {
    version: '2012-10-17',
    id: null,
    statements: [
      {
        sid: null,
        effect: 'Allow',
        principal: null,
        notPrincipal: null,
        action: ['*'],
        notAction: null,
        resource: ['*'],
        notResource: null,
        conditions: [],
        path: '$.Statement[0]',
      },
    ],
  },
};

function accountOfArn(arn: string): string | null {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : null;
}

/** Values of the resource policy's Principal blocks and of the conditions on `key`, to build probes from. */
function policyFacts(policy: NamedPolicy | null): {
  accounts: string[];
  orgIds: string[];
  services: string[];
} {
  const accounts = new Set<string>();
  const orgIds = new Set<string>();
  const services = new Set<string>();
  for (const statement of policy?.document.statements ?? []) {
    if (statement.effect !== 'Allow') continue;
    const block = statement.principal;
    if (block && block !== '*') {
      for (const aws of block.AWS ?? []) {
        const account = /^\d{12}$/.test(aws) ? aws : accountOfArn(aws);
        if (account) accounts.add(account);
      }
      for (const service of block.Service ?? []) services.add(service);
    }
    for (const clause of statement.conditions) {
      if (clause.key.toLowerCase() === 'aws:principalorgid')
        for (const value of clause.values) orgIds.add(value);
    }
  }
  return { accounts: [...accounts], orgIds: [...orgIds], services: [...services] };
}

interface Probe {
  who: string;
  type: OutsideAccess['type'];
  principal: RequestPrincipal;
  context: RequestContext;
  identity: readonly NamedPolicy[];
}

function outsideProbes(owner: string | null, policy: NamedPolicy | null): Probe[] {
  const facts = policyFacts(policy);
  // Callers use TLS: a Deny on aws:SecureTransport=false says nothing about who gets in.
  const tls = { 'aws:securetransport': 'true' };
  const caller = (account: string): RequestPrincipal => ({
    type: 'role',
    arn: `arn:aws:iam::${account}:role/onus-probe`,
    account,
  });
  const probes: Probe[] = [
    {
      who: 'anyone (no credentials)',
      type: 'anonymous',
      principal: { type: 'anonymous', arn: '*', account: null },
      context: tls,
      identity: [],
    },
    {
      who: 'any principal of any AWS account',
      type: 'any-account',
      principal: caller(UNKNOWN_ACCOUNT),
      context: tls,
      identity: [THEIR_IDENTITY],
    },
  ];
  for (const orgId of facts.orgIds) {
    probes.push({
      who: `any principal of an account in organization ${orgId}`,
      type: 'organization',
      principal: caller(UNKNOWN_ACCOUNT),
      context: { ...tls, 'aws:principalorgid': orgId },
      identity: [THEIR_IDENTITY],
    });
  }
  for (const account of facts.accounts.filter((account) => account !== owner)) {
    probes.push({
      who: `principals of account ${account}`,
      type: 'account',
      principal: caller(account),
      context: tls,
      identity: [THEIR_IDENTITY],
    });
  }
  for (const service of facts.services) {
    probes.push({
      who: `${service} acting for another account`,
      type: 'service',
      principal: { type: 'service', arn: service, account: null },
      context: { ...tls, 'aws:sourceaccount': UNKNOWN_ACCOUNT },
      identity: [],
    });
  }
  return probes;
}

export function whoCan(
  model: AccountModel,
  action: string,
  resourceArn: string,
  decide: Decide = authorize,
): WhoCanReport {
  const resource = resourceByArn(model, resourceArn) ?? null;
  const owner = resource?.account ?? accountOfArn(resourceArn);
  const report: WhoCanReport = {
    action,
    resourceArn,
    resource,
    inside: [],
    outside: [],
    unknown: [],
    resourceUnknown: resource?.unknown ?? [],
  };
  const target = { arn: resourceArn, account: owner };
  for (const principal of model.principals) {
    const request: AccessRequest = {
      principal: requestPrincipalOf(principal),
      action,
      resource: target,
      context: { 'aws:securetransport': 'true' },
    };
    const authorization = decide(request, policiesFor(principal, resource));
    if (authorization.decision === 'allow') report.inside.push({ principal, authorization });
    else if (principal.unknown.length > 0) report.unknown.push({ principal, reasons: principal.unknown });
  }
  const policy = resource?.policy ?? null;
  for (const probe of outsideProbes(owner, policy)) {
    const policies: PolicySet = {
      identity: probe.identity,
      resource: policy,
      boundary: null,
      session: [],
      scps: [],
      rcps: [],
      resourceKind: resource?.resourceKind ?? 'other',
    };
    const authorization = decide(
      { principal: probe.principal, action, resource: target, context: probe.context },
      policies,
    );
    if (authorization.decision === 'allow')
      report.outside.push({ who: probe.who, type: probe.type, authorization });
  }
  return report;
}
