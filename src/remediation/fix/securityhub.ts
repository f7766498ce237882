import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { securityhubCollector } from '../../sources/aws/collectors/securityhub.js';
import type { Fix } from './types.js';

const WRITE = 'securityhub:EnableSecurityHub';

export const SECURITYHUB_COST =
  'Security Hub is billed per Region by the security checks it runs and the findings it ingests; the default ' +
  'standards (AWS Foundational Security Best Practices, CIS) run checks continuously and need AWS Config ' +
  'recording, itself billed (each Region starts with a 30-day free trial): see https://aws.amazon.com/security-hub/pricing/';

export const securityhubFix: Fix = {
  name: 'securityhub',
  summary: 'enables Security Hub with its default standards in each Region where it is off',
  checkIds: ['securityhub-enabled'],
  global: false,
  // The Security Hub collector reads just what the check reads (DescribeHub, GetEnabledStandards).
  readers: [securityhubCollector],
  writeActions: [WRITE],
  costWarning: SECURITYHUB_COST,
  plan({ failing }) {
    return [
      {
        action: WRITE,
        account: failing.resource.account,
        region: failing.resource.region,
        global: false,
        parameters: { EnableDefaultStandards: true },
      },
    ];
  },
  async send(call, client) {
    await client(SecurityHubClient, call.region).send(
      new EnableSecurityHubCommand({ EnableDefaultStandards: true }),
    );
  },
};
