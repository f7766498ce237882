import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { configCollector } from './config.js';

const config = mockClient(ConfigServiceClient);

const KINDS = Object.keys(configCollector.kinds);

/** Config set up the CIS way: one recorder recording everything, global IAM types included, delivering to S3. */
function recordingEverything() {
  config.on(DescribeConfigurationRecordersCommand).resolves({
    ConfigurationRecorders: [
      {
        name: 'default',
        roleARN: 'arn:aws:iam::111122223333:role/config',
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      },
    ],
  });
  config.on(DescribeConfigurationRecorderStatusCommand).resolves({
    ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'Success' }],
  });
  config
    .on(DescribeDeliveryChannelsCommand)
    .resolves({ DeliveryChannels: [{ name: 'default', s3BucketName: 'config-bucket' }] });
}

describe('config collector', () => {
  beforeEach(() => config.reset());

  it('reports the region with its recorder, what it records, whether it runs, and the delivery channel', async () => {
    recordingEverything();
    const sink = await collectWith(configCollector);
    expect(sink.resources).toEqual([
      {
        kind: 'config.recorder',
        id: REGION,
        arn: null,
        region: REGION,
        attributes: {
          recorders: [
            {
              name: 'default',
              allSupported: true,
              includeGlobalResourceTypes: true,
              recording: true,
              lastStatus: 'Success',
            },
          ],
          deliveryChannelConfigured: true,
        },
        gaps: [],
      },
    ]);
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports a region where Config was never set up as data: no recorders, no channel, no gap', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [] });
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [] });
    config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [] });
    const sink = await collectWith(configCollector);
    expect(sink.resources).toEqual([
      expect.objectContaining({
        id: REGION,
        attributes: { recorders: [], deliveryChannelConfigured: false },
        gaps: [],
      }),
    ]);
    expect(sink.errors).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports a stopped recorder that records only some types, and one that never ran, as they are', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({
      ConfigurationRecorders: [
        { name: 'partial', recordingGroup: { allSupported: false, resourceTypes: [] } },
      ],
    });
    config
      .on(DescribeConfigurationRecorderStatusCommand)
      .resolves({ ConfigurationRecordersStatus: [{ name: 'partial', recording: false }] });
    config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [] });
    const sink = await collectWith(configCollector);
    expect(sink.resources[0]?.attributes.recorders).toEqual([
      {
        name: 'partial',
        allSupported: false,
        includeGlobalResourceTypes: false,
        recording: false,
        lastStatus: null,
      },
    ]);
    expect(sink.resources[0]?.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  const denied = awsError('AccessDeniedException', 400);
  it.each([
    [
      'config:DescribeConfigurationRecorders',
      'recorders',
      () => config.on(DescribeConfigurationRecordersCommand).rejects(denied),
    ],
    [
      'config:DescribeConfigurationRecorderStatus',
      'recorders',
      () => config.on(DescribeConfigurationRecorderStatusCommand).rejects(denied),
    ],
    [
      'config:DescribeDeliveryChannels',
      'deliveryChannelConfigured',
      () => config.on(DescribeDeliveryChannelsCommand).rejects(denied),
    ],
  ] as const)('turns a denied %s into a gap on %s only', async (action, field, deny) => {
    recordingEverything();
    deny();
    const sink = await collectWith(configCollector);
    const [region] = sink.resources;
    expect(region?.gaps).toEqual([expect.objectContaining({ field, reason: 'access-denied', action })]);
    expect(region?.attributes).not.toHaveProperty(field);
    const other = field === 'recorders' ? 'deliveryChannelConfigured' : 'recorders';
    expect(region?.attributes).toHaveProperty(other);
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps recorders as throttled when the recorder status is throttled for good', async () => {
    recordingEverything();
    config.on(DescribeConfigurationRecorderStatusCommand).rejects(awsError('ThrottlingException', 400));
    const sink = await collectWith(configCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'recorders',
        reason: 'throttled',
        action: 'config:DescribeConfigurationRecorderStatus',
      }),
    ]);
  });

  it('gaps recorders rather than calling a recorder without a status stopped', async () => {
    recordingEverything();
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [] });
    const sink = await collectWith(configCollector);
    expect(sink.resources[0]?.attributes).not.toHaveProperty('recorders');
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'recorders',
        reason: 'not-collected',
        detail: expect.stringContaining('default'),
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });
});
