import { defineCheck } from '../../core/check.js';
import { offersPlan, protectionPlanOutcome } from './support/protection-plans.js';

export default defineCheck({
  id: 'guardduty-lambda-protection-enabled',
  title: 'GuardDuty Lambda Protection is enabled',
  description:
    'GuardDuty Lambda Protection analyses the network activity of Lambda function invocations, reporting, for example, functions talking to crypto-mining pools or command-and-control servers (FSBP GuardDuty.6). Detectors in regions that do not offer the plan, and suspended detectors, are skipped.',
  risk: 'A compromised or malicious function (an injected dependency, a stolen deployment credential) can mine crypto or exfiltrate data over the network unseen.',
  severity: 'medium',
  service: 'guardduty',
  domain: 'detection',
  kind: 'guardduty.detector',
  scope: 'resource',
  reads: ['detectorId', 'status', 'features'],
  appliesTo: (detector) => offersPlan(detector.attributes, 'LAMBDA_NETWORK_LOGS'),
  remediation: {
    text: 'Enable Lambda Protection (Lambda network activity monitoring) on the detector, for the whole organization from the delegated administrator. It has a cost per volume of network activity analysed.',
    cli: 'aws guardduty update-detector --region <region> --detector-id <detector-id> --features Name=LAMBDA_NETWORK_LOGS,Status=ENABLED',
    cloudformation:
      'Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n    Enable: true\n    Features:\n      - Name: LAMBDA_NETWORK_LOGS\n        Status: ENABLED',
    terraform:
      'resource "aws_guardduty_detector_feature" "lambda" {\n  detector_id = aws_guardduty_detector.this.id\n  name        = "LAMBDA_NETWORK_LOGS"\n  status      = "ENABLED"\n}',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/lambda-protection.html',
  },
  evaluate(detector) {
    return protectionPlanOutcome(
      detector.attributes,
      'LAMBDA_NETWORK_LOGS',
      'Lambda Protection',
      'network activity of Lambda functions is not analysed',
    );
  },
});
