import { defineCheck, type Check } from '../../../core/check.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import { fail, pass, type Outcome } from '../../../core/outcome.js';
import type { Severity } from '../../../core/severity.js';

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

/** One GuardDuty protection plan, switched on by a single detector feature. */
export interface ProtectionPlanSpec {
  id: string;
  title: string;
  description: string;
  risk: string;
  severity: Severity;
  /** The detector feature that turns the plan on, e.g. `S3_DATA_EVENTS`. */
  feature: string;
  /** The plan's name in messages: `S3 Protection`. */
  plan: string;
  /** What goes unwatched while the plan is off, for the failure message. */
  unwatched: string;
  /** How to enable it and what it costs; the CLI, CloudFormation and Terraform snippets follow from `feature`. */
  remediation: string;
  /** The label of the Terraform resource in the snippet: `s3`. */
  terraformName: string;
  url: string;
}

/** A check that the detector has one protection plan on, skipped where the region does not offer it. */
export function defineProtectionPlanCheck(spec: ProtectionPlanSpec): Check {
  const { feature } = spec;
  return defineCheck({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    risk: spec.risk,
    severity: spec.severity,
    service: 'guardduty',
    domain: 'detection',
    kind: 'guardduty.detector',
    scope: 'resource',
    reads: ['detectorId', 'status', 'features'],
    appliesTo: (detector) => offersPlan(detector.attributes, feature),
    remediation: {
      text: spec.remediation,
      cli: `aws guardduty update-detector --region <region> --detector-id <detector-id> --features Name=${feature},Status=ENABLED`,
      cloudformation: `Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n    Enable: true\n    Features:\n      - Name: ${feature}\n        Status: ENABLED`,
      terraform: `resource "aws_guardduty_detector_feature" "${spec.terraformName}" {\n  detector_id = aws_guardduty_detector.this.id\n  name        = "${feature}"\n  status      = "ENABLED"\n}`,
      url: spec.url,
    },
    evaluate(detector) {
      return protectionPlanOutcome(detector.attributes, feature, spec.plan, spec.unwatched);
    },
  });
}
