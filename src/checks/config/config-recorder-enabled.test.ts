import { describe, expect, it } from 'vitest';
import type { ConfigRecorderSettings } from '../../core/kinds/monitoring.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { listingFailed, runCase, testCheck } from '../../testing/check-tester.js';
import check from './config-recorder-enabled.js';

const RECORDING: ConfigRecorderSettings = {
  name: 'default',
  allSupported: true,
  includeGlobalResourceTypes: true,
  recording: true,
  lastStatus: 'Success',
};
const config = (recorders: ConfigRecorderSettings[], region = REGION) =>
  resource(
    'config.recorder',
    region,
    { recorders, deliveryChannelConfigured: recorders.length > 0 },
    { region },
  );

testCheck(check, {
  pass: [
    {
      name: 'the recorder records everything, global IAM types included',
      resources: [config([RECORDING])],
      message: /^Recorder default is recording all supported resource types, global IAM types included$/,
    },
    {
      name: 'a region recording everything but the global IAM types',
      resources: [config([{ ...RECORDING, includeGlobalResourceTypes: false }])],
      message: /types$/,
    },
    {
      name: 'a recorder just started that has not recorded yet',
      resources: [config([{ ...RECORDING, lastStatus: null }])],
    },
  ],
  fail: [
    {
      name: 'AWS Config was never set up in the region',
      resources: [config([])],
      message: /no configuration recorder/,
    },
    {
      name: 'the region has no Config record at all',
      resources: [],
      regions: [REGION],
      message: /no configuration recorder/,
    },
    {
      name: 'the recorder was stopped',
      resources: [config([{ ...RECORDING, recording: false }])],
      message: /default \(not recording\)/,
    },
    {
      name: 'the recorder records only a few chosen resource types',
      resources: [config([{ ...RECORDING, allSupported: false }])],
      message: /records selected resource types only/,
    },
    {
      name: 'the recorder is started but its last recording attempt failed',
      resources: [config([{ ...RECORDING, lastStatus: 'Failure' }])],
      message: /last recording attempt failed/,
    },
  ],
  notEvaluated: [
    {
      name: 'the recorder status could not be read',
      resources: [
        withGap(
          config([RECORDING]),
          'recorders',
          'access-denied',
          'config:DescribeConfigurationRecorderStatus',
        ),
      ],
      reason: 'access-denied',
    },
    listingFailed(
      'AWS Config could not be queried in the region',
      'config.recorder',
      'config:DescribeConfigurationRecorders',
      'throttled',
    ),
  ],
});

describe('config-recorder-enabled evidence', () => {
  it('lists each recorder with what keeps it from counting', () => {
    const [result] = runCase(check, {
      name: 'stopped',
      resources: [config([{ ...RECORDING, recording: false, allSupported: false }])],
    });
    expect(result?.evidence).toEqual({
      recorders: [
        {
          ...RECORDING,
          recording: false,
          allSupported: false,
          problems: ['not recording', 'records selected resource types only'],
        },
      ],
    });
  });
});
