import {
  GetPublicAccessBlockCommand,
  PutPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import type { Collector } from '../../sources/aws/collector.js';
import type { Fix } from './types.js';

const READ = 's3:GetAccountPublicAccessBlock';
const WRITE = 's3:PutAccountPublicAccessBlock';

/** Reads only the account's Block Public Access configuration (the S3 collector reads every bucket too). */
export const accountPublicAccessBlockReader: Collector = {
  service: 's3',
  global: true,
  actions: [READ],
  kinds: { 's3.account-public-access-block': ['configuration'] },
  async collect(ctx) {
    const control = ctx.client(S3ControlClient);
    const read = await ctx.observe(
      READ,
      () => control.send(new GetPublicAccessBlockCommand({ AccountId: ctx.account })),
      ['NoSuchPublicAccessBlockConfiguration'],
    );
    const configuration = read.ok ? read.value?.PublicAccessBlockConfiguration : undefined;
    ctx.emit({
      kind: 's3.account-public-access-block',
      id: ctx.account,
      arn: null,
      attributes: read.ok
        ? {
            configuration: configuration
              ? {
                  blockPublicAcls: configuration.BlockPublicAcls === true,
                  ignorePublicAcls: configuration.IgnorePublicAcls === true,
                  blockPublicPolicy: configuration.BlockPublicPolicy === true,
                  restrictPublicBuckets: configuration.RestrictPublicBuckets === true,
                }
              : null,
          }
        : {},
      gaps: read.ok ? [] : [read.failure.gap('configuration')],
    });
  },
};

export const accountPublicAccessBlockFix: Fix = {
  name: 's3-account-public-access-block',
  summary: 'turns on all four S3 Block Public Access settings for the account',
  checkIds: ['s3-account-public-access-block'],
  global: true,
  readers: [accountPublicAccessBlockReader],
  writeActions: [WRITE],
  plan({ failing, home }) {
    // All four on is the strictest configuration there is, so nothing stricter can be lost.
    return [
      {
        action: WRITE,
        account: failing.resource.account,
        region: home,
        global: true,
        parameters: {
          AccountId: failing.resource.account,
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      },
    ];
  },
  async send(call, client) {
    await client(S3ControlClient, call.region).send(
      new PutPublicAccessBlockCommand({
        AccountId: call.account,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
    );
  },
};
