import { defineProtectionPlanCheck } from './support/protection-plans.js';

export default defineProtectionPlanCheck({
  id: 'guardduty-rds-protection-enabled',
  title: 'GuardDuty RDS Protection is enabled',
  description:
    'GuardDuty RDS Protection profiles login activity to Aurora and RDS databases and reports anomalous logins, such as a brute force or a successful login from an unusual source (FSBP GuardDuty.9). Detectors in regions that do not offer the plan, and suspended detectors, are skipped.',
  risk: 'Password spraying, brute force and logins with stolen database credentials go unnoticed, up to the moment data is read or destroyed.',
  severity: 'medium',
  feature: 'RDS_LOGIN_EVENTS',
  plan: 'RDS Protection',
  unwatched: 'database login activity is not analysed',
  remediation:
    'Enable RDS Protection on the detector, for the whole organization from the delegated administrator. It is charged per vCPU or ACU of the monitored databases.',
  terraformName: 'rds',
  url: 'https://docs.aws.amazon.com/guardduty/latest/ug/rds-protection.html',
});
