import { defineProtectionPlanCheck } from './support/protection-plans.js';

export default defineProtectionPlanCheck({
  id: 'guardduty-eks-protection-enabled',
  title: 'GuardDuty EKS audit log monitoring is enabled',
  description:
    'GuardDuty EKS Protection analyses the Kubernetes audit logs of EKS clusters for suspicious API activity (FSBP GuardDuty.5). GuardDuty reads the logs itself: the clusters need not send them to CloudWatch. Detectors in regions that do not offer the plan, and suspended detectors, are skipped.',
  risk: 'Anonymous access to the Kubernetes API, privileged pods, credential access from pods and known attacker tooling in EKS clusters go unnoticed.',
  severity: 'medium',
  feature: 'EKS_AUDIT_LOGS',
  plan: 'EKS Protection (audit log monitoring)',
  unwatched: 'Kubernetes audit logs of EKS clusters are not analysed',
  remediation:
    'Enable EKS Protection (EKS audit log monitoring) on the detector, for the whole organization from the delegated administrator. It has a cost per volume of audit log events.',
  terraformName: 'eks',
  url: 'https://docs.aws.amazon.com/guardduty/latest/ug/kubernetes-protection.html',
});
