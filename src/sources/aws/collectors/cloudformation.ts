import { CloudFormationClient, paginateDescribeStacks, type Stack } from '@aws-sdk/client-cloudformation';
import type { Collector } from '../collector.js';
import { conform, type FilledBy } from './conform.js';

const LIST = 'cloudformation:DescribeStacks';

const FILLED_BY: FilledBy<'cloudformation.stack'> = {
  stackId: LIST,
  name: LIST,
  status: LIST,
  terminationProtection: LIST,
  outputs: LIST,
  roleArn: LIST,
  driftStatus: LIST,
};

export const cloudformationCollector: Collector = {
  service: 'cloudformation',
  global: false,
  actions: [LIST],
  kinds: { 'cloudformation.stack': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(CloudFormationClient);
    // DescribeStacks carries every field of the kind, outputs included. A failed page throws out of
    // collect(): the runner records a gap on cloudformation.stack here rather than a partial list.
    const stacks = await ctx.call(LIST, async () => {
      const found: Stack[] = [];
      for await (const page of paginateDescribeStacks({ client }, {})) found.push(...(page.Stacks ?? []));
      return found;
    });
    for (const stack of stacks) {
      const stackId = stack.StackId;
      // A deleted stack is history, not something in the account.
      if (!stackId || stack.StackStatus === 'DELETE_COMPLETE') continue;
      const tags: Record<string, string> = {};
      for (const tag of stack.Tags ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
      ctx.emit({
        kind: 'cloudformation.stack',
        id: stackId,
        arn: stackId,
        tags,
        ...conform(
          'cloudformation.stack',
          {
            stackId,
            name: stack.StackName,
            status: stack.StackStatus,
            terminationProtection: stack.EnableTerminationProtection,
            outputs: (stack.Outputs ?? []).map((output) => ({
              key: output.OutputKey,
              value: output.OutputValue,
              description: output.Description ?? null,
            })),
            roleArn: stack.RoleARN ?? null,
            driftStatus: stack.DriftInformation?.StackDriftStatus,
          },
          [],
          FILLED_BY,
        ),
      });
    }
  },
};
