import { defineCheck } from '../../core/check.js';
import { offersPlan, protectionPlanOutcome } from './support/protection-plans.js';

export default defineCheck({
  id: 'guardduty-s3-protection-enabled',
  title: 'GuardDuty S3 Protection is enabled',
  description:
    'GuardDuty S3 Protection analyses CloudTrail S3 data events (object-level API calls such as GetObject and PutObject) for suspicious access to buckets (FSBP GuardDuty.10). Without it GuardDuty sees only bucket-level management events. Detectors in regions that do not offer the plan, and suspended detectors, are skipped.',
  risk: 'Data exfiltration from S3 by stolen credentials, access from known malicious IPs and anomalous object reads go undetected: the most common data breach path in AWS is not watched.',
  severity: 'medium',
  service: 'guardduty',
  domain: 'detection',
  kind: 'guardduty.detector',
  scope: 'resource',
  reads: ['detectorId', 'status', 'features'],
  appliesTo: (detector) => offersPlan(detector.attributes, 'S3_DATA_EVENTS'),
  remediation: {
    text: 'Enable S3 Protection on the detector (for an organization, from the GuardDuty delegated administrator with auto-enable for members). GuardDuty charges by the volume of S3 data events analysed.',
    cli: 'aws guardduty update-detector --region <region> --detector-id <detector-id> --features Name=S3_DATA_EVENTS,Status=ENABLED',
    cloudformation:
      'Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n    Enable: true\n    Features:\n      - Name: S3_DATA_EVENTS\n        Status: ENABLED',
    terraform:
      'resource "aws_guardduty_detector_feature" "s3" {\n  detector_id = aws_guardduty_detector.this.id\n  name        = "S3_DATA_EVENTS"\n  status      = "ENABLED"\n}',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html',
  },
  evaluate(detector) {
    return protectionPlanOutcome(
      detector.attributes,
      'S3_DATA_EVENTS',
      'S3 Protection',
      'object-level access to S3 is not analysed',
    );
  },
});
