import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './ssm-managed-instance-agent-online.js';

type Managed = AttributesOf<'ssm.managed-instance'>;

const node = (overrides: Partial<Managed> = {}) =>
  resource('ssm.managed-instance', 'i-0abc', {
    instanceId: 'i-0abc',
    pingStatus: 'Online',
    platformType: 'Linux',
    agentVersion: '3.3.1142.0',
    lastPingAt: '2026-06-01T11:55:00.000Z',
    patchCompliance: 'COMPLIANT',
    ...overrides,
  });

testCheck(check, {
  pass: [
    {
      name: 'the agent reported in minutes ago',
      resources: [node()],
      message: /^The SSM Agent of i-0abc is online$/,
    },
  ],
  fail: [
    {
      name: 'the agent lost contact two weeks ago',
      resources: [node({ pingStatus: 'ConnectionLost', lastPingAt: '2026-05-18T08:00:00.000Z' })],
      message: /^The SSM Agent of i-0abc is not reporting in \(ConnectionLost since 2026-05-18\)$/,
    },
    {
      name: 'a hybrid node that never reported a ping time is inactive',
      resources: [node({ instanceId: 'mi-0abc', pingStatus: 'Inactive', lastPingAt: null })],
      message: /^The SSM Agent of mi-0abc is not reporting in \(Inactive\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the answer held a ping status onus does not know',
      resources: [withGap(node(), 'pingStatus', 'collection-error', 'ssm:DescribeInstanceInformation')],
      reason: 'collection-error',
    },
    listingFailed(
      'the managed nodes could not be listed in the region',
      'ssm.managed-instance',
      'ssm:DescribeInstanceInformation',
    ),
  ],
});
