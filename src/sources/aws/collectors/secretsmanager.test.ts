import {
  GetResourcePolicyCommand,
  ListSecretsCommand,
  SecretsManagerClient,
  type RotationRulesType,
  type SecretListEntry,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import rotationCheck from '../../../checks/secretsmanager/secretsmanager-secret-rotation-enabled.js';
import type { Check } from '../../../core/check.js';
import { runChecks } from '../../../core/engine.js';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, NOW, REGION } from '../../../testing/builders.js';
import { loadCollected, snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { secretsmanagerCollector } from './secretsmanager.js';

const secretsmanager = mockClient(SecretsManagerClient);
const KINDS = Object.keys(secretsmanagerCollector.kinds);

const arnOf = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-AbCdEf`;
const CREATED = new Date('2025-03-30T09:14:03Z');
const SHARED_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:role/reader' },
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
    },
  ],
};

const secret = (name: string, overrides: Partial<SecretListEntry> = {}): SecretListEntry => ({
  ARN: arnOf(name),
  Name: name,
  CreatedDate: CREATED,
  ...overrides,
});

const rotating = (name: string, rules: RotationRulesType, overrides: Partial<SecretListEntry> = {}) =>
  secret(name, {
    RotationEnabled: true,
    RotationLambdaARN: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:rotate`,
    RotationRules: rules,
    LastRotatedDate: new Date('2026-05-20T03:00:00Z'),
    ...overrides,
  });

/** What a user would see: the check's status per resource id. */
function verdicts(sink: CollectionSink, check: Check): Record<string, string> {
  const loaded = loadCollected(sink, KINDS);
  if (!loaded.ok) throw new Error(loaded.error);
  const results = runChecks(loaded.inventory, [check], { now: NOW, thresholds: {} });
  return Object.fromEntries(results.map((result) => [result.resource.id, result.status]));
}

/** Collects one page holding `secrets` and returns each secret's rotationIntervalDays by name. */
async function intervals(...secrets: SecretListEntry[]): Promise<Record<string, unknown>> {
  secretsmanager.on(ListSecretsCommand).resolves({ SecretList: secrets });
  const sink = await collectWith(secretsmanagerCollector);
  expect(snapshotProblem(sink, KINDS)).toBeNull();
  return Object.fromEntries(
    sink.resources.map((r) => [r.attributes.name, r.attributes.rotationIntervalDays]),
  );
}

