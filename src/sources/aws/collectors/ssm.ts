import {
  paginateDescribeInstanceInformation,
  paginateDescribeParameters,
  paginateListResourceComplianceSummaries,
  SSMClient,
  type InstanceInformation,
} from '@aws-sdk/client-ssm';
import type { Gap } from '../../../core/gap.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, conform, listOrGap, regionalArn, type FilledBy } from './support.js';

const LIST = 'ssm:DescribeParameters';
const INSTANCES = 'ssm:DescribeInstanceInformation';
const COMPLIANCE = 'ssm:ListResourceComplianceSummaries';

const FILLED_BY: FilledBy<'ssm.parameter'> = {
  name: LIST,
  type: LIST,
  keyId: LIST,
  lastModifiedDate: LIST,
  tier: LIST,
};
const INSTANCE_FILLED_BY: FilledBy<'ssm.managed-instance'> = {
  instanceId: INSTANCES,
  pingStatus: INSTANCES,
  platformType: INSTANCES,
  agentVersion: INSTANCES,
  lastPingAt: INSTANCES,
  patchCompliance: COMPLIANCE,
};
/** The most DescribeParameters returns per page. */
const PAGE_SIZE = 50;
/** The most DescribeInstanceInformation returns per page. */
const INSTANCE_PAGE_SIZE = 50;

type PatchCompliance = 'COMPLIANT' | 'NON_COMPLIANT';

export const ssmCollector: Collector = {
  service: 'ssm',
  global: false,
  actions: [LIST, INSTANCES, COMPLIANCE],
  kinds: {
    'ssm.parameter': Object.keys(FILLED_BY),
    'ssm.managed-instance': Object.keys(INSTANCE_FILLED_BY),
  },
  async collect(ctx) {
    const client = ctx.client(SSMClient);
    await Promise.all([collectParameters(ctx, client), collectManagedInstances(ctx, client)]);
  },
};

async function collectParameters(ctx: CollectorContext, client: SSMClient): Promise<void> {
  // Metadata only: onus never reads parameter values (no ssm:GetParameter*), so it never holds a secret it
  // does not need. A failed page is a gap on ssm.parameter here, never a partial list.
  const parameters = await listOrGap(ctx, 'ssm.parameter', LIST, () =>
    allPages(paginateDescribeParameters({ client, pageSize: PAGE_SIZE }, {}), (page) => page.Parameters),
  );
  for (const parameter of parameters ?? []) {
    const name = parameter.Name;
    if (!name) continue;
    const type = parameter.Type;
    const path = name.startsWith('/') ? name : `/${name}`;
    ctx.emit({
      kind: 'ssm.parameter',
      id: name,
      arn: parameter.ARN ?? regionalArn(ctx, 'ssm', `parameter${path}`),
      ...conform(
        'ssm.parameter',
        {
          name,
          type,
          // Only a SecureString has a key; a SecureString the response gave none for is a gap, not null.
          keyId: type === 'SecureString' ? parameter.KeyId : (parameter.KeyId ?? null),
          lastModifiedDate: parameter.LastModifiedDate?.toISOString(),
          tier: parameter.Tier,
        },
        [],
        FILLED_BY,
      ),
    });
  }
}

async function collectManagedInstances(ctx: CollectorContext, client: SSMClient): Promise<void> {
  const instances = await listOrGap(ctx, 'ssm.managed-instance', INSTANCES, () =>
    allPages(
      paginateDescribeInstanceInformation({ client, pageSize: INSTANCE_PAGE_SIZE }, {}),
      (page) => page.InstanceInformationList,
    ),
  );
  if (!instances || instances.length === 0) return;

  // One listing for the region; an instance missing from it has no patch data (never scanned): null, not a gap.
  const compliance = await ctx.observe(COMPLIANCE, async () => {
    const summaries = await allPages(
      paginateListResourceComplianceSummaries(
        { client },
        { Filters: [{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' }] },
      ),
      (page) => page.ResourceComplianceSummaryItems,
    );
    const byInstance = new Map<string, PatchCompliance>();
    for (const summary of summaries) {
      if (summary.ComplianceType !== 'Patch' || !summary.ResourceId) continue;
      if (summary.Status === 'COMPLIANT' || summary.Status === 'NON_COMPLIANT')
        byInstance.set(summary.ResourceId, summary.Status);
    }
    return byInstance;
  });

  for (const instance of instances) {
    const instanceId = instance.InstanceId;
    if (!instanceId) continue;
    const gaps: Gap[] = compliance.ok ? [] : [compliance.failure.gap('patchCompliance')];
    ctx.emit({
      kind: 'ssm.managed-instance',
      id: instanceId,
      arn: managedInstanceArn(ctx, instanceId),
      ...conform(
        'ssm.managed-instance',
        {
          instanceId,
          pingStatus: instance.PingStatus,
          platformType: instance.PlatformType ?? null,
          agentVersion: instance.AgentVersion ?? null,
          lastPingAt: lastPing(instance),
          patchCompliance: compliance.ok ? (compliance.value?.get(instanceId) ?? null) : undefined,
        },
        gaps,
        INSTANCE_FILLED_BY,
      ),
    });
  }
}

/** EC2 instances have their EC2 ARN; hybrid nodes (`mi-`) an SSM managed-instance ARN. */
function managedInstanceArn(ctx: CollectorContext, instanceId: string): string {
  return instanceId.startsWith('mi-')
    ? regionalArn(ctx, 'ssm', `managed-instance/${instanceId}`)
    : regionalArn(ctx, 'ec2', `instance/${instanceId}`);
}

function lastPing(instance: InstanceInformation): string | null {
  return instance.LastPingDateTime ? new Date(instance.LastPingDateTime).toISOString() : null;
}
