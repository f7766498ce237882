import { defineProtectionPlanCheck } from './support/protection-plans.js';

export default defineProtectionPlanCheck({
  id: 'guardduty-s3-protection-enabled',
  title: 'GuardDuty S3 Protection is enabled',
  description:
    'GuardDuty S3 Protection analyses CloudTrail S3 data events (object-level API calls such as GetObject and PutObject) for suspicious access to buckets (FSBP GuardDuty.10). Without it GuardDuty sees only bucket-level management events. Detectors in regions that do not offer the plan, and suspended detectors, are skipped.',
  risk: 'Data exfiltration from S3 by stolen credentials, access from known malicious IPs and anomalous object reads go undetected: the most common data breach path in AWS is not watched.',
  severity: 'medium',
  feature: 'S3_DATA_EVENTS',
  plan: 'S3 Protection',
  unwatched: 'object-level access to S3 is not analysed',
  remediation:
    'Enable S3 Protection on the detector (for an organization, from the GuardDuty delegated administrator with auto-enable for members). GuardDuty charges by the volume of S3 data events analysed.',
  terraformName: 's3',
  url: 'https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html',
});
