import { CloudFormationClient, DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { cloudformationCollector } from './cloudformation.js';

const cloudformation = mockClient(CloudFormationClient);
const KINDS = Object.keys(cloudformationCollector.kinds);

const idOf = (name: string) =>
  `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${name}/e722ae60-fe62-11e8-9a0e-0ae8cc519968`;

function stack(name: string, overrides: Partial<Stack> = {}): Stack {
  return {
    StackId: idOf(name),
    StackName: name,
    CreationTime: new Date('2026-01-01T00:00:00Z'),
    StackStatus: 'CREATE_COMPLETE',
    EnableTerminationProtection: true,
    RoleARN: `arn:aws:iam::${ACCOUNT}:role/cfn-deploy`,
    DriftInformation: { StackDriftStatus: 'IN_SYNC' },
    Outputs: [],
    Tags: [],
    ...overrides,
  };
}

const byName = (sink: CollectionSink, name: string) =>
  sink.resources.find((resource) => resource.attributes.name === name);

describe('cloudformation collector', () => {
  beforeEach(() => cloudformation.reset());

  it('reports every stack across pages with its protection, role, drift and outputs', async () => {
    cloudformation
      .on(DescribeStacksCommand)
      .resolvesOnce({
        Stacks: [
          stack('api', {
            Outputs: [
              { OutputKey: 'Endpoint', OutputValue: 'https://api.example.com', Description: 'Public URL' },
              { OutputKey: 'DbPassword', OutputValue: 'hunter2-not-a-real-one', ExportName: 'db-pw' },
            ],
            Parameters: [
              { ParameterKey: 'DbPassword', ParameterValue: '****' },
              { ParameterKey: 'Stage', ParameterValue: 'prod' },
              { ParameterKey: 'AmiId', ParameterValue: '/aws/service/ami', ResolvedValue: 'ami-0abc' },
            ],
            Tags: [{ Key: 'team', Value: 'payments' }],
          }),
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        Stacks: [
          stack('legacy', {
            EnableTerminationProtection: false,
            RoleARN: undefined,
            DriftInformation: { StackDriftStatus: 'DRIFTED' },
            StackStatus: 'UPDATE_ROLLBACK_COMPLETE',
            Outputs: undefined,
          }),
        ],
      });

    const sink = await collectWith(cloudformationCollector);

    expect(byName(sink, 'api')).toEqual({
      kind: 'cloudformation.stack',
      id: idOf('api'),
      arn: idOf('api'),
      region: REGION,
      tags: { team: 'payments' },
      attributes: {
        stackId: idOf('api'),
        name: 'api',
        status: 'CREATE_COMPLETE',
        terminationProtection: true,
        // Output values are kept as they are, for the secret scanner; output formats redact them.
        outputs: [
          { key: 'Endpoint', value: 'https://api.example.com', description: 'Public URL' },
          { key: 'DbPassword', value: 'hunter2-not-a-real-one', description: null },
        ],
        // Parameter values as DescribeStacks shows them: NoEcho ones masked, SSM-typed ones by name.
        parameters: [
          { key: 'DbPassword', value: '****', resolvedFromSsm: false },
          { key: 'Stage', value: 'prod', resolvedFromSsm: false },
          { key: 'AmiId', value: '/aws/service/ami', resolvedFromSsm: true },
        ],
        roleArn: `arn:aws:iam::${ACCOUNT}:role/cfn-deploy`,
        driftStatus: 'IN_SYNC',
      },
      gaps: [],
    });
    // A stack without outputs or a service role has [] and null: absence, not gaps.
    expect(byName(sink, 'legacy')).toMatchObject({
      gaps: [],
      attributes: {
        status: 'UPDATE_ROLLBACK_COMPLETE',
        terminationProtection: false,
        outputs: [],
        parameters: [],
        roleArn: null,
        driftStatus: 'DRIFTED',
      },
    });
    expect(cloudformation.commandCalls(DescribeStacksCommand)[1]?.args[0].input.NextToken).toBe('page-2');
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps the parameters of a stack when one comes back without its key, rather than dropping it', async () => {
    cloudformation
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [stack('api', { Parameters: [{ ParameterValue: 'prod' }] })] });
    const sink = await collectWith(cloudformationCollector);
    const [found] = sink.resources;
    expect(found?.attributes).not.toHaveProperty('parameters');
    expect(found?.attributes).toMatchObject({ name: 'api', outputs: [] });
    expect(found?.gaps).toEqual([
      expect.objectContaining({
        field: 'parameters',
        reason: 'collection-error',
        action: 'cloudformation:DescribeStacks',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('leaves deleted stacks out', async () => {
    cloudformation.on(DescribeStacksCommand).resolves({
      Stacks: [stack('live'), stack('old', { StackStatus: 'DELETE_COMPLETE' })],
    });
    const sink = await collectWith(cloudformationCollector);
    expect(sink.resources.map((resource) => resource.attributes.name)).toEqual(['live']);
  });

  it('reports a region without stacks as no resources and no gap', async () => {
    cloudformation.on(DescribeStacksCommand).resolves({ Stacks: [] });
    const sink = await collectWith(cloudformationCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied DescribeStacks into a gap on the kind, naming the IAM action', async () => {
    cloudformation.on(DescribeStacksCommand).rejects(awsError('AccessDenied', 403));
    const sink = await collectWith(cloudformationCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      kindGap('cloudformation.stack', 'access-denied', 'cloudformation:DescribeStacks'),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps the kind as throttled, rather than reporting a partial list, when a later page is throttled', async () => {
    cloudformation
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [stack('api')], NextToken: 'page-2' })
      .rejectsOnce(awsError('Throttling', 400));
    const sink = await collectWith(cloudformationCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'cloudformation.stack',
        reason: 'throttled',
        action: 'cloudformation:DescribeStacks',
      }),
    ]);
  });

  it('gaps the drift status of a stack the response said nothing about, rather than calling it in sync', async () => {
    cloudformation
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [stack('api', { DriftInformation: undefined })] });
    const sink = await collectWith(cloudformationCollector);
    const [found] = sink.resources;
    expect(found?.attributes).not.toHaveProperty('driftStatus');
    expect(found?.gaps).toEqual([
      expect.objectContaining({
        field: 'driftStatus',
        reason: 'not-collected',
        action: 'cloudformation:DescribeStacks',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });
});
