import { keepIfEarliest, mergeEarliest, textAt, type EventFacts } from './evidence.js';
import type { Detection, EventEvidence, TrailEvent } from './types.js';

/** What a whole-period detector found: one group of events someone should look at. */
export interface BaselineHit {
  message: string;
  groupKey: string;
  actor: string | null;
  account: string | null;
  region: string | null;
  sourceIPAddress: string | null;
  eventCount: number;
  events: EventEvidence[];
}

/**
 * A detection that needs the whole period before it can decide (what is usual for an account only shows at
 * the end). Workers each observe part of the trail into their own state; the states are merged, then judged.
 * S must be structured-cloneable (it crosses worker threads) and grow with distinct keys, not with events.
 */
export interface BaselineDetector<S> {
  detection: Detection;
  empty(): S;
  /** `facts` are the event's common fields, read once for every detector. */
  observe(state: S, event: TrailEvent, facts: EventFacts, source: string): void;
  merge(into: S, other: S): void;
  findings(state: S): BaselineHit[];
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Calls made by AWS itself (service events, calls a service makes for you) say nothing about a principal. */
function isMadeByAws(facts: EventFacts): boolean {
  return (
    facts.identityType === 'AWSService' || facts.invokedBy !== null || facts.eventType === 'AwsServiceEvent'
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Activity in a region the account does not otherwise use

/**
 * Global services log in one region whatever the caller's region, so they say nothing about where an account
 * works.
 */
const GLOBAL_EVENT_SOURCES = new Set([
  'iam.amazonaws.com',
  'sts.amazonaws.com',
  'signin.amazonaws.com',
  'organizations.amazonaws.com',
  'account.amazonaws.com',
  'cloudfront.amazonaws.com',
  'route53.amazonaws.com',
  'route53domains.amazonaws.com',
  'globalaccelerator.amazonaws.com',
  'health.amazonaws.com',
  'support.amazonaws.com',
  'sso.amazonaws.com',
  'billingconsole.amazonaws.com',
  'ce.amazonaws.com',
]);

/** Policy: a region holding under 1% of an account's activity is one it does not use... */
export const RARE_REGION_SHARE = 0.01;
/** ...judged only once the account shows this many events, so a short trail does not make every region rare. */
export const RARE_REGION_MIN_ACCOUNT_EVENTS = 200;

interface RegionTally {
  events: number;
  changes: number;
  evidence: EventEvidence[];
}

/** account -> region -> tally */
export type RegionUseState = Map<string, Map<string, RegionTally>>;

/**
 * The tally of one account and region. A CloudTrail file holds one account's events in one region, so the
 * last tally asked for (remembered per state) is nearly always the one wanted.
 */
function regionTally(state: RegionUseState, account: string, region: string): RegionTally {
  const last = lastTally.get(state);
  if (last !== undefined && last.account === account && last.region === region) return last.tally;
  const tally = getOrAdd(
    getOrAdd(state, account, () => new Map<string, RegionTally>()),
    region,
    () => ({ events: 0, changes: 0, evidence: [] }),
  );
  lastTally.set(state, { account, region, tally });
  return tally;
}

const lastTally = new WeakMap<RegionUseState, { account: string; region: string; tally: RegionTally }>();

export const unusualRegionDetector: BaselineDetector<RegionUseState> = {
  detection: {
    id: 'trail-unusual-region',
    title: 'Changes made in a region the account does not use',
    description:
      'Calls that change something were made in a region holding under 1% of the account’s activity over the ' +
      'period read (policy: judged once the account shows 200 events; global services such as IAM are left ' +
      'out). Attackers work in regions nobody watches, to run miners or hide resources. Check what was created ' +
      'there, and consider denying unused regions with a service control policy.',
    severity: 'medium',
    mitre: [{ id: 'T1535', tactic: 'defense-evasion' }],
    references: [
      'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html',
      'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html',
    ],
    falsePositives: [
      'A team starting to work in a new region',
      'Disaster-recovery drills in a standby region',
    ],
    kind: 'baseline',
    origin: 'bundled',
  },
  empty: () => new Map(),
  observe(state, event, facts, source) {
    if (isMadeByAws(facts)) return;
    const { eventSource, account, awsRegion: region } = facts;
    if (eventSource === null || account === null || region === null) return;
    if (GLOBAL_EVENT_SOURCES.has(eventSource)) return;
    const tally = regionTally(state, account, region);
    tally.events++;
    if (facts.readOnly === false) {
      tally.changes++;
      keepIfEarliest(tally.evidence, event, source);
    }
  },
  merge(into, other) {
    for (const [account, regions] of other) {
      const target = getOrAdd(into, account, () => new Map<string, RegionTally>());
      for (const [region, tally] of regions) {
        const existing = target.get(region);
        if (existing === undefined) {
          target.set(region, { events: tally.events, changes: tally.changes, evidence: [...tally.evidence] });
          continue;
        }
        existing.events += tally.events;
        existing.changes += tally.changes;
        mergeEarliest(existing.evidence, tally.evidence);
      }
    }
  },
  findings(state) {
    const hits: BaselineHit[] = [];
    for (const [account, regions] of state) {
      let total = 0;
      for (const tally of regions.values()) total += tally.events;
      if (total < RARE_REGION_MIN_ACCOUNT_EVENTS) continue;
      for (const [region, tally] of regions) {
        if (tally.changes === 0 || tally.events >= total * RARE_REGION_SHARE) continue;
        const evidence = [...tally.evidence];
        const first = evidence[0];
        const share = ((tally.events / total) * 100).toFixed(2);
        hits.push({
          message:
            `${first?.actor ?? 'an unknown principal'} made ${tally.changes} change${tally.changes === 1 ? '' : 's'} ` +
            `in ${region}, a region holding ${share}% of account ${account}'s activity`,
          groupKey: `recipientAccountId=${account}, awsRegion=${region}`,
          actor: first?.actor ?? null,
          account,
          region,
          sourceIPAddress: first?.sourceIPAddress ?? null,
          eventCount: tally.changes,
          events: evidence,
        });
      }
    }
    return hits;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// EC2 instance credentials used from outside AWS

/** An EC2 instance profile session: `arn:aws:sts::<account>:assumed-role/<role>/i-0123456789abcdef0`. */
const INSTANCE_SESSION = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/[^/]+\/i-[0-9a-f]{8,17}$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * True for an address on the public internet. Service names ("ec2.amazonaws.com", "AWS Internal") and
 * private, shared (carrier NAT) and link-local ranges are inside: calls through VPC endpoints show the
 * instance's private address.
 */
export function isPublicAddress(address: string): boolean {
  const v4 = IPV4.exec(address);
  if (v4 !== null) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    if (a === 10 || a === 127 || a === 0) return false;
    if (a === 172 && b >= 16 && b <= 31) return false;
    if (a === 192 && b === 168) return false;
    if (a === 100 && b >= 64 && b <= 127) return false;
    if (a === 169 && b === 254) return false;
    return true;
  }
  if (!address.includes(':')) return false;
  const lower = address.toLowerCase();
  return !(lower === '::1' || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80'));
}

interface AddressUse {
  count: number;
  firstTime: string;
  evidence: EventEvidence[];
}

interface InstanceSession {
  account: string | null;
  addresses: Map<string, AddressUse>;
}

/** instance session ARN -> where its credentials were used from */
export type InstanceSessionState = Map<string, InstanceSession>;

export const instanceCredentialsOutsideDetector: BaselineDetector<InstanceSessionState> = {
  detection: {
    id: 'trail-instance-credentials-outside-aws',
    title: 'EC2 instance credentials used from an unexpected address',
    description:
      'The temporary credentials of an EC2 instance role were used from a public address that the instance ' +
      'does not otherwise use (not the first or the most-used address of its session) and that no other ' +
      'instance of the account uses (a shared NAT gateway). Instance credentials are stolen through the ' +
      'metadata service (SSRF) and replayed from the attacker’s machine. Revoke the role’s active sessions, ' +
      'find how the credentials left the instance, and require IMDSv2.',
    severity: 'high',
    mitre: [
      { id: 'T1552.005', tactic: 'credential-access' },
      { id: 'T1078.004', tactic: 'initial-access' },
    ],
    references: [
      'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
    ],
    falsePositives: [
      'An instance that reaches AWS through several NAT gateways or proxies in turn',
      'Credentials copied on purpose to a developer machine for debugging',
    ],
    kind: 'baseline',
    origin: 'bundled',
  },
  empty: () => new Map(),
  observe(state, event, facts, source) {
    const { arn, sourceIPAddress: address, eventTime: time } = facts;
    // `/i-` first: most sessions are not instances', and the test is cheaper than the expression.
    if (arn === null || !arn.includes('/i-') || !INSTANCE_SESSION.test(arn)) return;
    if (address === null || time === null) return;
    const session = getOrAdd(state, arn, () => ({
      account: facts.account,
      addresses: new Map<string, AddressUse>(),
    }));
    const use = getOrAdd(session.addresses, address, () => ({ count: 0, firstTime: time, evidence: [] }));
    use.count++;
    if (time < use.firstTime) use.firstTime = time;
    if (isPublicAddress(address)) keepIfEarliest(use.evidence, event, source);
  },
  merge(into, other) {
    for (const [arn, session] of other) {
      const target = getOrAdd(into, arn, () => ({
        account: session.account,
        addresses: new Map<string, AddressUse>(),
      }));
      for (const [address, use] of session.addresses) {
        const existing = target.addresses.get(address);
        if (existing === undefined) {
          target.addresses.set(address, {
            count: use.count,
            firstTime: use.firstTime,
            evidence: [...use.evidence],
          });
          continue;
        }
        existing.count += use.count;
        if (use.firstTime < existing.firstTime) existing.firstTime = use.firstTime;
        mergeEarliest(existing.evidence, use.evidence);
      }
    }
  },
  findings(state) {
    // Public addresses each account's instances use: a NAT gateway or proxy shared by several instances.
    const sessionsByAddress = new Map<string, number>();
    for (const session of state.values()) {
      for (const address of session.addresses.keys()) {
        const key = `${session.account ?? ''}|${address}`;
        sessionsByAddress.set(key, (sessionsByAddress.get(key) ?? 0) + 1);
      }
    }
    const hits: BaselineHit[] = [];
    for (const [arn, session] of state) {
      const uses = [...session.addresses.entries()];
      const first = uses.reduce((a, b) => (b[1].firstTime < a[1].firstTime ? b : a));
      const mostUsed = uses.reduce((a, b) => (b[1].count > a[1].count ? b : a));
      for (const [address, use] of uses) {
        if (!isPublicAddress(address) || address === first[0] || address === mostUsed[0]) continue;
        if ((sessionsByAddress.get(`${session.account ?? ''}|${address}`) ?? 0) > 1) continue;
        const evidence = [...use.evidence];
        hits.push({
          message:
            `the credentials of ${arn} were used from ${address} (${use.count} call${use.count === 1 ? '' : 's'}), ` +
            `an address the instance does not otherwise use (usually ${mostUsed[0]})`,
          groupKey: `userIdentity.arn=${arn}, sourceIPAddress=${address}`,
          actor: arn,
          account: session.account,
          region: evidence[0]?.awsRegion ?? null,
          sourceIPAddress: address,
          eventCount: use.count,
          events: evidence,
        });
      }
    }
    return hits;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Role trust opened to an account outside the trail

const ACCOUNT_IN_PRINCIPAL = /^(?:arn:aws[a-z-]*:(?:iam|sts)::)?(\d{12})(?::|$)/;

/** The 12-digit accounts a trust policy's `Principal.AWS` names (plain ids or ARNs); empty when unreadable. */
export function trustedAccountsOf(policyDocument: unknown): string[] {
  let policy: unknown = policyDocument;
  if (typeof policy === 'string') {
    try {
      policy = JSON.parse(policy) as unknown;
    } catch {
      return [];
    }
  }
  if (typeof policy !== 'object' || policy === null) return [];
  const statements = (policy as { Statement?: unknown }).Statement;
  const accounts = new Set<string>();
  for (const statement of Array.isArray(statements) ? statements : [statements]) {
    if (typeof statement !== 'object' || statement === null) continue;
    const { Effect: effect, Principal: principal } = statement as { Effect?: unknown; Principal?: unknown };
    if (effect !== 'Allow' || typeof principal !== 'object' || principal === null) continue;
    const aws = (principal as { AWS?: unknown }).AWS;
    for (const entry of Array.isArray(aws) ? aws : [aws]) {
      if (typeof entry !== 'string') continue;
      const match = ACCOUNT_IN_PRINCIPAL.exec(entry);
      if (match?.[1] !== undefined) accounts.add(match[1]);
    }
  }
  return [...accounts];
}

interface TrustGrant {
  account: string | null;
  role: string;
  trusted: string;
  count: number;
  evidence: EventEvidence[];
}

export interface RoleTrustState {
  /** Accounts whose own trails were read: the estate trust may stay within. */
  accounts: Set<string>;
  /** `<account>|<role>|<trusted account>` -> the trust changes that granted it */
  grants: Map<string, TrustGrant>;
}

/** The account last added to a state's accounts: most events repeat it. */
const lastAccount = new WeakMap<RoleTrustState, string>();

export const roleTrustForeignAccountDetector: BaselineDetector<RoleTrustState> = {
  detection: {
    id: 'trail-role-trust-foreign-account',
    title: 'Role trust opened to an account outside the trail',
    description:
      'A role was created, or its trust policy changed, so that an AWS account whose activity is nowhere in the ' +
      'trail read may assume it. An account outside your estate can then act with the role’s permissions: a ' +
      'classic backdoor. Check the account id against your vendors; if it is unknown, restore the trust policy.',
    severity: 'high',
    mitre: [{ id: 'T1098', tactic: 'persistence' }],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
    ],
    falsePositives: [
      'Roles for third-party vendors (monitoring, backup) whose accounts are not in the trail',
    ],
    kind: 'baseline',
    origin: 'bundled',
  },
  empty: () => ({ accounts: new Set(), grants: new Map() }),
  observe(state, event, facts, source) {
    const recipient = facts.recipientAccountId;
    if (recipient !== null && lastAccount.get(state) !== recipient) {
      state.accounts.add(recipient);
      lastAccount.set(state, recipient);
    }
    const name = facts.eventName;
    if (name !== 'CreateRole' && name !== 'UpdateAssumeRolePolicy') return;
    if (facts.eventSource !== 'iam.amazonaws.com' || facts.errorCode !== null) return;
    const parameters = event.requestParameters as Record<string, unknown> | undefined;
    const document =
      name === 'CreateRole' ? parameters?.assumeRolePolicyDocument : parameters?.policyDocument;
    const role = textAt(event, 'requestParameters.roleName') ?? 'unknown';
    const account = facts.account;
    for (const trusted of trustedAccountsOf(document)) {
      if (trusted === account) continue;
      const grant = getOrAdd(state.grants, `${account ?? ''}|${role}|${trusted}`, () => ({
        account,
        role,
        trusted,
        count: 0,
        evidence: [],
      }));
      grant.count++;
      keepIfEarliest(grant.evidence, event, source);
    }
  },
  merge(into, other) {
    for (const account of other.accounts) into.accounts.add(account);
    for (const [key, grant] of other.grants) {
      const existing = into.grants.get(key);
      if (existing === undefined) into.grants.set(key, { ...grant, evidence: [...grant.evidence] });
      else {
        existing.count += grant.count;
        mergeEarliest(existing.evidence, grant.evidence);
      }
    }
  },
  findings(state) {
    const hits: BaselineHit[] = [];
    for (const grant of state.grants.values()) {
      if (state.accounts.has(grant.trusted)) continue;
      const evidence = [...grant.evidence];
      const first = evidence[0];
      hits.push({
        message: `${first?.actor ?? 'an unknown principal'} let account ${grant.trusted}, which is not in the trail, assume role ${grant.role}`,
        groupKey: `recipientAccountId=${grant.account ?? ''}, roleName=${grant.role}, trustedAccount=${grant.trusted}`,
        actor: first?.actor ?? null,
        account: grant.account,
        region: first?.awsRegion ?? null,
        sourceIPAddress: first?.sourceIPAddress ?? null,
        eventCount: grant.count,
        events: evidence,
      });
    }
    return hits;
  },
};

/** Every bundled whole-period detector. */
export const BASELINE_DETECTORS: readonly BaselineDetector<unknown>[] = [
  unusualRegionDetector,
  instanceCredentialsOutsideDetector,
  roleTrustForeignAccountDetector,
];
