import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { guarddutyCollector } from './guardduty.js';

const guardduty = mockClient(GuardDutyClient);

describe('guardduty collector', () => {
  beforeEach(() => guardduty.reset());

  it('reports each detector with its status, across pages', async () => {
    guardduty
      .on(ListDetectorsCommand)
      .resolvesOnce({ DetectorIds: ['d1'], NextToken: 'page2' })
      .resolvesOnce({ DetectorIds: ['d2'] });
    guardduty.on(GetDetectorCommand, { DetectorId: 'd1' }).resolves({ Status: 'ENABLED', ServiceRole: 'r' });
    guardduty.on(GetDetectorCommand, { DetectorId: 'd2' }).resolves({ Status: 'DISABLED', ServiceRole: 'r' });
    const sink = await collectWith(guarddutyCollector);
    expect(sink.resources.map((r) => [r.id, r.attributes.status, r.region])).toEqual([
      ['d1', 'ENABLED', 'eu-west-1'],
      ['d2', 'DISABLED', 'eu-west-1'],
    ]);
    expect(sink.gaps).toEqual([]);
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
    ]);
  });
});
