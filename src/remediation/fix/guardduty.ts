import {
  CreateDetectorCommand,
  GetDetectorCommand,
  GuardDutyClient,
  paginateListDetectors,
  UpdateDetectorCommand,
} from '@aws-sdk/client-guardduty';
import type { Collector } from '../../sources/aws/collector.js';
import { allPages, regionalArn } from '../../sources/aws/collectors/support.js';
import { resourcesAt } from './resources.js';
import type { ApiCall, Fix } from './types.js';

const LIST = 'guardduty:ListDetectors';
const GET = 'guardduty:GetDetector';
const CREATE = 'guardduty:CreateDetector';
const UPDATE = 'guardduty:UpdateDetector';

/** Reads each detector's id and status (not the findings and features the GuardDuty collector reads). */
export const detectorReader: Collector = {
  service: 'guardduty',
  global: false,
  actions: [LIST, GET],
  kinds: { 'guardduty.detector': ['detectorId', 'status'] },
  async collect(ctx) {
    const client = ctx.client(GuardDutyClient);
    const ids = await ctx.call(LIST, () =>
      allPages(paginateListDetectors({ client }, {}), (page) => page.DetectorIds),
    );
    await Promise.all(
      ids.map(async (detectorId) => {
        const detector = await ctx.observe(GET, () =>
          client.send(new GetDetectorCommand({ DetectorId: detectorId })),
        );
        ctx.emit({
          kind: 'guardduty.detector',
          id: detectorId,
          arn: regionalArn(ctx, 'guardduty', `detector/${detectorId}`),
          attributes: detector.ok
            ? { detectorId, status: detector.value?.Status === 'ENABLED' ? 'ENABLED' : 'DISABLED' }
            : { detectorId },
          gaps: detector.ok ? [] : [detector.failure.gap('status')],
        });
      }),
    );
  },
};

export const GUARDDUTY_COST =
  'GuardDuty is billed per Region by the volume of CloudTrail events, VPC flow logs and DNS logs it analyses ' +
  '(each Region starts with a 30-day free trial): see https://aws.amazon.com/guardduty/pricing/';

export const guarddutyFix: Fix = {
  name: 'guardduty',
  summary:
    'enables GuardDuty in each Region where it is off: re-enables a suspended detector, or creates one',
  checkIds: ['guardduty-enabled'],
  global: false,
  readers: [detectorReader],
  writeActions: [CREATE, UPDATE],
  costWarning: GUARDDUTY_COST,
  plan({ inventory, failing }): ApiCall[] {
    const where = { account: failing.resource.account, region: failing.resource.region };
    // A Region has at most one detector; a suspended one is resumed rather than a second one attempted.
    const [suspended] = resourcesAt(inventory, where, 'guardduty.detector');
    return [
      suspended
        ? {
            action: UPDATE,
            ...where,
            global: false,
            parameters: { DetectorId: suspended.id, Enable: true },
          }
        : { action: CREATE, ...where, global: false, parameters: { Enable: true } },
    ];
  },
  async send(call, client) {
    const guardduty = client(GuardDutyClient, call.region);
    if (call.action === UPDATE) {
      await guardduty.send(
        new UpdateDetectorCommand({ DetectorId: String(call.parameters.DetectorId), Enable: true }),
      );
    } else await guardduty.send(new CreateDetectorCommand({ Enable: true }));
  },
};
