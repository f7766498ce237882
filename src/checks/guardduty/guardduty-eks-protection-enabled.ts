import { defineCheck } from '../../core/check.js';
import { offersPlan, protectionPlanOutcome } from './support/protection-plans.js';

export default defineCheck({
  id: 'guardduty-eks-protection-enabled',
  title: 'GuardDuty EKS audit log monitoring is enabled',
  description:
    'GuardDuty EKS Protection analyses the Kubernetes audit logs of EKS clusters for suspicious API activity (FSBP GuardDuty.5). GuardDuty reads the logs itself: the clusters need not send them to CloudWatch. Detectors in regions that do not offer the plan, and suspended detectors, are skipped.',
  risk: 'Anonymous access to the Kubernetes API, privileged pods, credential access from pods and known attacker tooling in EKS clusters go unnoticed.',
  severity: 'medium',
  service: 'guardduty',
  domain: 'detection',
  kind: 'guardduty.detector',
  scope: 'resource',
  reads: ['detectorId', 'status', 'features'],
  appliesTo: (detector) => offersPlan(detector.attributes, 'EKS_AUDIT_LOGS'),
  remediation: {
    text: 'Enable EKS Protection (EKS audit log monitoring) on the detector, for the whole organization from the delegated administrator. It has a cost per volume of audit log events.',
    cli: 'aws guardduty update-detector --region <region> --detector-id <detector-id> --features Name=EKS_AUDIT_LOGS,Status=ENABLED',
    cloudformation:
      'Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n    Enable: true\n    Features:\n      - Name: EKS_AUDIT_LOGS\n        Status: ENABLED',
    terraform:
      'resource "aws_guardduty_detector_feature" "eks" {\n  detector_id = aws_guardduty_detector.this.id\n  name        = "EKS_AUDIT_LOGS"\n  status      = "ENABLED"\n}',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/kubernetes-protection.html',
  },
  evaluate(detector) {
    return protectionPlanOutcome(
      detector.attributes,
      'EKS_AUDIT_LOGS',
      'EKS Protection (audit log monitoring)',
      'Kubernetes audit logs of EKS clusters are not analysed',
    );
  },
});
