import {
  DescribeInstanceInformationCommand,
  DescribeParametersCommand,
  ListResourceComplianceSummariesCommand,
  SSMClient,
  type InstanceInformation,
  type ParameterMetadata,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { ssmCollector } from './ssm.js';

const ssm = mockClient(SSMClient);
const KINDS = Object.keys(ssmCollector.kinds);

function parameter(name: string, overrides: Partial<ParameterMetadata> = {}): ParameterMetadata {
  return {
    Name: name,
    ARN: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter${name.startsWith('/') ? '' : '/'}${name}`,
    Type: 'String',
    LastModifiedDate: new Date('2026-05-01T10:00:00Z'),
    LastModifiedUser: `arn:aws:iam::${ACCOUNT}:user/alice`,
    Version: 1,
    Tier: 'Standard',
    DataType: 'text',
    ...overrides,
  };
}

const byName = (sink: CollectionSink, name: string) =>
  sink.resources.find((resource) => resource.id === name);

describe('ssm collector', () => {
  beforeEach(() => {
    ssm.reset();
    ssm.on(DescribeInstanceInformationCommand).resolves({ InstanceInformationList: [] });
  });

  it('reports every parameter across pages with its type, key, date and tier, and never reads a value', async () => {
    ssm
      .on(DescribeParametersCommand)
      .resolvesOnce({ Parameters: [parameter('/app/db/host')], NextToken: 'page-2' })
      .resolvesOnce({
        Parameters: [
          parameter('/app/db/password', { Type: 'SecureString', KeyId: 'alias/aws/ssm', Tier: 'Advanced' }),
          parameter('regions', { Type: 'StringList' }),
        ],
      });

    const sink = await collectWith(ssmCollector);

    expect(byName(sink, '/app/db/password')).toEqual({
      kind: 'ssm.parameter',
      id: '/app/db/password',
      arn: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/app/db/password`,
      region: REGION,
      attributes: {
        name: '/app/db/password',
        type: 'SecureString',
        keyId: 'alias/aws/ssm',
        lastModifiedDate: '2026-05-01T10:00:00.000Z',
        tier: 'Advanced',
      },
      gaps: [],
    });
    // Plain parameters have no key: null, not a gap.
    expect(byName(sink, '/app/db/host')).toMatchObject({
      gaps: [],
      attributes: { type: 'String', keyId: null },
    });
    expect(byName(sink, 'regions')).toMatchObject({
      gaps: [],
      attributes: { type: 'StringList', keyId: null },
    });
    const calls = ssm.commandCalls(DescribeParametersCommand);
    expect(calls[1]?.args[0].input.NextToken).toBe('page-2');
    // No GetParameter* was sent, so no value ever leaves the account.
    expect(ssm.calls().map((call) => call.args[0].constructor.name)).not.toContainEqual(
      expect.stringMatching(/^GetParameter/),
    );
    expect(ssm.commandCalls(DescribeParametersCommand)).toHaveLength(2);
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('builds the ARN of a parameter when the response has none, for names with and without a path', async () => {
    ssm.on(DescribeParametersCommand).resolves({
      Parameters: [parameter('/a/b', { ARN: undefined }), parameter('flat', { ARN: undefined })],
    });
    const sink = await collectWith(ssmCollector);
    expect(sink.resources.map((resource) => resource.arn)).toEqual([
      `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/a/b`,
      `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/flat`,
    ]);
  });

  it('reports a region without parameters as no resources and no gap', async () => {
    ssm.on(DescribeParametersCommand).resolves({ Parameters: [] });
    const sink = await collectWith(ssmCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied DescribeParameters into a gap on the kind, naming the IAM action', async () => {
    ssm.on(DescribeParametersCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(ssmCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('ssm.parameter', 'access-denied', 'ssm:DescribeParameters')]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps the kind as throttled, rather than reporting a partial list, when a later page is throttled', async () => {
    ssm
      .on(DescribeParametersCommand)
      .resolvesOnce({ Parameters: [parameter('/a')], NextToken: 'page-2' })
      .rejectsOnce(awsError('ThrottlingException', 400));
    const sink = await collectWith(ssmCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'ssm.parameter',
        reason: 'throttled',
        action: 'ssm:DescribeParameters',
      }),
    ]);
  });

  it('gaps the key of a SecureString the response gave no key for, rather than calling it unencrypted', async () => {
    ssm.on(DescribeParametersCommand).resolves({ Parameters: [parameter('/s', { Type: 'SecureString' })] });
    const sink = await collectWith(ssmCollector);
    const [found] = sink.resources;
    expect(found?.attributes).not.toHaveProperty('keyId');
    expect(found?.gaps).toEqual([
      expect.objectContaining({ field: 'keyId', reason: 'not-collected', action: 'ssm:DescribeParameters' }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });
});

function managed(id: string, overrides: Partial<InstanceInformation> = {}): InstanceInformation {
  return {
    InstanceId: id,
    PingStatus: 'Online',
    LastPingDateTime: new Date('2026-05-31T23:55:00Z'),
    AgentVersion: '3.3.1142.0',
    PlatformType: 'Linux',
    ResourceType: 'EC2Instance',
    ...overrides,
  };
}

const patch = (id: string, status: 'COMPLIANT' | 'NON_COMPLIANT') => ({
  ComplianceType: 'Patch',
  ResourceType: 'ManagedInstance',
  ResourceId: id,
  Status: status,
});

describe('ssm collector: managed instances', () => {
  beforeEach(() => {
    ssm.reset();
    ssm.on(DescribeParametersCommand).resolves({ Parameters: [] });
  });

  it('reports each managed instance with its agent and its patch compliance, across pages', async () => {
    ssm
      .on(DescribeInstanceInformationCommand)
      .resolvesOnce({ InstanceInformationList: [managed('i-0aaa')], NextToken: 'page-2' })
      .resolvesOnce({
        InstanceInformationList: [
          managed('i-0bbb', { PingStatus: 'ConnectionLost' }),
          managed('mi-0ccc', {
            PlatformType: 'Windows',
            AgentVersion: undefined,
            LastPingDateTime: undefined,
          }),
        ],
      });
    ssm.on(ListResourceComplianceSummariesCommand).resolves({
      ResourceComplianceSummaryItems: [patch('i-0aaa', 'COMPLIANT'), patch('i-0bbb', 'NON_COMPLIANT')],
    });

    const sink = await collectWith(ssmCollector);

    expect(ssm.commandCalls(ListResourceComplianceSummariesCommand)[0]?.args[0].input).toEqual({
      Filters: [{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' }],
    });
    expect(sink.resources.map((r) => [r.id, r.arn, r.attributes])).toEqual([
      [
        'i-0aaa',
        `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0aaa`,
        {
          instanceId: 'i-0aaa',
          pingStatus: 'Online',
          platformType: 'Linux',
          agentVersion: '3.3.1142.0',
          lastPingAt: '2026-05-31T23:55:00.000Z',
          patchCompliance: 'COMPLIANT',
        },
      ],
      [
        'i-0bbb',
        expect.any(String),
        expect.objectContaining({ pingStatus: 'ConnectionLost', patchCompliance: 'NON_COMPLIANT' }),
      ],
      [
        'mi-0ccc',
        `arn:aws:ssm:${REGION}:${ACCOUNT}:managed-instance/mi-0ccc`,
        expect.objectContaining({ agentVersion: null, lastPingAt: null, patchCompliance: null }),
      ],
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('keeps the instances with a gap on patch compliance when the compliance summaries are denied', async () => {
    ssm.on(DescribeInstanceInformationCommand).resolves({ InstanceInformationList: [managed('i-0aaa')] });
    ssm.on(ListResourceComplianceSummariesCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(ssmCollector);
    expect(sink.resources[0]?.attributes).toMatchObject({ pingStatus: 'Online' });
    expect(sink.resources[0]?.attributes).not.toHaveProperty('patchCompliance');
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'patchCompliance',
        reason: 'access-denied',
        action: 'ssm:ListResourceComplianceSummaries',
      }),
    ]);
  });

  it('turns a denied DescribeInstanceInformation into a gap on managed instances only', async () => {
    ssm.on(DescribeInstanceInformationCommand).rejects(awsError('AccessDeniedException', 400));
    ssm.on(DescribeParametersCommand).resolves({ Parameters: [parameter('/a')] });
    const sink = await collectWith(ssmCollector);
    expect(sink.resources.map((r) => r.kind)).toEqual(['ssm.parameter']);
    expect(sink.gaps).toEqual([
      kindGap('ssm.managed-instance', 'access-denied', 'ssm:DescribeInstanceInformation'),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });
});
