import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import type { Collector } from '../collector.js';
import { allPages, regionalArn } from './support.js';

export const guarddutyCollector: Collector = {
  service: 'guardduty',
  global: false,
  actions: ['guardduty:ListDetectors', 'guardduty:GetDetector'],
  kinds: { 'guardduty.detector': ['detectorId', 'status'] },
  async collect(ctx) {
    const client = ctx.client(GuardDutyClient);
    // A failed listing throws out of collect(): the runner records a gap on guardduty.detector here.
    const ids = await ctx.call('guardduty:ListDetectors', () =>
      allPages(paginateListDetectors({ client }, {}), (page) => page.DetectorIds),
    );
    await Promise.all(
      ids.map(async (detectorId) => {
        const detector = await ctx.observe('guardduty:GetDetector', () =>
          client.send(new GetDetectorCommand({ DetectorId: detectorId })),
        );
        const arn = regionalArn(ctx, 'guardduty', `detector/${detectorId}`);
        ctx.emit({
          kind: 'guardduty.detector',
          id: detectorId,
          arn,
          tags: detector.ok ? (detector.value?.Tags ?? {}) : {},
          attributes: detector.ok
            ? { detectorId, status: detector.value?.Status === 'ENABLED' ? 'ENABLED' : 'DISABLED' }
            : { detectorId },
          gaps: detector.ok ? [] : [detector.failure.gap('status')],
        });
      }),
    );
  },
};