describe('secretsmanager collector', () => {
  beforeEach(() => {
    secretsmanager.reset();
    // A secret without a resource policy answers without ResourcePolicy.
    secretsmanager.on(GetResourcePolicyCommand).resolves({});
  });

  it('reports every secret across ListSecrets pages, with every attribute of the kind', async () => {
    secretsmanager
      .on(GetResourcePolicyCommand, { SecretId: arnOf('prod/db') })
      .resolves({ ResourcePolicy: JSON.stringify(SHARED_POLICY) });
    secretsmanager
      .on(ListSecretsCommand)
      .resolvesOnce({
        SecretList: [
          rotating(
            'prod/db',
            { AutomaticallyAfterDays: 30 },
            {
              KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
              Tags: [{ Key: 'team', Value: 'storefront' }],
              LastAccessedDate: new Date('2026-05-30T00:00:00Z'),
            },
          ),
        ],
        NextToken: 'page2',
      })
      .resolvesOnce({ SecretList: [secret('prod/stripe-key')] });
    const sink = await collectWith(secretsmanagerCollector);

    expect(sink.resources).toEqual([
      {
        kind: 'secretsmanager.secret',
        id: arnOf('prod/db'),
        arn: arnOf('prod/db'),
        region: REGION,
        tags: { team: 'storefront' },
        attributes: {
          name: 'prod/db',
          rotationEnabled: true,
          rotationIntervalDays: 30,
          lastRotatedAt: '2026-05-20T03:00:00.000Z',
          createdAt: '2025-03-30T09:14:03.000Z',
          kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
          policy: SHARED_POLICY,
          lastAccessedAt: '2026-05-30',
        },
        gaps: [],
      },
      {
        kind: 'secretsmanager.secret',
        id: arnOf('prod/stripe-key'),
        arn: arnOf('prod/stripe-key'),
        region: REGION,
        tags: {},
        attributes: {
          name: 'prod/stripe-key',
          rotationEnabled: false,
          rotationIntervalDays: null,
          lastRotatedAt: null,
          createdAt: '2025-03-30T09:14:03.000Z',
          kmsKeyId: null,
          policy: null,
          lastAccessedAt: null,
        },
        gaps: [],
      },
    ]);
    expect(secretsmanager.commandCalls(ListSecretsCommand)).toHaveLength(2);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
    expect(verdicts(sink, rotationCheck)).toEqual({
      [arnOf('prod/db')]: 'PASS',
      [arnOf('prod/stripe-key')]: 'FAIL',
    });
  });

  it('reports a region without secrets as no resources and no gap', async () => {
    secretsmanager.on(ListSecretsCommand).resolves({ SecretList: [] });
    const sink = await collectWith(secretsmanagerCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied ListSecrets into a gap on the kind, naming the action', async () => {
    secretsmanager.on(ListSecretsCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(secretsmanagerCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      kindGap('secretsmanager.secret', 'access-denied', 'secretsmanager:ListSecrets'),
    ]);
    expect(verdicts(sink, rotationCheck)).toEqual({ '*': 'NOT_EVALUATED' });
  });

  it('gaps the kind as throttled when a later page is throttled for good, reporting no partial list', async () => {
    secretsmanager
      .on(ListSecretsCommand)
      .resolvesOnce({ SecretList: [secret('first')], NextToken: 'page2' })
      .rejectsOnce(awsError('ThrottlingException', 400));
    const sink = await collectWith(secretsmanagerCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'secretsmanager.secret',
        reason: 'throttled',
        action: 'secretsmanager:ListSecrets',
      }),
    ]);
  });

  it('derives the rotation interval in days from the rules and the schedule expression', async () => {
    expect(
      await intervals(
        rotating('days', { AutomaticallyAfterDays: 45 }),
        rotating('rate-days', { ScheduleExpression: 'rate(30 days)' }),
        rotating('rate-one-day', { ScheduleExpression: 'rate(1 day)' }),
        rotating('rate-hours', { ScheduleExpression: 'rate(4 hours)', Duration: '1h' }),
        rotating('rate-36-hours', { ScheduleExpression: 'rate(36 hours)' }),
        rotating('rate-and-days', { ScheduleExpression: 'rate(10 days)', AutomaticallyAfterDays: 10 }),
        rotating('cron', { ScheduleExpression: 'cron(0 16 1,15 * ? *)', Duration: '2h' }),
        rotating('cron-computed', { ScheduleExpression: 'cron(0 8 1 * ? *)', AutomaticallyAfterDays: 31 }),
        rotating('no-rules', {}),
      ),
    ).toEqual({
      days: 45,
      'rate-days': 30,
      'rate-one-day': 1,
      // Rounded up to whole days: an upper bound on the interval, never shorter than the real one.
      'rate-hours': 1,
      'rate-36-hours': 2,
      'rate-and-days': 10,
      cron: null,
      'cron-computed': 31,
      'no-rules': null,
    });
  });

  it('gives a secret that no longer rotates no interval, whatever rules are left over', async () => {
    expect(
      await intervals(
        rotating('stopped', { ScheduleExpression: 'rate(30 days)' }, { RotationEnabled: false }),
      ),
    ).toEqual({ stopped: null });
  });

  it('lets the rotation check tell a long schedule from an unknown one', async () => {
    secretsmanager.on(ListSecretsCommand).resolves({
      SecretList: [
        rotating('yearly', { ScheduleExpression: 'rate(365 days)' }),
        rotating('cron', { ScheduleExpression: 'cron(0 16 1,15 * ? *)' }),
      ],
    });
    const sink = await collectWith(secretsmanagerCollector);
    expect(verdicts(sink, rotationCheck)).toEqual({
      [arnOf('yearly')]: 'FAIL',
      [arnOf('cron')]: 'NOT_EVALUATED',
    });
  });

  it('gaps createdAt instead of inventing a date when ListSecrets gives none', async () => {
    secretsmanager
      .on(ListSecretsCommand)
      .resolves({ SecretList: [secret('odd', { CreatedDate: undefined })] });
    const sink = await collectWith(secretsmanagerCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'createdAt', action: 'secretsmanager:ListSecrets' }),
    ]);
    expect(sink.resources[0]?.attributes).not.toHaveProperty('createdAt');
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps a secret whose resource policy was denied, with a gap on its policy alone', async () => {
    secretsmanager.on(ListSecretsCommand).resolves({ SecretList: [secret('locked')] });
    secretsmanager.on(GetResourcePolicyCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(secretsmanagerCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'policy',
        reason: 'access-denied',
        action: 'secretsmanager:GetResourcePolicy',
      }),
    ]);
    expect(sink.resources[0]?.attributes).toMatchObject({ name: 'locked', lastAccessedAt: null });
    expect(sink.resources[0]?.attributes).not.toHaveProperty('policy');
    expect(sink.errors).toEqual([expect.objectContaining({ action: 'secretsmanager:GetResourcePolicy' })]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps the policy rather than guessing when it is not JSON', async () => {
    secretsmanager.on(ListSecretsCommand).resolves({ SecretList: [secret('odd')] });
    secretsmanager.on(GetResourcePolicyCommand).resolves({ ResourcePolicy: '{"Statement": [' });
    const sink = await collectWith(secretsmanagerCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'policy', reason: 'collection-error' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });
});
