import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'guardduty-enabled',
  title: 'GuardDuty is enabled in the region',
  description:
    'GuardDuty watches CloudTrail, VPC flow logs and DNS logs for signs of compromise. It is regional: a region without an enabled detector is not watched.',
  risk: 'Credential theft, crypto-mining and data exfiltration in an unwatched region go unnoticed; attackers favour regions nobody uses.',
  severity: 'high',
  service: 'guardduty',
  domain: 'detection',
  kind: 'guardduty.detector',
  scope: 'region',
  reads: ['detectorId', 'status'],
  remediation: {
    text: 'Enable GuardDuty in every enabled region, ideally for the whole organization from a delegated administrator account. GuardDuty has a cost.',
    cli: 'aws guardduty create-detector --enable --region <region>',
    cloudformation: 'Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n    Enable: true',
    terraform: 'resource "aws_guardduty_detector" "this" {\n  enable = true\n}',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html',
  },
  evaluate(region) {
    const enabled = region.resources.find((detector) => detector.attributes.status === 'ENABLED');
    if (enabled)
      return pass(`GuardDuty detector ${enabled.attributes.detectorId} is enabled`, {
        detectorId: enabled.attributes.detectorId,
      });
    const suspended = region.resources.map((detector) => detector.attributes.detectorId);
    return suspended.length > 0
      ? fail(`GuardDuty detector ${suspended.join(', ')} is suspended`, {
          detectors: suspended,
          status: 'DISABLED',
        })
      : fail('GuardDuty has no detector in this region', { detectors: [] });
  },
});
