import {
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  LambdaClient,
  ListFunctionsCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { collectedAttributes, reloadedAttributes } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { lambdaCollector } from './lambda.js';

const lambda = mockClient(LambdaClient);
const KINDS = Object.keys(lambdaCollector.kinds);

const arnOf = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/api-role`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function zip(name: string, overrides: Partial<FunctionConfiguration> = {}): FunctionConfiguration {
  return {
    FunctionName: name,
    FunctionArn: arnOf(name),
    Runtime: 'python3.12',
    PackageType: 'Zip',
    Role: ROLE,
    ...overrides,
  };
}

const PUBLIC_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl', Resource: arnOf('api') },
  ],
};

/** Functions on one page, none with a URL or a policy. */
function account(functions: FunctionConfiguration[]) {
  lambda.on(ListFunctionsCommand).resolves({ Functions: functions });
  lambda.on(GetFunctionUrlConfigCommand).rejects(awsError('ResourceNotFoundException', 404));
  lambda.on(GetPolicyCommand).rejects(awsError('ResourceNotFoundException', 404));
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

describe('lambda collector', () => {
  beforeEach(() => lambda.reset());

  it('reports every function across ListFunctions pages, with its URL and policy', async () => {
    account([]);
    lambda
      .on(ListFunctionsCommand)
      .resolvesOnce({
        Functions: [
          zip('api', {
            Environment: { Variables: { DB_HOST: 'db.internal', DB_PASSWORD: 'hunter2' } },
            KMSKeyArn: KEY,
            VpcConfig: { VpcId: 'vpc-1', SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] },
          }),
        ],
        NextMarker: 'page-2',
      })
      .resolvesOnce({
        Functions: [
          {
            FunctionName: 'worker',
            FunctionArn: arnOf('worker'),
            PackageType: 'Image',
            Role: ROLE,
            // Lambda answers an empty VpcConfig for functions outside any VPC.
            VpcConfig: { VpcId: '', SubnetIds: [], SecurityGroupIds: [] },
          },
        ],
      });
    lambda.on(GetFunctionUrlConfigCommand, { FunctionName: 'api' }).resolves({ AuthType: 'NONE' });
    lambda.on(GetPolicyCommand, { FunctionName: 'api' }).resolves({ Policy: JSON.stringify(PUBLIC_POLICY) });
    const sink = await collectWith(lambdaCollector);

    expect(sink.resources.map((resource) => resource.id).sort()).toEqual(['api', 'worker']);
    expect(lambda.commandCalls(ListFunctionsCommand)).toHaveLength(2);
    expect(byId(sink, 'api')).toEqual({
      kind: 'lambda.function',
      id: 'api',
      arn: arnOf('api'),
      region: REGION,
      attributes: {
        name: 'api',
        runtime: 'python3.12',
        packageType: 'Zip',
        role: ROLE,
        environment: { DB_HOST: 'db.internal', DB_PASSWORD: 'hunter2' },
        kmsKeyArn: KEY,
        vpcConfigured: true,
        urlAuthType: 'NONE',
        policy: PUBLIC_POLICY,
      },
      gaps: [],
    });
    // A container image has no runtime; no URL and no policy are observed absences, not gaps.
    expect(byId(sink, 'worker')).toMatchObject({
      attributes: {
        runtime: null,
        packageType: 'Image',
        environment: {},
        kmsKeyArn: null,
        vpcConfigured: false,
        urlAuthType: null,
        policy: null,
      },
      gaps: [],
    });
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('reports a region without functions as no resources and no gap, asking nothing more', async () => {
    account([]);
    const sink = await collectWith(lambdaCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
    expect(lambda.commandCalls(GetPolicyCommand)).toHaveLength(0);
  });

  it('turns a denied ListFunctions into a gap on the kind, naming the action', async () => {
    lambda.on(ListFunctionsCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(lambdaCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('lambda.function', 'access-denied', 'lambda:ListFunctions')]);
  });

  it('keeps a function whose GetPolicy was denied, with a gap on policy only', async () => {
    account([zip('api')]);
    lambda.on(GetPolicyCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(lambdaCollector);
    const [fn] = sink.resources;
    expect(fn?.gaps).toEqual([
      expect.objectContaining({ field: 'policy', reason: 'access-denied', action: 'lambda:GetPolicy' }),
    ]);
    expect(fn?.attributes).not.toHaveProperty('policy');
    expect(fn?.attributes).toMatchObject({ name: 'api', urlAuthType: null, environment: {} });
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('keeps a function whose GetFunctionUrlConfig was denied, with a gap on urlAuthType only', async () => {
    account([zip('api')]);
    lambda.on(GetFunctionUrlConfigCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(lambdaCollector);
    const [fn] = sink.resources;
    expect(fn?.gaps).toEqual([
      expect.objectContaining({
        field: 'urlAuthType',
        reason: 'access-denied',
        action: 'lambda:GetFunctionUrlConfig',
      }),
    ]);
    expect(fn?.attributes).not.toHaveProperty('urlAuthType');
    expect(fn?.attributes).toMatchObject({ policy: null });
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('gaps policy as throttled when GetPolicy is throttled for good', async () => {
    account([zip('api')]);
    lambda.on(GetPolicyCommand).rejects(awsError('TooManyRequestsException', 429));
    const sink = await collectWith(lambdaCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'policy', reason: 'throttled', action: 'lambda:GetPolicy' }),
    ]);
  });

  it('gaps the environment when Lambda could not show it, rather than reporting no variables', async () => {
    account([
      zip('api', {
        Environment: { Error: { ErrorCode: 'KMSAccessDeniedException', Message: 'cannot decrypt' } },
      }),
    ]);
    const sink = await collectWith(lambdaCollector);
    const [fn] = sink.resources;
    expect(fn?.attributes).not.toHaveProperty('environment');
    expect(fn?.gaps).toEqual([
      expect.objectContaining({
        field: 'environment',
        action: 'lambda:ListFunctions',
        detail: expect.stringContaining('KMSAccessDeniedException'),
      }),
    ]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('gaps a policy that is not a JSON object instead of reporting none', async () => {
    account([zip('api')]);
    lambda.on(GetPolicyCommand).resolves({ Policy: 'not json' });
    const sink = await collectWith(lambdaCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'policy', reason: 'collection-error', action: 'lambda:GetPolicy' }),
    ]);
  });

  it('reads a function from before container images (no PackageType) as a .zip with its runtime', async () => {
    account([zip('legacy', { PackageType: undefined, Runtime: 'nodejs20.x' })]);
    const sink = await collectWith(lambdaCollector);
    expect(sink.resources[0]).toMatchObject({
      attributes: { packageType: 'Zip', runtime: 'nodejs20.x' },
      gaps: [],
    });
  });
});
