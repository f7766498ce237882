import { paginateDescribeParameters, SSMClient } from '@aws-sdk/client-ssm';
import type { Collector } from '../collector.js';
import { allPages, conform, regionalArn, type FilledBy } from './support.js';

const LIST = 'ssm:DescribeParameters';

const FILLED_BY: FilledBy<'ssm.parameter'> = {
  name: LIST,
  type: LIST,
  keyId: LIST,
  lastModifiedDate: LIST,
  tier: LIST,
};
/** The most DescribeParameters returns per page. */
const PAGE_SIZE = 50;

export const ssmCollector: Collector = {
  service: 'ssm',
  global: false,
  actions: [LIST],
  kinds: { 'ssm.parameter': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(SSMClient);
    // Metadata only: onus never reads parameter values (no ssm:GetParameter*), so it never holds a secret it
    // does not need. A failed page throws out of collect(): the runner records a gap on ssm.parameter here.
    const parameters = await ctx.call(LIST, () =>
      allPages(paginateDescribeParameters({ client, pageSize: PAGE_SIZE }, {}), (page) => page.Parameters),
    );
    for (const parameter of parameters) {
      const name = parameter.Name;
      if (!name) continue;
      const type = parameter.Type;
      const path = name.startsWith('/') ? name : `/${name}`;
      ctx.emit({
        kind: 'ssm.parameter',
        id: name,
        arn: parameter.ARN ?? regionalArn(ctx, 'ssm', `parameter${path}`),
        ...conform(
          'ssm.parameter',
          {
            name,
            type,
            // Only a SecureString has a key; a SecureString the response gave none for is a gap, not null.
            keyId: type === 'SecureString' ? parameter.KeyId : (parameter.KeyId ?? null),
            lastModifiedDate: parameter.LastModifiedDate?.toISOString(),
            tier: parameter.Tier,
          },
          [],
          FILLED_BY,
        ),
      });
    }
  },
};
