import {
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import type { Gap } from '../../core/gap.js';
import type { Collector } from '../../sources/aws/collector.js';
import type { Fix } from './types.js';

const READ = 'ec2:GetEbsEncryptionByDefault';
const READ_KEY = 'ec2:GetEbsDefaultKmsKeyId';
const WRITE = 'ec2:EnableEbsEncryptionByDefault';

/** Reads only the Region's EBS encryption default and its key (the EC2 collector reads instances too). */
export const ebsEncryptionByDefaultReader: Collector = {
  service: 'ec2',
  global: false,
  actions: [READ, READ_KEY],
  kinds: { 'ec2.ebs-encryption-by-default': ['enabled', 'kmsKeyId'] },
  async collect(ctx) {
    const client = ctx.client(EC2Client);
    const [enabled, key] = await Promise.all([
      ctx.observe(READ, () => client.send(new GetEbsEncryptionByDefaultCommand({}))),
      ctx.observe(READ_KEY, () => client.send(new GetEbsDefaultKmsKeyIdCommand({}))),
    ]);
    const gaps: Gap[] = [];
    const attributes: { enabled?: boolean; kmsKeyId?: string | null } = {};
    if (enabled.ok) attributes.enabled = enabled.value?.EbsEncryptionByDefault === true;
    else gaps.push(enabled.failure.gap('enabled'));
    if (key.ok) attributes.kmsKeyId = key.value?.KmsKeyId ?? null;
    else gaps.push(key.failure.gap('kmsKeyId'));
    ctx.emit({ kind: 'ec2.ebs-encryption-by-default', id: ctx.region, arn: null, attributes, gaps });
  },
};

export const ebsEncryptionByDefaultFix: Fix = {
  name: 'ebs-encryption-by-default',
  summary:
    'enables EBS encryption by default in each Region where it is off (new volumes only; the default key is kept)',
  checkIds: ['ec2-ebs-encryption-by-default'],
  global: false,
  readers: [ebsEncryptionByDefaultReader],
  writeActions: [WRITE],
  plan({ failing }) {
    return [
      {
        action: WRITE,
        account: failing.resource.account,
        region: failing.resource.region,
        global: false,
        parameters: {},
      },
    ];
  },
  async send(call, client) {
    await client(EC2Client, call.region).send(new EnableEbsEncryptionByDefaultCommand({}));
  },
};
