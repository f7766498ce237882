import type { AttributesOf } from '../../core/kinds/index.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './ec2-vpc-default-not-in-use.js';

const vpc = (isDefault = true) =>
  resource('ec2.vpc', isDefault ? 'vpc-default' : 'vpc-app', {
    vpcId: isDefault ? 'vpc-default' : 'vpc-app',
    isDefault,
    cidrBlocks: [isDefault ? '172.31.0.0/16' : '10.0.0.0/16'],
    flowLogs: [],
  });

const instance = (
  instanceId: string,
  vpcId: string,
  state: AttributesOf<'ec2.instance'>['state'] = 'running',
) =>
  resource('ec2.instance', instanceId, {
    instanceId,
    state,
    instanceType: 't3.micro',
    imageId: 'ami-0123',
    vpcId,
    subnetId: `subnet-${vpcId}`,
    publicIpAddress: null,
    iamInstanceProfileArn: null,
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 2 },
  });

testCheck(check, {
  pass: [
    {
      name: 'an empty default VPC, the workloads in a VPC of their own',
      resources: [vpc(), vpc(false), instance('i-app', 'vpc-app')],
      message: /^Default VPC vpc-default hosts no EC2 instances$/,
    },
    {
      name: 'a default VPC whose only instance is terminated',
      resources: [vpc(), instance('i-old', 'vpc-default', 'terminated')],
    },
  ],
  fail: [
    {
      name: 'instances launched without a subnet, into the default VPC',
      resources: [vpc(), instance('i-b', 'vpc-default'), instance('i-a', 'vpc-default', 'stopped')],
      message: /^Default VPC vpc-default hosts EC2 instances: i-a, i-b$/,
    },
  ],
  notEvaluated: [
    {
      name: 'instances could not be listed in the region',
      resources: [vpc()],
      scopeGaps: [
        {
          region: REGION,
          kind: 'ec2.instance',
          field: '*',
          reason: 'access-denied',
          action: 'ec2:DescribeInstances',
        },
      ],
      reason: 'access-denied',
    },
    {
      name: 'whether the VPC is the default one could not be read',
      resources: [withGap(vpc(), 'isDefault', 'not-collected', 'ec2:DescribeVpcs')],
      reason: 'not-collected',
    },
  ],
  skip: [{ name: 'a VPC built for the workloads', resources: [vpc(false), instance('i-app', 'vpc-app')] }],
});
