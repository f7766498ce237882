import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

const RUNTIME = 'RUNTIME_MONITORING';
/** The plan Runtime Monitoring replaced, covering EKS clusters only. */
const EKS_RUNTIME = 'EKS_RUNTIME_MONITORING';

export default defineCheck({
  id: 'guardduty-runtime-monitoring-enabled',
  title: 'GuardDuty Runtime Monitoring is enabled',
  description:
    'GuardDuty Runtime Monitoring watches operating-system events (processes, file access, network connections) on EKS clusters, ECS tasks (Fargate and EC2) and EC2 instances through a security agent (FSBP GuardDuty.11). The check reads the plan on the detector; whether the agent is deployed everywhere (automated agent configuration or manual installs) is not read. Having only the older EKS Runtime Monitoring on fails: it covers EKS clusters alone. Detectors in regions that do not offer the plan, and suspended detectors, are skipped.',
  risk: 'Reverse shells, crypto miners, privilege escalation and container escapes inside running workloads go unseen: GuardDuty only sees them from the outside, through their network and API traffic.',
  severity: 'medium',
  service: 'guardduty',
  domain: 'detection',
  kind: 'guardduty.detector',
  scope: 'resource',
  reads: ['detectorId', 'status', 'features'],
  appliesTo: ({ attributes }) =>
    attributes.status === 'ENABLED' && (RUNTIME in attributes.features || EKS_RUNTIME in attributes.features),
  remediation: {
    text: 'Enable Runtime Monitoring on the detector with automated agent configuration for EKS, ECS Fargate and EC2 (for an organization, from the GuardDuty delegated administrator), or deploy the GuardDuty security agent yourself. It is charged per vCPU of the monitored workloads.',
    cli: 'aws guardduty update-detector --region <region> --detector-id <detector-id> --features \'[{"Name":"RUNTIME_MONITORING","Status":"ENABLED","AdditionalConfiguration":[{"Name":"EKS_ADDON_MANAGEMENT","Status":"ENABLED"},{"Name":"ECS_FARGATE_AGENT_MANAGEMENT","Status":"ENABLED"},{"Name":"EC2_AGENT_MANAGEMENT","Status":"ENABLED"}]}]\'',
    cloudformation:
      'Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n    Enable: true\n    Features:\n      - Name: RUNTIME_MONITORING\n        Status: ENABLED\n        AdditionalConfiguration:\n          - Name: EKS_ADDON_MANAGEMENT\n            Status: ENABLED\n          - Name: ECS_FARGATE_AGENT_MANAGEMENT\n            Status: ENABLED\n          - Name: EC2_AGENT_MANAGEMENT\n            Status: ENABLED',
    terraform:
      'resource "aws_guardduty_detector_feature" "runtime" {\n  detector_id = aws_guardduty_detector.this.id\n  name        = "RUNTIME_MONITORING"\n  status      = "ENABLED"\n\n  additional_configuration {\n    name   = "EKS_ADDON_MANAGEMENT"\n    status = "ENABLED"\n  }\n  additional_configuration {\n    name   = "ECS_FARGATE_AGENT_MANAGEMENT"\n    status = "ENABLED"\n  }\n  additional_configuration {\n    name   = "EC2_AGENT_MANAGEMENT"\n    status = "ENABLED"\n  }\n}',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html',
  },
  evaluate({ attributes }) {
    const { detectorId, features } = attributes;
    const evidence = {
      detectorId,
      runtimeMonitoring: features[RUNTIME] ?? null,
      eksRuntimeMonitoring: features[EKS_RUNTIME] ?? null,
    };
    if (features[RUNTIME] === 'ENABLED')
      return pass(`GuardDuty detector ${detectorId} has Runtime Monitoring enabled`, evidence);
    if (features[EKS_RUNTIME] === 'ENABLED') {
      return fail(
        `GuardDuty detector ${detectorId} has only EKS Runtime Monitoring enabled: ECS tasks and EC2 instances are not monitored at runtime`,
        evidence,
      );
    }
    return fail(
      `GuardDuty detector ${detectorId} has Runtime Monitoring disabled: no workload is monitored at runtime`,
      evidence,
    );
  },
});
