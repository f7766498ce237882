import type { AttributesOf } from '../core/kinds/index.js';
import type { Resource } from '../core/resource.js';
import { daysAgo, REGION, resource, withGap, type Placement } from './builders.js';
import { listingFailed, type CheckCases } from './check-tester.js';

/** Detection-service builders and shared cases for check tests. */

type FeatureStatus = 'ENABLED' | 'DISABLED';

/** The enabled GuardDuty detector `det-1` with the given protection plans and no high-severity finding. */
export function guarddutyDetector(
  features: Record<string, FeatureStatus> = {},
  overrides: Partial<AttributesOf<'guardduty.detector'>> = {},
  placement: Placement = {},
): Resource<'guardduty.detector'> {
  const attributes: AttributesOf<'guardduty.detector'> = {
    detectorId: 'det-1',
    status: 'ENABLED',
    features,
    highSeverityFindings: { findings: [], truncated: false },
    ...overrides,
  };
  return resource('guardduty.detector', attributes.detectorId, attributes, placement);
}

/** The case where ListDetectors failed in the region, so no detector and none of its plans could be seen. */
export const DETECTORS_NOT_LISTED = listingFailed(
  'detectors could not be listed in the region',
  'guardduty.detector',
  'guardduty:ListDetectors',
);

/**
 * The cases every single-feature protection plan check shares: on passes, off fails, an unread detector is
 * not evaluated, and a suspended detector or a region without the plan gives no result.
 */
export function protectionPlanCases(feature: string, plan: string): CheckCases {
  const suspended = { status: 'DISABLED' } as const;
  return {
    pass: [
      {
        name: `the detector has ${plan} on`,
        resources: [guarddutyDetector({ [feature]: 'ENABLED', CLOUD_TRAIL: 'ENABLED' })],
        message: /^GuardDuty detector det-1 has .* enabled$/,
      },
    ],
    fail: [
      {
        name: `the detector has ${plan} turned off`,
        resources: [guarddutyDetector({ [feature]: 'DISABLED', CLOUD_TRAIL: 'ENABLED' })],
        message: /det-1 has .* disabled: /,
      },
    ],
    notEvaluated: [
      {
        name: 'GetDetector was throttled, so its protection plans are unknown',
        resources: [
          withGap(
            guarddutyDetector({ [feature]: 'ENABLED' }),
            'features',
            'throttled',
            'guardduty:GetDetector',
          ),
        ],
        reason: 'throttled',
      },
      DETECTORS_NOT_LISTED,
    ],
    skip: [
      {
        name: 'the detector is suspended (guardduty-enabled reports it)',
        resources: [guarddutyDetector({ [feature]: 'DISABLED' }, suspended)],
      },
      {
        name: `the region does not offer ${plan}`,
        resources: [guarddutyDetector({ CLOUD_TRAIL: 'ENABLED' })],
      },
    ],
  };
}

type HubStandard = AttributesOf<'securityhub.hub'>['standards'][number];

/** The standards ARNs of AWS FSBP v1.0.0 and CIS v5.0.0 in the test region. */
export const FSBP_STANDARD = `arn:aws:securityhub:${REGION}::standards/aws-foundational-security-best-practices/v/1.0.0`;
export const CIS_STANDARD = `arn:aws:securityhub:${REGION}::standards/cis-aws-foundations-benchmark/v/5.0.0`;

/** The Security Hub of `region`: subscribed 100 days ago with `standards` when enabled, empty otherwise. */
export function securityHub(
  enabled: boolean,
  standards: HubStandard[] = [],
  region = REGION,
): Resource<'securityhub.hub'> {
  return resource(
    'securityhub.hub',
    region,
    { enabled, subscribedAt: enabled ? daysAgo(100) : null, standards: enabled ? standards : [] },
    { region },
  );
}
