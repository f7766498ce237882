import {
  GetDetectorCommand,
  GetFindingsCommand,
  GuardDutyClient,
  ListFindingsCommand,
  paginateListDetectors,
  type Finding,
  type GetDetectorCommandOutput,
} from '@aws-sdk/client-guardduty';
import type { Gap } from '../../../core/gap.js';
import { MAX_HIGH_SEVERITY_FINDINGS, type GuarddutyFinding } from '../../../core/kinds/detection.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector } from '../collector.js';
import { allPages, incompleteResponse, missing, regionalArn } from './support.js';

type DetectorAttributes = AttributesOf<'guardduty.detector'>;

const GET_DETECTOR = 'guardduty:GetDetector';
const LIST_FINDINGS = 'guardduty:ListFindings';
const GET_FINDINGS = 'guardduty:GetFindings';
/** The most ids ListFindings returns per page, and GetFindings accepts per call. */
const FINDINGS_PAGE = 50;
/** GuardDuty's "high" band starts at 7.0 (critical at 9.0). */
const HIGH_SEVERITY = 7;

export const guarddutyCollector: Collector = {
  service: 'guardduty',
  global: false,
  actions: ['guardduty:ListDetectors', GET_DETECTOR, LIST_FINDINGS, GET_FINDINGS],
  kinds: { 'guardduty.detector': ['detectorId', 'status', 'features', 'highSeverityFindings'] },
  async collect(ctx) {
    const client = ctx.client(GuardDutyClient);
    // A failed listing throws out of collect(): the runner records a gap on guardduty.detector here.
    const ids = await ctx.call('guardduty:ListDetectors', () =>
      allPages(paginateListDetectors({ client }, {}), (page) => page.DetectorIds),
    );
    await Promise.all(
      ids.map(async (detectorId) => {
        const attributes: Partial<DetectorAttributes> = { detectorId };
        const gaps: Gap[] = [];
        const detector = await ctx.observe(GET_DETECTOR, () =>
          client.send(new GetDetectorCommand({ DetectorId: detectorId })),
        );
        if (!detector.ok) gaps.push(detector.failure.gap('status'), detector.failure.gap('features'));
        else {
          attributes.status = detector.value?.Status === 'ENABLED' ? 'ENABLED' : 'DISABLED';
          const features = featuresOf(detector.value?.Features);
          if (features) attributes.features = features;
          else gaps.push(missing('features', GET_DETECTOR, 'GetDetector returned no Features'));
        }

        const listed = await ctx.observe(LIST_FINDINGS, () => highSeverityFindingIds(client, detectorId));
        if (!listed.ok) gaps.push(listed.failure.gap('highSeverityFindings'));
        else {
          const { ids, truncated } = listed.value ?? { ids: [], truncated: false };
          const findings = await ctx.observe(GET_FINDINGS, () => findingsOf(client, detectorId, ids));
          if (findings.ok) attributes.highSeverityFindings = { findings: findings.value ?? [], truncated };
          else gaps.push(findings.failure.gap('highSeverityFindings'));
        }

        ctx.emit({
          kind: 'guardduty.detector',
          id: detectorId,
          arn: regionalArn(ctx, 'guardduty', `detector/${detectorId}`),
          tags: detector.ok ? (detector.value?.Tags ?? {}) : {},
          attributes,
          gaps,
        });
      }),
    );
  },
};

/** Feature name to status; undefined when GetDetector left the list out (it always sends it today). */
function featuresOf(
  features: NonNullable<GetDetectorCommandOutput['Features']> | undefined,
): DetectorAttributes['features'] | undefined {
  if (!features) return undefined;
  const record: DetectorAttributes['features'] = {};
  for (const { Name: name, Status: status } of features) {
    if (name && (status === 'ENABLED' || status === 'DISABLED')) record[name] = status;
  }
  return record;
}

/**
 * Ids of the oldest active findings of high or critical severity, up to the cap. Sorting by creation time
 * means a capped list still holds the findings that have been left open longest.
 */
async function highSeverityFindingIds(
  client: GuardDutyClient,
  detectorId: string,
): Promise<{ ids: string[]; truncated: boolean }> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListFindingsCommand({
        DetectorId: detectorId,
        FindingCriteria: {
          Criterion: {
            'service.archived': { Equals: ['false'] },
            severity: { GreaterThanOrEqual: HIGH_SEVERITY },
          },
        },
        SortCriteria: { AttributeName: 'createdAt', OrderBy: 'ASC' },
        MaxResults: FINDINGS_PAGE,
        NextToken: nextToken,
      }),
    );
    ids.push(...(page.FindingIds ?? []));
    nextToken = page.NextToken || undefined;
  } while (nextToken && ids.length < MAX_HIGH_SEVERITY_FINDINGS);
  return {
    ids: ids.slice(0, MAX_HIGH_SEVERITY_FINDINGS),
    truncated: ids.length > MAX_HIGH_SEVERITY_FINDINGS || nextToken !== undefined,
  };
}

/** The findings' details, in batches of the most GetFindings accepts, oldest first. */
async function findingsOf(
  client: GuardDutyClient,
  detectorId: string,
  ids: readonly string[],
): Promise<GuarddutyFinding[]> {
  const findings: GuarddutyFinding[] = [];
  for (let start = 0; start < ids.length; start += FINDINGS_PAGE) {
    const batch = await client.send(
      new GetFindingsCommand({ DetectorId: detectorId, FindingIds: ids.slice(start, start + FINDINGS_PAGE) }),
    );
    for (const finding of batch.Findings ?? []) findings.push(summaryOf(finding));
  }
  return findings.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The fields onus keeps of a finding; one without its id, type, severity or dates cannot be judged. */
function summaryOf(finding: Finding): GuarddutyFinding {
  const { Id: id, Type: type, Severity: severity, CreatedAt: createdAt, UpdatedAt: updatedAt } = finding;
  if (!id || !type || severity === undefined || !createdAt || !updatedAt)
    throw incompleteResponse(GET_FINDINGS, `finding ${id ?? '(no id)'} lacks its type, severity or dates`);
  return {
    id,
    type,
    severity,
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
    resource: resourceOf(finding.Resource),
  };
}

/** A short name for the affected resource, e.g. `Instance i-0abc`. */
function resourceOf(resource: Finding['Resource']): string | null {
  if (!resource) return null;
  const named =
    resource.InstanceDetails?.InstanceId ??
    (resource.AccessKeyDetails
      ? `${resource.AccessKeyDetails.AccessKeyId ?? ''} (${resource.AccessKeyDetails.UserName ?? 'unknown user'})`.trim()
      : undefined) ??
    resource.S3BucketDetails?.map((bucket) => bucket.Name)
      .filter(Boolean)
      .join(', ') ??
    resource.EksClusterDetails?.Name ??
    resource.RdsDbInstanceDetails?.DbInstanceIdentifier ??
    resource.LambdaDetails?.FunctionName ??
    resource.EcsClusterDetails?.Name;
  const type = resource.ResourceType;
  if (!type && !named) return null;
  return [type, named].filter(Boolean).join(' ');
}
