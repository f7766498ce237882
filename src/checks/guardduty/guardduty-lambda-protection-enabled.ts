import { defineProtectionPlanCheck } from './support/protection-plans.js';

export default defineProtectionPlanCheck({
  id: 'guardduty-lambda-protection-enabled',
  title: 'GuardDuty Lambda Protection is enabled',
  description:
    'GuardDuty Lambda Protection analyses the network activity of Lambda function invocations, reporting, for example, functions talking to crypto-mining pools or command-and-control servers (FSBP GuardDuty.6). Detectors in regions that do not offer the plan, and suspended detectors, are skipped.',
  risk: 'A compromised or malicious function (an injected dependency, a stolen deployment credential) can mine crypto or exfiltrate data over the network unseen.',
  severity: 'medium',
  feature: 'LAMBDA_NETWORK_LOGS',
  plan: 'Lambda Protection',
  unwatched: 'network activity of Lambda functions is not analysed',
  remediation:
    'Enable Lambda Protection (Lambda network activity monitoring) on the detector, for the whole organization from the delegated administrator. It has a cost per volume of network activity analysed.',
  terraformName: 'lambda',
  url: 'https://docs.aws.amazon.com/guardduty/latest/ug/lambda-protection.html',
});
