import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './guardduty-eks-protection-enabled.js';

const detector = (
  features: Record<string, 'ENABLED' | 'DISABLED'>,
  status: 'ENABLED' | 'DISABLED' = 'ENABLED',
) =>
  resource('guardduty.detector', 'det-1', {
    detectorId: 'det-1',
    status,
    features,
    highSeverityFindings: { findings: [], truncated: false },
  });

testCheck(check, {
  pass: [
    {
      name: 'the detector has EKS Protection (audit log monitoring) on',
      resources: [detector({ EKS_AUDIT_LOGS: 'ENABLED', CLOUD_TRAIL: 'ENABLED' })],
      message: /^GuardDuty detector det-1 has .* enabled$/,
    },
  ],
  fail: [
    {
      name: 'the detector has EKS Protection (audit log monitoring) turned off',
      resources: [detector({ EKS_AUDIT_LOGS: 'DISABLED', CLOUD_TRAIL: 'ENABLED' })],
      message: /det-1 has .* disabled: /,
    },
  ],
  notEvaluated: [
    {
      name: 'GetDetector was throttled, so its protection plans are unknown',
      resources: [
        withGap(detector({ EKS_AUDIT_LOGS: 'ENABLED' }), 'features', 'throttled', 'guardduty:GetDetector'),
      ],
      reason: 'throttled',
    },
    {
      name: 'detectors could not be listed in the region',
      resources: [],
      scopeGaps: [
        {
          region: REGION,
          kind: 'guardduty.detector',
          field: '*',
          reason: 'access-denied',
          action: 'guardduty:ListDetectors',
        },
      ],
      reason: 'access-denied',
    },
  ],
  skip: [
    {
      name: 'the detector is suspended (guardduty-enabled reports it)',
      resources: [detector({ EKS_AUDIT_LOGS: 'DISABLED' }, 'DISABLED')],
    },
    {
      name: 'the region does not offer EKS Protection (audit log monitoring)',
      resources: [detector({ CLOUD_TRAIL: 'ENABLED' })],
    },
  ],
});
