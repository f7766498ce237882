import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { dynamodbCollector } from './dynamodb.js';

const dynamodb = mockClient(DynamoDBClient);
const KINDS = Object.keys(dynamodbCollector.kinds);

const tableArn = (name: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`;

function table(name: string, overrides: Partial<TableDescription> = {}): TableDescription {
  return {
    TableName: name,
    TableArn: tableArn(name),
    TableStatus: 'ACTIVE',
    DeletionProtectionEnabled: true,
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: KEY },
    ...overrides,
  };
}

const pitr = (status: 'ENABLED' | 'DISABLED') => ({
  ContinuousBackupsDescription: {
    ContinuousBackupsStatus: 'ENABLED' as const,
    PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: status },
  },
});

/** Tables as ListTables lists them (one page) and DescribeTable describes them; PITR on. */
function account(tables: TableDescription[]) {
  dynamodb.on(ListTablesCommand).resolves({ TableNames: tables.map((t) => t.TableName ?? '') });
  for (const t of tables)
    dynamodb.on(DescribeTableCommand, { TableName: t.TableName }).resolves({ Table: t });
  dynamodb.on(DescribeContinuousBackupsCommand).resolves(pitr('ENABLED'));
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

describe('dynamodb collector', () => {
  beforeEach(() => dynamodb.reset());

  it('reports every table across ListTables pages, with every attribute of the kind', async () => {
    account([
      table('orders'),
      // No SSEDescription is the AWS owned key; no BillingModeSummary is an old provisioned table.
      table('legacy', {
        SSEDescription: undefined,
        BillingModeSummary: undefined,
        DeletionProtectionEnabled: false,
      }),
    ]);
    dynamodb
      .on(ListTablesCommand)
      .resolvesOnce({ TableNames: ['orders'], LastEvaluatedTableName: 'orders' })
      .resolvesOnce({ TableNames: ['legacy'] });
    dynamodb.on(DescribeContinuousBackupsCommand, { TableName: 'legacy' }).resolves(pitr('DISABLED'));

    const sink = await collectWith(dynamodbCollector);

    expect(byId(sink, 'orders')).toEqual({
      kind: 'dynamodb.table',
      id: 'orders',
      arn: tableArn('orders'),
      region: REGION,
      attributes: {
        name: 'orders',
        sseType: 'KMS',
        kmsKeyArn: KEY,
        pointInTimeRecovery: true,
        deletionProtection: true,
        billingMode: 'PAY_PER_REQUEST',
      },
      gaps: [],
    });
    expect(byId(sink, 'legacy')?.attributes).toEqual({
      name: 'legacy',
      sseType: 'AWS_OWNED',
      kmsKeyArn: null,
      pointInTimeRecovery: false,
      deletionProtection: false,
      billingMode: 'PROVISIONED',
    });
    expect(dynamodb.commandCalls(ListTablesCommand)[1]?.args[0].input.ExclusiveStartTableName).toBe('orders');
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('counts the legacy AES256 type as the AWS owned key', async () => {
    account([table('old', { SSEDescription: { Status: 'ENABLED', SSEType: 'AES256' } })]);
    const sink = await collectWith(dynamodbCollector);
    expect(sink.resources[0]?.attributes).toMatchObject({ sseType: 'AWS_OWNED', kmsKeyArn: null });
  });

  it('reports a region without tables as no resources and no gap', async () => {
    dynamodb.on(ListTablesCommand).resolves({ TableNames: [] });
    const sink = await collectWith(dynamodbCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied ListTables into a gap on the kind, naming the action', async () => {
    dynamodb.on(ListTablesCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(dynamodbCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('dynamodb.table', 'access-denied', 'dynamodb:ListTables')]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps a table whose DescribeTable was denied, with a gap on each field it fills and PITR still read', async () => {
    account([table('orders')]);
    dynamodb.on(DescribeTableCommand).rejects(awsError('AccessDeniedException', 400));

    const sink = await collectWith(dynamodbCollector);

    const [found] = sink.resources;
    expect(found?.attributes).toEqual({ name: 'orders', pointInTimeRecovery: true });
    expect(found?.gaps?.map((gap) => gap.field)).toEqual([
      'sseType',
      'kmsKeyArn',
      'deletionProtection',
      'billingMode',
    ]);
    expect(found?.gaps).toEqual(
      Array(4).fill(expect.objectContaining({ reason: 'access-denied', action: 'dynamodb:DescribeTable' })),
    );
    expect(found?.arn).toBe(tableArn('orders'));
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps a table whose DescribeContinuousBackups was denied, with a gap on pointInTimeRecovery only', async () => {
    account([table('orders')]);
    dynamodb.on(DescribeContinuousBackupsCommand).rejects(awsError('AccessDeniedException', 400));

    const sink = await collectWith(dynamodbCollector);

    const [found] = sink.resources;
    expect(found?.attributes).not.toHaveProperty('pointInTimeRecovery');
    expect(found?.attributes).toMatchObject({ sseType: 'KMS', deletionProtection: true });
    expect(found?.gaps).toEqual([
      expect.objectContaining({
        field: 'pointInTimeRecovery',
        reason: 'access-denied',
        action: 'dynamodb:DescribeContinuousBackups',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gives a throttled gap on pointInTimeRecovery when DescribeContinuousBackups is throttled for good', async () => {
    account([table('orders')]);
    dynamodb.on(DescribeContinuousBackupsCommand).rejects(awsError('ThrottlingException', 400));
    const sink = await collectWith(dynamodbCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'pointInTimeRecovery',
        reason: 'throttled',
        action: 'dynamodb:DescribeContinuousBackups',
      }),
    ]);
  });

  it('leaves pointInTimeRecovery a gap when the answer does not say, rather than assuming it is off', async () => {
    account([table('orders')]);
    dynamodb.on(DescribeContinuousBackupsCommand).resolves({});
    const sink = await collectWith(dynamodbCollector);
    expect(sink.resources[0]?.attributes).not.toHaveProperty('pointInTimeRecovery');
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'pointInTimeRecovery', reason: 'not-collected' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('declares every action it calls', async () => {
    account([table('orders')]);
    const sink = await collectWith(dynamodbCollector);
    expect(sink.errors).toEqual([]);
    const called = dynamodb
      .calls()
      .map((call) => `dynamodb:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(dynamodbCollector.actions));
  });
});
