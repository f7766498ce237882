import type { AttributesOf } from '../../../core/kinds/index.js';
import { fail, pass, type Outcome } from '../../../core/outcome.js';

type Detector = Pick<AttributesOf<'guardduty.detector'>, 'detectorId' | 'features'>;

/**
 * A protection plan's checks apply to enabled detectors in regions that offer the plan: GetDetector leaves out
 * features the region does not have, and a suspended detector already fails guardduty-enabled.
 */
export function offersPlan(
  detector: Pick<AttributesOf<'guardduty.detector'>, 'status' | 'features'>,
  feature: string,
): boolean {
  return detector.status === 'ENABLED' && feature in detector.features;
}

/** PASS when the detector has `feature` on, FAIL naming the plan and what goes unwatched otherwise. */
export function protectionPlanOutcome(
  detector: Detector,
  feature: string,
  plan: string,
  unwatched: string,
): Outcome {
  const status = detector.features[feature] ?? 'DISABLED';
  const evidence = { detectorId: detector.detectorId, feature, status };
  return status === 'ENABLED'
    ? pass(`GuardDuty detector ${detector.detectorId} has ${plan} enabled`, evidence)
    : fail(`GuardDuty detector ${detector.detectorId} has ${plan} disabled: ${unwatched}`, evidence);
}
