import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  type ConfigurationRecorder,
  type ConfigurationRecorderStatus,
} from '@aws-sdk/client-config-service';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import { RECORDER_STATUSES, type ConfigRecorderSettings } from '../../../core/kinds/monitoring.js';
import type { Collector } from '../collector.js';
import { AwsCallFailed } from '../errors.js';

const STATUS_ACTION = 'config:DescribeConfigurationRecorderStatus';

export const configCollector: Collector = {
  service: 'config',
  global: false,
  actions: ['config:DescribeConfigurationRecorders', STATUS_ACTION, 'config:DescribeDeliveryChannels'],
  kinds: { 'config.recorder': ['recorders', 'deliveryChannelConfigured'] },
  async collect(ctx) {
    const client = ctx.client(ConfigServiceClient);
    // Without a name, both Describe calls answer for the account's customer managed recorder (at most one per
    // region); service-linked recorders, which record only for the service that owns them, are left out.
    // None of the three is paginated.
    const [recorders, statuses, channels] = await Promise.all([
      ctx.observe('config:DescribeConfigurationRecorders', () =>
        client.send(new DescribeConfigurationRecordersCommand({})),
      ),
      ctx.observe(STATUS_ACTION, () => client.send(new DescribeConfigurationRecorderStatusCommand({}))),
      ctx.observe('config:DescribeDeliveryChannels', () =>
        client.send(new DescribeDeliveryChannelsCommand({})),
      ),
    ]);

    const attributes: Partial<AttributesOf<'config.recorder'>> = {};
    const gaps: Gap[] = [];
    // Each recorder's settings come from one call and its state from the other: either failing hides the field.
    if (!recorders.ok) gaps.push(recorders.failure.gap('recorders'));
    else if (!statuses.ok) gaps.push(statuses.failure.gap('recorders'));
    else {
      const settings = settingsOf(
        recorders.value?.ConfigurationRecorders ?? [],
        statuses.value?.ConfigurationRecordersStatus ?? [],
      );
      if (settings instanceof AwsCallFailed) gaps.push(settings.gap('recorders'));
      else attributes.recorders = settings;
    }
    if (channels.ok)
      attributes.deliveryChannelConfigured = (channels.value?.DeliveryChannels ?? []).length > 0;
    else gaps.push(channels.failure.gap('deliveryChannelConfigured'));

    ctx.emit({ kind: 'config.recorder', id: ctx.region, arn: null, attributes, gaps });
  },
};

/** Each recorder with its status, or why that could not be told. */
function settingsOf(
  recorders: readonly ConfigurationRecorder[],
  statuses: readonly ConfigurationRecorderStatus[],
): ConfigRecorderSettings[] | AwsCallFailed {
  const settings: ConfigRecorderSettings[] = [];
  for (const recorder of recorders) {
    const name = recorder.name ?? '';
    const status = statuses.find((candidate) => candidate.name === name);
    // A recorder the status call did not report is not assumed stopped (nor running): the field is a gap.
    if (!status)
      return new AwsCallFailed(
        STATUS_ACTION,
        'not-collected',
        'MissingStatus',
        `no status for recorder ${name}`,
      );
    const lastStatus = status.lastStatus;
    if (lastStatus !== undefined && !(RECORDER_STATUSES as readonly string[]).includes(lastStatus))
      return new AwsCallFailed(
        STATUS_ACTION,
        'not-collected',
        'UnknownStatus',
        `unrecognized status ${lastStatus}`,
      );
    const group = recorder.recordingGroup;
    settings.push({
      name,
      // Flags Config leaves out are not set: a recorder is only credited with what it says it records.
      allSupported: group?.allSupported === true,
      includeGlobalResourceTypes: group?.includeGlobalResourceTypes === true,
      recording: status.recording === true,
      lastStatus: lastStatus ?? null,
    });
  }
  return settings;
}
