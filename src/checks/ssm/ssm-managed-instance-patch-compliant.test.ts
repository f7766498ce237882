import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './ssm-managed-instance-patch-compliant.js';

const node = (patchCompliance: AttributesOf<'ssm.managed-instance'>['patchCompliance']) =>
  resource('ssm.managed-instance', 'i-0abc', {
    instanceId: 'i-0abc',
    pingStatus: 'Online',
    platformType: 'Linux',
    agentVersion: '3.3.1142.0',
    lastPingAt: '2026-06-01T11:55:00.000Z',
    patchCompliance,
  });

testCheck(check, {
  pass: [
    {
      name: 'the last patch scan found nothing missing',
      resources: [node('COMPLIANT')],
      message: /^Managed instance i-0abc has every patch its baseline approves$/,
    },
  ],
  fail: [
    {
      name: 'the last patch scan found missing patches',
      resources: [node('NON_COMPLIANT')],
      message: /^Managed instance i-0abc is missing patches its baseline approves$/,
    },
    {
      name: 'Patch Manager has never scanned the instance',
      resources: [node(null)],
      message: /no patch compliance data: Patch Manager never scanned it$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the compliance summaries could not be listed',
      resources: [
        withGap(node('COMPLIANT'), 'patchCompliance', 'access-denied', 'ssm:ListResourceComplianceSummaries'),
      ],
      reason: 'access-denied',
    },
  ],
});
