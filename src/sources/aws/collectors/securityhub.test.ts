import {
  DescribeHubCommand,
  GetEnabledStandardsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { securityhubCollector } from './securityhub.js';

const securityhub = mockClient(SecurityHubClient);

const KINDS = Object.keys(securityhubCollector.kinds);
const HUB = `arn:aws:securityhub:${REGION}:${ACCOUNT}:hub/default`;
const CIS = `arn:aws:securityhub:${REGION}::standards/cis-aws-foundations-benchmark/v/5.0.0`;
const FSBP = `arn:aws:securityhub:${REGION}::standards/aws-foundational-security-best-practices/v/1.0.0`;

/** The error Security Hub answers with in a region where the account never enabled it (HTTP 401). */
const notSubscribed = () =>
  awsError('InvalidAccessException', 401, `Account ${ACCOUNT} is not subscribed to AWS Security Hub`);

function enabledWith(standards: { arn: string; status: 'READY' | 'PENDING' | 'FAILED' }[]) {
  securityhub.on(DescribeHubCommand).resolves({ HubArn: HUB, SubscribedAt: '2024-03-10T18:39:49.417Z' });
  securityhub.on(GetEnabledStandardsCommand).resolves({
    StandardsSubscriptions: standards.map(({ arn, status }) => ({
      StandardsSubscriptionArn: `${arn}/subscription`,
      StandardsArn: arn,
      StandardsInput: {},
      StandardsStatus: status,
    })),
  });
}

describe('securityhub collector', () => {
  beforeEach(() => securityhub.reset());

  it('reports an enabled hub with when it was enabled and its standards across pages', async () => {
    enabledWith([]);
    securityhub
      .on(GetEnabledStandardsCommand)
      .resolvesOnce({
        StandardsSubscriptions: [
          { StandardsSubscriptionArn: 's1', StandardsArn: CIS, StandardsInput: {}, StandardsStatus: 'READY' },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        StandardsSubscriptions: [
          {
            StandardsSubscriptionArn: 's2',
            StandardsArn: FSBP,
            StandardsInput: {},
            StandardsStatus: 'FAILED',
          },
        ],
      });

    const sink = await collectWith(securityhubCollector);

    expect(sink.resources).toEqual([
      {
        kind: 'securityhub.hub',
        id: REGION,
        arn: HUB,
        region: REGION,
        attributes: {
          enabled: true,
          subscribedAt: '2024-03-10T18:39:49.417Z',
          standards: [
            { arn: CIS, status: 'READY' },
            { arn: FSBP, status: 'FAILED' },
          ],
        },
        gaps: [],
      },
    ]);
    expect(securityhub.commandCalls(GetEnabledStandardsCommand)[1]?.args[0].input.NextToken).toBe('page-2');
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports a region where the account is not subscribed as disabled, without a gap or an error', async () => {
    securityhub.on(DescribeHubCommand).rejects(notSubscribed());
    securityhub.on(GetEnabledStandardsCommand).rejects(notSubscribed());
    const sink = await collectWith(securityhubCollector);
    expect(sink.resources).toEqual([
      expect.objectContaining({
        id: REGION,
        arn: null,
        attributes: { enabled: false, subscribedAt: null, standards: [] },
        gaps: [],
      }),
    ]);
    expect(sink.errors).toEqual([]);
    expect(securityhub.commandCalls(GetEnabledStandardsCommand)).toHaveLength(0);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('turns a denied DescribeHub into a gap on enabled and subscribedAt, never into "disabled"', async () => {
    enabledWith([{ arn: CIS, status: 'READY' }]);
    securityhub.on(DescribeHubCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(securityhubCollector);
    const [hub] = sink.resources;
    expect(hub?.attributes).toEqual({ standards: [{ arn: CIS, status: 'READY' }] });
    expect(hub?.gaps).toEqual([
      expect.objectContaining({
        field: 'enabled',
        reason: 'access-denied',
        action: 'securityhub:DescribeHub',
      }),
      expect.objectContaining({
        field: 'subscribedAt',
        reason: 'access-denied',
        action: 'securityhub:DescribeHub',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('treats any other InvalidAccessException as a failure to look, not as Security Hub being off', async () => {
    enabledWith([]);
    securityhub
      .on(DescribeHubCommand)
      .rejects(
        awsError(
          'InvalidAccessException',
          401,
          'The account does not have permission to perform this action',
        ),
      );
    const sink = await collectWith(securityhubCollector);
    expect(sink.resources[0]?.attributes).not.toHaveProperty('enabled');
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'enabled', action: 'securityhub:DescribeHub' }),
      expect.objectContaining({ field: 'subscribedAt', action: 'securityhub:DescribeHub' }),
    ]);
  });

  it('turns a denied GetEnabledStandards into a gap on standards only', async () => {
    enabledWith([]);
    securityhub.on(GetEnabledStandardsCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(securityhubCollector);
    const [hub] = sink.resources;
    expect(hub?.attributes).toEqual({ enabled: true, subscribedAt: '2024-03-10T18:39:49.417Z' });
    expect(hub?.gaps).toEqual([
      expect.objectContaining({
        field: 'standards',
        reason: 'access-denied',
        action: 'securityhub:GetEnabledStandards',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps standards as throttled when GetEnabledStandards is throttled for good', async () => {
    enabledWith([]);
    securityhub.on(GetEnabledStandardsCommand).rejects(awsError('TooManyRequestsException', 429));
    const sink = await collectWith(securityhubCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'standards',
        reason: 'throttled',
        action: 'securityhub:GetEnabledStandards',
      }),
    ]);
  });

  it('reports an enabled hub without standards as an empty list, not a gap', async () => {
    enabledWith([]);
    const sink = await collectWith(securityhubCollector);
    expect(sink.resources[0]).toMatchObject({ attributes: { enabled: true, standards: [] }, gaps: [] });
  });
});
