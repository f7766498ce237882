import type { AttributesOf } from '../../core/kinds/index.js';
import { ACCOUNT, REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './ec2-instance-managed-by-ssm.js';

type InstanceState = AttributesOf<'ec2.instance'>['state'];

const instance = (
  state: InstanceState = 'running',
  profile: string | null = `arn:aws:iam::${ACCOUNT}:instance-profile/app`,
) =>
  resource('ec2.instance', 'i-0abc', {
    instanceId: 'i-0abc',
    state,
    instanceType: 't3.micro',
    imageId: 'ami-0abc',
    vpcId: 'vpc-1',
    subnetId: 'subnet-1',
    publicIpAddress: null,
    iamInstanceProfileArn: profile,
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 2 },
  });

const managed = (
  instanceId: string,
  pingStatus: AttributesOf<'ssm.managed-instance'>['pingStatus'] = 'Online',
) =>
  resource('ssm.managed-instance', instanceId, {
    instanceId,
    pingStatus,
    platformType: 'Linux',
    agentVersion: '3.3.1142.0',
    lastPingAt: '2026-06-01T11:55:00.000Z',
    patchCompliance: 'COMPLIANT',
  });

testCheck(check, {
  pass: [
    {
      name: 'the instance is a managed node with its agent online',
      resources: [instance(), managed('i-0abc'), managed('i-0other')],
      message: /^EC2 instance i-0abc is managed by Systems Manager \(agent Online\)$/,
    },
    {
      name: 'the instance is registered though its agent lost contact',
      resources: [instance(), managed('i-0abc', 'ConnectionLost')],
      message: /\(agent ConnectionLost\)$/,
    },
  ],
  fail: [
    {
      name: 'the instance has a profile but no agent registered',
      resources: [instance(), managed('i-0other')],
      message: /^EC2 instance i-0abc is not managed by Systems Manager: no SSM Agent registered for it$/,
    },
    {
      name: 'the instance has no instance profile and the region has no managed node',
      resources: [instance('running', null)],
      message: /has no instance profile to register with$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the managed nodes could not be listed in the region',
      resources: [instance()],
      scopeGaps: [
        {
          region: REGION,
          kind: 'ssm.managed-instance',
          field: '*',
          reason: 'access-denied',
          action: 'ssm:DescribeInstanceInformation',
        },
      ],
      reason: 'access-denied',
    },
    {
      name: 'the instance profile of the instance could not be read',
      resources: [withGap(instance(), 'iamInstanceProfileArn', 'collection-error', 'ec2:DescribeInstances')],
      reason: 'collection-error',
    },
  ],
  skip: [{ name: 'a stopped instance', resources: [instance('stopped')] }],
});
