import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { DETECTORS_NOT_LISTED, guarddutyDetector } from '../../testing/detection-kinds.js';
import check from './guardduty-runtime-monitoring-enabled.js';

const detector = (
  features: Record<string, 'ENABLED' | 'DISABLED'>,
  status: 'ENABLED' | 'DISABLED' = 'ENABLED',
) => guarddutyDetector(features, { status });

testCheck(check, {
  pass: [
    {
      name: 'Runtime Monitoring is on',
      resources: [detector({ RUNTIME_MONITORING: 'ENABLED', EKS_RUNTIME_MONITORING: 'DISABLED' })],
      message: /^GuardDuty detector det-1 has Runtime Monitoring enabled$/,
    },
  ],
  fail: [
    {
      name: 'Runtime Monitoring is off',
      resources: [detector({ RUNTIME_MONITORING: 'DISABLED', EKS_RUNTIME_MONITORING: 'DISABLED' })],
      message: /Runtime Monitoring disabled: no workload is monitored/,
    },
    {
      name: 'only the older EKS Runtime Monitoring is on',
      resources: [detector({ RUNTIME_MONITORING: 'DISABLED', EKS_RUNTIME_MONITORING: 'ENABLED' })],
      message: /only EKS Runtime Monitoring enabled: ECS tasks and EC2 instances/,
    },
  ],
  notEvaluated: [
    {
      name: 'GetDetector was denied, so its protection plans are unknown',
      resources: [
        withGap(
          detector({ RUNTIME_MONITORING: 'ENABLED' }),
          'features',
          'access-denied',
          'guardduty:GetDetector',
        ),
      ],
      reason: 'access-denied',
    },
    DETECTORS_NOT_LISTED,
  ],
  skip: [
    {
      name: 'the detector is suspended (guardduty-enabled reports it)',
      resources: [detector({ RUNTIME_MONITORING: 'DISABLED' }, 'DISABLED')],
    },
    { name: 'the region offers no runtime monitoring', resources: [detector({ S3_DATA_EVENTS: 'ENABLED' })] },
  ],
});
