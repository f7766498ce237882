import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  paginateListTables,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, missing, regionalArn } from './support.js';

type TableAttributes = AttributesOf<'dynamodb.table'>;

/** The fields DescribeTable fills: a failed DescribeTable leaves a gap on each. */
const DESCRIBED = ['sseType', 'kmsKeyArn', 'deletionProtection', 'billingMode'] as const;
type Described = Pick<TableAttributes, (typeof DESCRIBED)[number]>;

/** The most table names ListTables returns per page. */
const PAGE_SIZE = 100;

export const dynamodbCollector: Collector = {
  service: 'dynamodb',
  global: false,
  actions: ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'dynamodb:DescribeContinuousBackups'],
  kinds: {
    'dynamodb.table': ['name', ...DESCRIBED, 'pointInTimeRecovery'],
  },
  async collect(ctx) {
    const client = ctx.client(DynamoDBClient);
    // A failed listing throws out of collect(): the runner records a gap on dynamodb.table here.
    const names = await ctx.call('dynamodb:ListTables', () =>
      allPages(paginateListTables({ client, pageSize: PAGE_SIZE }, {}), (page) => page.TableNames),
    );
    await Promise.all(names.map((name) => collectTable(ctx, client, name)));
  },
};

async function collectTable(ctx: CollectorContext, client: DynamoDBClient, name: string): Promise<void> {
  const [table, backups] = await Promise.all([
    ctx.observe('dynamodb:DescribeTable', async () => {
      const output = await client.send(new DescribeTableCommand({ TableName: name }));
      return output.Table;
    }),
    ctx.observe('dynamodb:DescribeContinuousBackups', async () => {
      const output = await client.send(new DescribeContinuousBackupsCommand({ TableName: name }));
      return output.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
    }),
  ]);
  const attributes: Partial<TableAttributes> = { name };
  const gaps: Gap[] = [];
  if (table.ok && table.value) Object.assign(attributes, describedFrom(table.value));
  else {
    const gapOf = table.ok
      ? (field: string) => missing(field, 'dynamodb:DescribeTable', 'DescribeTable gave no Table')
      : (field: string) => table.failure.gap(field);
    gaps.push(...DESCRIBED.map(gapOf));
  }
  if (!backups.ok) gaps.push(backups.failure.gap('pointInTimeRecovery'));
  else if (backups.value) attributes.pointInTimeRecovery = backups.value === 'ENABLED';
  else {
    gaps.push(
      missing(
        'pointInTimeRecovery',
        'dynamodb:DescribeContinuousBackups',
        'no PointInTimeRecoveryStatus in the response',
      ),
    );
  }
  ctx.emit({
    kind: 'dynamodb.table',
    id: name,
    arn: (table.ok ? table.value?.TableArn : undefined) ?? regionalArn(ctx, 'dynamodb', `table/${name}`),
    attributes,
    gaps,
  });
}

/**
 * What DescribeTable says. A table without SSEDescription uses the AWS owned key (the default). Deletion
 * protection is off unless the table says it is on, and a table without BillingModeSummary is provisioned
 * (DynamoDB leaves it out for provisioned tables created before on-demand existed).
 */
function describedFrom(table: TableDescription): Described {
  const sse = table.SSEDescription;
  const kms = sse?.SSEType === 'KMS' && sse.Status !== 'DISABLED';
  return {
    sseType: kms ? 'KMS' : 'AWS_OWNED',
    kmsKeyArn: kms ? (sse.KMSMasterKeyArn ?? null) : null,
    deletionProtection: table.DeletionProtectionEnabled === true,
    billingMode: table.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
  };
}
