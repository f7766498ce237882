import { defineCheck } from '../../core/check.js';
import { offersPlan, protectionPlanOutcome } from './support/protection-plans.js';

export default defineCheck({
  id: 'guardduty-rds-protection-enabled',
  title: 'GuardDuty RDS Protection is enabled',
  description:
    'GuardDuty RDS Protection profiles login activity to Aurora and RDS databases and reports anomalous logins, such as a brute force or a successful login from an unusual source (FSBP GuardDuty.9). Detectors in regions that do not offer the plan, and suspended detectors, are skipped.',
  risk: 'Password spraying, brute force and logins with stolen database credentials go unnoticed, up to the moment data is read or destroyed.',
  severity: 'medium',
  service: 'guardduty',
  domain: 'detection',
  kind: 'guardduty.detector',
  scope: 'resource',
  reads: ['detectorId', 'status', 'features'],
  appliesTo: (detector) => offersPlan(detector.attributes, 'RDS_LOGIN_EVENTS'),
  remediation: {
    text: 'Enable RDS Protection on the detector, for the whole organization from the delegated administrator. It is charged per vCPU or ACU of the monitored databases.',
    cli: 'aws guardduty update-detector --region <region> --detector-id <detector-id> --features Name=RDS_LOGIN_EVENTS,Status=ENABLED',
    cloudformation:
      'Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n    Enable: true\n    Features:\n      - Name: RDS_LOGIN_EVENTS\n        Status: ENABLED',
    terraform:
      'resource "aws_guardduty_detector_feature" "rds" {\n  detector_id = aws_guardduty_detector.this.id\n  name        = "RDS_LOGIN_EVENTS"\n  status      = "ENABLED"\n}',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/rds-protection.html',
  },
  evaluate(detector) {
    return protectionPlanOutcome(
      detector.attributes,
      'RDS_LOGIN_EVENTS',
      'RDS Protection',
      'database login activity is not analysed',
    );
  },
});
