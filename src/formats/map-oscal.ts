import { createHash } from 'node:crypto';

import {
  AWS_EVIDENCE,
  type FailingResult,
  type ItemStatus,
  type MappedItem,
  type MappedService,
  type ResponsibilityMap,
} from '../responsibility/map.js';

/**
 * The responsibility map as an OSCAL System Security Plan (SSP), the construct NIST gives a system that
 * leverages another's authorization (srm.md §3.8):
 *
 * - AWS is a `leveraged-authorization`, each AWS service in use a `service` component tied to it;
 * - every responsibility item is an `implemented-requirement` whose `by-components` entry (one per service
 *   listing the item) holds an `inherited` entry for AWS's part and a `satisfied` entry for the customer's:
 *   AWS items get `inherited`, customer items `satisfied`, shared items both;
 * - the customer's status becomes the by-component's `implementation-status` (see IMPLEMENTATION_STATE), and
 *   the failing results behind "not met" become `links` with rel "evidence".
 *
 * Valid against NIST's OSCAL 1.2.0 SSP JSON schema (test/fixtures/oscal). A pure function of the map: UUIDs are
 * name-based (version 5) so the same map gives byte-identical output.
 *
 * What the map cannot know (the system's name, impact level, information types, the authorization the system
 * leverages) is filled with placeholders that say so ("to be completed by the system owner").
 */

export const OSCAL_VERSION = '1.2.0';

/** Namespace of the props onus defines (OSCAL reserves un-namespaced prop names for its own). */
export const ONUS_NS = 'urn:onus:oscal';

const PLACEHOLDER = 'To be completed by the system owner.';
const AWS_SRM_URL = 'https://aws.amazon.com/compliance/shared-responsibility-model/';
const AWS_ARTIFACT_URL = 'https://aws.amazon.com/artifact/';
const RFC4122 = 'https://ietf.org/rfc/rfc4122';

/**
 * onus status → OSCAL `implementation-status/state` of the customer's part (by-component level):
 * - met → implemented: every check passes.
 * - partial → partial: the checks pass, but part of the item needs a person to confirm.
 * - not-met → planned: failing results show it is not implemented; OSCAL has no "not implemented" state, and
 *   "planned" is what FedRAMP uses for a control still to be put in place (the remediation).
 * - unknown, manual → no state: nothing was (or can be) evaluated, so the SSP asserts nothing; the exact onus
 *   status is always in the `status` prop.
 * - inherited (AWS items) → implemented, by AWS, under the leveraged authorization.
 */
const IMPLEMENTATION_STATE: Record<ItemStatus, 'implemented' | 'partial' | 'planned' | null> = {
  met: 'implemented',
  partial: 'partial',
  'not-met': 'planned',
  unknown: null,
  manual: null,
  inherited: 'implemented',
};

const STATUS_TEXT: Record<ItemStatus, string> = {
  met: 'Met',
  'not-met': 'Not met',
  partial: 'Partly verified',
  unknown: 'Not evaluated',
  manual: 'To review by hand',
  inherited: 'Inherited from AWS',
};

/* ---------------------------------------------------------------- OSCAL shapes (the subset emitted) */

interface Prop {
  name: string;
  value: string;
  ns?: string;
  class?: string;
}

interface Link {
  href: string;
  rel?: string;
  text?: string;
}

interface ResponsibleRole {
  'role-id': string;
  'party-uuids': string[];
}

interface Inherited {
  uuid: string;
  'provided-uuid': string;
  description: string;
  props?: Prop[];
  links?: Link[];
  'responsible-roles': ResponsibleRole[];
}

interface Satisfied {
  uuid: string;
  'responsibility-uuid': string;
  description: string;
  props?: Prop[];
  links?: Link[];
  'responsible-roles': ResponsibleRole[];
  remarks?: string;
}

interface ByComponent {
  'component-uuid': string;
  uuid: string;
  description: string;
  props?: Prop[];
  'implementation-status'?: { state: string; remarks?: string };
  inherited?: Inherited[];
  satisfied?: Satisfied[];
}

interface ImplementedRequirement {
  uuid: string;
  'control-id': string;
  props: Prop[];
  links: Link[];
  'by-components': ByComponent[];
  remarks?: string;
}

/* ---------------------------------------------------------------- helpers */

/**
 * A name-based UUID (RFC 4122 version 5: SHA-1 of a namespace and a name), so ids are stable across runs and
 * revisions of the same subject. The schema's UUID pattern accepts versions 4 and 5.
 */
