import {
  GetDetectorCommand,
  GetFindingsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
} from '@aws-sdk/client-guardduty';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { guarddutyCollector } from './guardduty.js';

const guardduty = mockClient(GuardDutyClient);

const FEATURES = [
  { Name: 'S3_DATA_EVENTS' as const, Status: 'ENABLED' as const },
  { Name: 'RDS_LOGIN_EVENTS' as const, Status: 'DISABLED' as const },
];

/** A finding as GetFindings returns it, created `created` and about an EC2 instance. */
const finding = (id: string, created: string) => ({
  AccountId: '111122223333',
  Arn: `arn:aws:guardduty:eu-west-1:111122223333:detector/d1/finding/${id}`,
  Id: id,
  Region: 'eu-west-1',
  SchemaVersion: '2.0',
  Type: 'UnauthorizedAccess:EC2/SSHBruteForce',
  Severity: 8,
  CreatedAt: created,
  UpdatedAt: '2026-05-30T00:00:00.000Z',
  Resource: { ResourceType: 'Instance', InstanceDetails: { InstanceId: 'i-0abc' } },
});

describe('guardduty collector', () => {
  beforeEach(() => {
    guardduty.reset();
    guardduty.on(ListFindingsCommand).resolves({ FindingIds: [] });
  });

  it('reports each detector with its status, across pages', async () => {
    guardduty
      .on(ListDetectorsCommand)
      .resolvesOnce({ DetectorIds: ['d1'], NextToken: 'page2' })
      .resolvesOnce({ DetectorIds: ['d2'] });
    guardduty
      .on(GetDetectorCommand, { DetectorId: 'd1' })
      .resolves({ Status: 'ENABLED', ServiceRole: 'r', Features: FEATURES });
    guardduty
      .on(GetDetectorCommand, { DetectorId: 'd2' })
      .resolves({ Status: 'DISABLED', ServiceRole: 'r', Features: [] });
    const sink = await collectWith(guarddutyCollector);
    expect(sink.resources.map((r) => [r.id, r.attributes.status, r.region])).toEqual([
      ['d1', 'ENABLED', 'eu-west-1'],
      ['d2', 'DISABLED', 'eu-west-1'],
    ]);
    expect(sink.resources[0]?.attributes).toMatchObject({
      features: { S3_DATA_EVENTS: 'ENABLED', RDS_LOGIN_EVENTS: 'DISABLED' },
      highSeverityFindings: { findings: [], truncated: false },
    });
    expect(sink.gaps).toEqual([]);
  });

  it('asks for active high-severity findings oldest first and keeps a summary of each', async () => {
    guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
    guardduty.on(GetDetectorCommand).resolves({ Status: 'ENABLED', Features: FEATURES });
    guardduty
      .on(ListFindingsCommand)
      .resolvesOnce({ FindingIds: ['f1'], NextToken: 'next' })
      .resolvesOnce({ FindingIds: ['f2'] });
    guardduty.on(GetFindingsCommand).resolves({
      Findings: [finding('f2', '2026-05-01T00:00:00.000Z'), finding('f1', '2026-01-01T00:00:00.000Z')],
    });
    const sink = await collectWith(guarddutyCollector);
    expect(guardduty.commandCalls(ListFindingsCommand)[0]?.args[0].input).toMatchObject({
      FindingCriteria: {
        Criterion: { 'service.archived': { Equals: ['false'] }, severity: { GreaterThanOrEqual: 7 } },
      },
      SortCriteria: { AttributeName: 'createdAt', OrderBy: 'ASC' },
    });
    expect(sink.resources[0]?.attributes.highSeverityFindings).toEqual({
      truncated: false,
      findings: [
        {
          id: 'f1',
          type: 'UnauthorizedAccess:EC2/SSHBruteForce',
          severity: 8,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-05-30T00:00:00.000Z',
          resource: 'Instance i-0abc',
        },
        expect.objectContaining({ id: 'f2' }),
      ],
    });
  });

  it('stops at 200 findings and says the list was cut', async () => {
    guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
    guardduty.on(GetDetectorCommand).resolves({ Status: 'ENABLED', Features: FEATURES });
    let page = 0;
    guardduty.on(ListFindingsCommand).callsFake(() => {
      page += 1;
      return { FindingIds: Array.from({ length: 50 }, (_, i) => `f${page}-${i}`), NextToken: 'more' };
    });
    guardduty.on(GetFindingsCommand).callsFake((input: { FindingIds: string[] }) => ({
      Findings: input.FindingIds.map((id) => finding(id, '2026-01-01T00:00:00.000Z')),
    }));
    const sink = await collectWith(guarddutyCollector);
    expect(page).toBe(4);
    expect(guardduty.commandCalls(GetFindingsCommand)).toHaveLength(4);
    const collected = sink.resources[0]?.attributes.highSeverityFindings as {
      findings: unknown[];
      truncated: boolean;
    };
    expect(collected.findings).toHaveLength(200);
    expect(collected.truncated).toBe(true);
  });

  it('keeps the detector with a gap on its findings when GetFindings is denied', async () => {
    guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
    guardduty.on(GetDetectorCommand).resolves({ Status: 'ENABLED', Features: FEATURES });
    guardduty.on(ListFindingsCommand).resolves({ FindingIds: ['f1'] });
    guardduty.on(GetFindingsCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(guarddutyCollector);
    expect(sink.resources[0]?.attributes.status).toBe('ENABLED');
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'highSeverityFindings',
        reason: 'access-denied',
        action: 'guardduty:GetFindings',
      }),
    ]);
  });

  it('reports no detector as no resources and no gap: absence is data', async () => {
    guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    const sink = await collectWith(guarddutyCollector);
    expect(sink).toMatchObject({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied ListDetectors into a gap on the kind, naming the action', async () => {
    guardduty.on(ListDetectorsCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(guarddutyCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'guardduty.detector',
        region: 'eu-west-1',
        reason: 'access-denied',
        action: 'guardduty:ListDetectors',
      }),
    ]);
    expect(sink.errors).toHaveLength(1);
  });

  it('keeps a detector whose GetDetector was throttled, with a gap on its status', async () => {
    guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
    guardduty.on(GetDetectorCommand).rejects(awsError('TooManyRequestsException', 429));
    const sink = await collectWith(guarddutyCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'status', reason: 'throttled', action: 'guardduty:GetDetector' }),
      expect.objectContaining({ field: 'features', reason: 'throttled', action: 'guardduty:GetDetector' }),
    ]);
  });
});
