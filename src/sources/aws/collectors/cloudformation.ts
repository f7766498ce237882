import { CloudFormationClient, paginateDescribeStacks } from '@aws-sdk/client-cloudformation';
import type { Collector } from '../collector.js';
import { allPages, conform, tagsOf, type FilledBy } from './support.js';

const LIST = 'cloudformation:DescribeStacks';

const FILLED_BY: FilledBy<'cloudformation.stack'> = {
  stackId: LIST,
  name: LIST,
  status: LIST,
  terminationProtection: LIST,
  outputs: LIST,
  parameters: LIST,
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
    const stacks = await ctx.call(LIST, () =>
      allPages(paginateDescribeStacks({ client }, {}), (page) => page.Stacks),
    );
    for (const stack of stacks) {
      const stackId = stack.StackId;
      // A deleted stack is history, not something in the account.
      if (!stackId || stack.StackStatus === 'DELETE_COMPLETE') continue;
      ctx.emit({
        kind: 'cloudformation.stack',
        id: stackId,
        arn: stackId,
        tags: tagsOf(stack.Tags),
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
            // A value resolved from Parameter Store comes back in ResolvedValue; ParameterValue is then its name.
            parameters: (stack.Parameters ?? []).map((parameter) => ({
              key: parameter.ParameterKey,
              value: parameter.ParameterValue ?? '',
              resolvedFromSsm: parameter.ResolvedValue !== undefined,
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