const UUID_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex'); // RFC 4122 URL namespace
export function uuid5(name: string): string {
  const hash = createHash('sha1').update(UUID_NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One line, no leading or trailing space: what OSCAL's markup-line and string types require. */
function line(text: string, fallback = '-'): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat === '' ? fallback : flat;
}

/**
 * An OSCAL control-id is a token (an XML NCName: a letter or `_` first, then letters, digits, `.`, `-`, `_`).
 * onus item ids (`s3.data.block-public-access`) already are one, dots included, so they are kept as they are
 * (lower-cased, anything else turned to `-`, `x-` prefixed when they would start with a digit); the item id
 * itself is also in the `responsibility-id` prop. They are onus ids, not NIST SP 800-53 control ids.
 */
export function controlId(itemId: string): string {
  const token = itemId.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
  return /^[a-z_]/.test(token) ? token : `x-${token}`;
}

function onusProp(name: string, value: string): Prop {
  return { name, ns: ONUS_NS, value: line(value) };
}

function evidenceLink(result: FailingResult): Link {
  return {
    href: `urn:onus:finding:${encodeURIComponent(result.fingerprint)}`,
    rel: 'evidence',
    text: line(
      `FAIL ${result.checkId} on ${result.resource} (${result.account}, ${result.region}): ${result.message}`,
    ),
  };
}

/* ---------------------------------------------------------------- the document */

interface Ids {
  ssp: string;
  customer: string;
  aws: string;
  leveraged: string;
  thisSystem: string;
  user: string;
  infoType: string;
  catalog: string;
  artifact: string;
}

function byComponent(ids: Ids, service: MappedService, item: MappedItem): ByComponent {
  const componentUuid = uuid5(`onus:component:${ids.ssp}:${service.id}`);
  const subject = `${ids.ssp}:${service.id}:${item.id}`;
  const awsRole: ResponsibleRole = { 'role-id': 'provider', 'party-uuids': [ids.aws] };
  const ownerRole: ResponsibleRole = { 'role-id': 'system-owner', 'party-uuids': [ids.customer] };
  const statusProp = onusProp('status', item.status);

  const inherited: Inherited[] = [];
  const satisfied: Satisfied[] = [];
  if (item.owner === 'aws' || item.owner === 'shared') {
    const part = item.owner === 'shared' ? (item.awsPart ?? item.description) : item.description;
    inherited.push({
      uuid: uuid5(`onus:inherited:${subject}`),
      // AWS publishes no OSCAL export to point at: a stable name-based id for what AWS provides here.
      'provided-uuid': uuid5(`onus:provided:aws:${item.id}`),
      description: `${line(item.title)}. AWS's part: ${line(part)} Evidence: ${AWS_EVIDENCE}`,
      links: [{ href: item.source, rel: 'reference', text: 'AWS documentation' }],
      'responsible-roles': [awsRole],
    });
  }
  if (item.owner === 'customer' || item.owner === 'shared') {
    const part = item.owner === 'shared' ? (item.customerPart ?? item.description) : item.description;
    const props = [
      statusProp,
      ...item.checks.map((check) =>
        onusProp(
          'check',
          `${check.checkId}: ${check.pass} pass, ${check.fail} fail, ${check.notEvaluated} not evaluated, ${check.muted} muted`,
        ),
      ),
    ];
    const remarks = [
      `Your part: ${line(part)}`,
      item.guidance === null ? null : `Guidance: ${line(item.guidance)}`,
      item.awsDefault ? `AWS default since ${item.awsDefault.since}: ${line(item.awsDefault.what)}` : null,
    ].filter((text): text is string => text !== null);
    satisfied.push({
      uuid: uuid5(`onus:satisfied:${subject}`),
      // What the customer must do, as AWS's side would export it: a stable name-based id.
      'responsibility-uuid': uuid5(`onus:responsibility:aws:${item.id}`),
      description: `${STATUS_TEXT[item.status]}: ${line(item.why)}`,
      props,
      ...(item.failing.length > 0 ? { links: item.failing.map(evidenceLink) } : {}),
      'responsible-roles': [ownerRole],
      remarks: remarks.join('\n\n'),
    });
  }

  const state = IMPLEMENTATION_STATE[item.status];
  const description =
    item.owner === 'aws'
      ? `Inherited from AWS for ${service.name}: ${line(item.description)}`
      : `${STATUS_TEXT[item.status]} for ${service.name}: ${line(item.why)}`;
  return {
    'component-uuid': componentUuid,
    uuid: uuid5(`onus:by-component:${subject}`),
    description,
    props: [statusProp, onusProp('origin', item.origin)],
    ...(state === null
      ? {}
      : {
          'implementation-status': {
            state,
            remarks: `onus status: ${item.status}${item.owner === 'shared' ? ' (the customer part; the AWS part is inherited)' : ''}.`,
          },
        }),
    ...(inherited.length > 0 ? { inherited } : {}),
    ...(satisfied.length > 0 ? { satisfied } : {}),
  };
}

/** One implemented-requirement per item id, with a by-component entry for each service that lists it. */
function implementedRequirements(ids: Ids, map: ResponsibilityMap): ImplementedRequirement[] {
  const byId = new Map<string, ImplementedRequirement>();
  for (const service of map.services)
    for (const item of service.items) {
      let requirement = byId.get(item.id);
      if (requirement === undefined) {
        requirement = {
          uuid: uuid5(`onus:requirement:${ids.ssp}:${item.id}`),
          'control-id': controlId(item.id),
          props: [
            onusProp('responsibility-id', item.id),
            onusProp('title', item.title),
            onusProp('owner', item.owner),
            onusProp('class', item.class),
            onusProp('domain', item.domain),
            onusProp('verifiability', item.verifiability),
          ],
          links: [{ href: item.source, rel: 'reference', text: 'AWS documentation' }],
          'by-components': [],
          remarks: line(item.description),
        };
        byId.set(item.id, requirement);
      }
      requirement['by-components'].push(byComponent(ids, service, item));
    }
  return [...byId.values()];
}

function component(ids: Ids, service: MappedService): Record<string, unknown> {
  const where = [
    `${service.resourceCount} resource${service.resourceCount === 1 ? '' : 's'}`,
    service.accounts.length > 0
      ? `account${service.accounts.length === 1 ? '' : 's'} ${service.accounts.join(', ')}`
      : null,
    service.regions.length > 0
      ? `region${service.regions.length === 1 ? '' : 's'} ${service.regions.join(', ')}`
      : null,
  ].filter((part): part is string => part !== null);
  const variants = service.variants.map((variant) => variant.title);
  return {
    uuid: uuid5(`onus:component:${ids.ssp}:${service.id}`),
    type: 'service',
    title: line(service.name),
    description:
      `${line(service.name)}, an AWS ${service.category} service in use (${where.join('; ')})` +
      `${service.everyAccount ? ', listed for every account as an account-wide duty' : ''}.` +
      (variants.length > 0 ? ` Configurations found: ${variants.join(', ')}.` : ''),
    props: [
      { name: 'leveraged-authorization-uuid', value: ids.leveraged },
      { name: 'implementation-point', value: 'external' },
      onusProp('service-id', service.id),
      onusProp('category', service.category),
    ],
    links: [
      { href: service.securityChapter, rel: 'reference', text: 'Security chapter of the AWS documentation' },
    ],
    status: { state: 'operational' },
    'responsible-roles': [{ 'role-id': 'provider', 'party-uuids': [ids.aws] }],
  };
}

/** The map as an OSCAL 1.2.0 System Security Plan, pretty-printed JSON with a trailing newline. */
export function formatMapOscal(map: ResponsibilityMap): string {
  const subject = `${map.target.type}:${map.target.name}`;
  const ssp = uuid5(`onus:ssp:${subject}`);
  const ids: Ids = {
    ssp,
    customer: uuid5(`onus:party:customer:${subject}`),
    aws: uuid5('onus:party:aws'),
    leveraged: uuid5(`onus:leveraged-authorization:aws:${subject}`),
    thisSystem: uuid5(`onus:component:${ssp}:this-system`),
    user: uuid5(`onus:user:${ssp}:system-owner`),
    infoType: uuid5(`onus:information-type:${ssp}`),
    catalog: uuid5(`onus:resource:catalog:${map.catalogVersion}`),
    artifact: uuid5('onus:resource:aws-artifact'),
  };
  const accounts = map.accounts.map((account) =>
    account.alias ? `${account.id} (${account.alias})` : account.id,
  );
  const accountList = accounts.length > 0 ? accounts.join(', ') : 'none';
  const date = map.generatedAt.slice(0, 10);

  const document = {
    'system-security-plan': {
      uuid: ssp,
      metadata: {
        title: line(`onus responsibility map: ${map.target.name}`),
        'last-modified': map.generatedAt,
        version: map.generatedAt,
        'oscal-version': OSCAL_VERSION,
        props: [
          onusProp('map-schema', map.schema),
          onusProp('catalog-version', map.catalogVersion),
          onusProp('target', subject),
        ],
        roles: [
          {
            id: 'system-owner',
            title: 'System Owner',
            description:
              'The customer: owns the AWS accounts and the responsibilities the map assigns to them.',
          },
          {
            id: 'provider',
            title: 'Cloud Service Provider',
            description: 'AWS: provides the services and the part of each responsibility it owns.',
          },
        ],
        parties: [
          {
            uuid: ids.customer,
            type: 'organization',
            name: line(`Owner of ${map.target.name}`),
            remarks: `The organization that owns the AWS accounts scanned (${accountList}). Its name: ${PLACEHOLDER}`,
          },
          {
            uuid: ids.aws,
            type: 'organization',
            name: 'Amazon Web Services',
            'short-name': 'AWS',
            links: [{ href: AWS_SRM_URL, rel: 'reference', text: 'AWS Shared Responsibility Model' }],
          },
        ],
        'responsible-parties': [
          { 'role-id': 'system-owner', 'party-uuids': [ids.customer] },
          { 'role-id': 'provider', 'party-uuids': [ids.aws] },
        ],
        remarks: line(map.summary),
      },
      'import-profile': {
        href: `#${ids.catalog}`,
        remarks:
          `No OSCAL profile: the requirements are the items of the onus responsibility catalog ${map.catalogVersion} ` +
          '(see back-matter), not NIST SP 800-53 controls. Map them to a baseline profile if one applies: ' +
          PLACEHOLDER,
      },
      'system-characteristics': {
        'system-ids': [{ 'identifier-type': RFC4122, id: ssp }],
        'system-name': line(map.target.name),
        description: `The workloads in the AWS accounts ${accountList}, as onus found them (${map.target.type} target). ${PLACEHOLDER}`,
        'security-sensitivity-level': 'to-be-determined',
        'system-information': {
          'information-types': [
            {
              uuid: ids.infoType,
              title: 'Information stored and processed in the AWS accounts',
              description: `onus does not know what information the system holds. ${PLACEHOLDER}`,
            },
          ],
        },
        status: {
          state: map.target.type === 'iac' ? 'under-development' : 'operational',
          remarks: `Inferred from the target type (${map.target.type}). ${PLACEHOLDER}`,
        },
        'authorization-boundary': {
          description: `The ${map.services.length} AWS services in use in the accounts ${accountList}. ${PLACEHOLDER}`,
        },
        remarks:
          'Placeholders: security-sensitivity-level, the information type, the status and the authorization ' +
          `boundary are not known to onus. ${PLACEHOLDER}`,
      },
      'system-implementation': {
        'leveraged-authorizations': [
          {
            uuid: ids.leveraged,
            title: 'Amazon Web Services (AWS)',
            'party-uuid': ids.aws,
            'date-authorized': date,
            links: [{ href: `#${ids.artifact}`, rel: 'evidence', text: 'AWS Artifact' }],
            remarks:
              'date-authorized is the date of this map, not of an AWS authorization: give the date and the ' +
              `authorization (e.g. FedRAMP) the system leverages. ${PLACEHOLDER}`,
          },
        ],
        users: [
          {
            uuid: ids.user,
            title: 'System owner',
            description: `Administers the AWS accounts. ${PLACEHOLDER}`,
            'role-ids': ['system-owner'],
          },
        ],
        components: [
          {
            uuid: ids.thisSystem,
            type: 'this-system',
            title: line(map.target.name),
            description: `The system as a whole: the AWS accounts ${accountList}.`,
            status: { state: 'operational' },
            'responsible-roles': [{ 'role-id': 'system-owner', 'party-uuids': [ids.customer] }],
          },
          ...map.services.map((service) => component(ids, service)),
        ],
      },
      'control-implementation': {
        description:
          'Each requirement is an item of the onus responsibility catalog for an AWS service in use. ' +
          "AWS's part is inherited from the AWS leveraged authorization; the customer's part is satisfied by " +
          'the system, with its status from the onus checks and the failing results as evidence links.',
        'implemented-requirements': implementedRequirements(ids, map),
      },
      'back-matter': {
        resources: [
          {
            uuid: ids.catalog,
            title: line(`onus responsibility catalog ${map.catalogVersion}`),
            description:
              'The per-service AWS shared-responsibility items onus maps, each citing its AWS source.',
            props: [onusProp('catalog-version', map.catalogVersion)],
          },
          {
            uuid: ids.artifact,
            title: 'AWS Artifact',
            description: AWS_EVIDENCE,
            rlinks: [{ href: AWS_ARTIFACT_URL }],
          },
        ],
      },
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
