import { REGION, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { guarddutyDetector } from '../../testing/detection-kinds.js';
import check from './guardduty-enabled.js';

const detector = (status: 'ENABLED' | 'DISABLED', region = REGION) =>
  guarddutyDetector({ S3_DATA_EVENTS: 'ENABLED' }, { detectorId: `det-${region}`, status }, { region });

testCheck(check, {
  pass: [
    { name: 'the region has an enabled detector', resources: [detector('ENABLED')] },
    {
      name: 'every region in scope has an enabled detector',
      resources: [detector('ENABLED'), detector('ENABLED', 'us-east-1')],
    },
  ],
  fail: [
    { name: 'the region has no detector', resources: [], regions: [REGION], message: /no detector/ },
    { name: 'the detector is suspended', resources: [detector('DISABLED')], message: /suspended/ },
  ],
  notEvaluated: [
    listingFailed('ListDetectors was denied in the region', 'guardduty.detector', 'guardduty:ListDetectors'),
    {
      name: 'the region is not enabled for the account',
      resources: [],
      scopeGaps: [{ region: 'me-central-1', kind: '*', field: '*', reason: 'region-disabled' }],
      reason: 'region-disabled',
    },
    {
      name: 'the detector was listed but GetDetector failed',
      resources: [withGap(detector('ENABLED'), 'status', 'throttled', 'guardduty:GetDetector')],
      reason: 'throttled',
    },
  ],
});
