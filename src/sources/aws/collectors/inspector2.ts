import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import type { Collector } from '../collector.js';
import { conform, incompleteResponse, type Draft, type FilledBy } from './support.js';

const STATUS = 'inspector2:BatchGetAccountStatus';

const FILLED_BY: FilledBy<'inspector2.account'> = {
  ec2: STATUS,
  ecr: STATUS,
  lambda: STATUS,
  lambdaCode: STATUS,
};

export const inspector2Collector: Collector = {
  service: 'inspector2',
  global: false,
  actions: [STATUS],
  kinds: { 'inspector2.account': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(Inspector2Client);
    // Without account ids the call answers for the caller's own account. A failed call throws out of
    // collect(): the runner records a gap on inspector2.account in the region.
    const answer = await ctx.call(STATUS, () => client.send(new BatchGetAccountStatusCommand({})));
    const account = answer.accounts?.find((candidate) => candidate.accountId === ctx.account);
    if (!account) {
      const failed = answer.failedAccounts?.find((candidate) => candidate.accountId === ctx.account);
      const detail = failed
        ? `${failed.errorCode ?? 'failed'}: ${failed.errorMessage ?? 'no message'}`
        : 'the answer did not include the account';
      ctx.kindGap('inspector2.account', incompleteResponse(STATUS, detail));
      return;
    }
    const resources = account.resourceState;
    // Lambda scanning is missing from the answer where the region does not offer it: absent, not unknown.
    const draft: Draft<'inspector2.account'> = {
      ec2: resources?.ec2?.status,
      ecr: resources?.ecr?.status,
      lambda: resources ? (resources.lambda?.status ?? null) : undefined,
      lambdaCode: resources ? (resources.lambdaCode?.status ?? null) : undefined,
    };
    ctx.emit({
      kind: 'inspector2.account',
      id: ctx.region,
      arn: null,
      ...conform('inspector2.account', draft, [], FILLED_BY),
    });
  },
};
