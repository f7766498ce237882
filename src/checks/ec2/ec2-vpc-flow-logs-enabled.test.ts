import type { FlowLog } from '../../core/kinds/vpc.js';
import { REGION, resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './ec2-vpc-flow-logs-enabled.js';

const flowLog = (overrides: Partial<FlowLog> = {}): FlowLog => ({
  id: 'fl-0abc',
  status: 'ACTIVE',
  trafficType: 'ALL',
  destinationType: 's3',
  logDestination: 'arn:aws:s3:::flow-logs/vpc/',
  ...overrides,
});
const vpc = (flowLogs: FlowLog[], isDefault = false) =>
  resource('ec2.vpc', 'vpc-0abc', { vpcId: 'vpc-0abc', isDefault, cidrBlocks: ['10.0.0.0/16'], flowLogs });

testCheck(check, {
  pass: [
    {
      name: 'the VPC logs all traffic to S3',
      resources: [vpc([flowLog()])],
      message: /^VPC vpc-0abc has an active flow log: fl-0abc \(ALL to s3\)$/,
    },
    {
      name: 'the VPC logs rejected traffic to CloudWatch Logs',
      resources: [vpc([flowLog({ trafficType: 'REJECT', destinationType: 'cloud-watch-logs' })])],
    },
    {
      name: 'one of two flow logs is still active',
      resources: [vpc([flowLog({ id: 'fl-old', status: 'INACTIVE' }), flowLog({ id: 'fl-new' })])],
      message: /fl-new/,
    },
  ],
  fail: [
    { name: 'the VPC has no flow log', resources: [vpc([])], message: /^VPC vpc-0abc has no flow log$/ },
    {
      name: 'the default VPC has no flow log either',
      resources: [vpc([], true)],
      message: /^Default VPC vpc-0abc has no flow log$/,
    },
    {
      name: 'the only flow log is not active',
      resources: [vpc([flowLog({ status: 'INACTIVE' })])],
      message: /no active flow log: fl-0abc \(INACTIVE\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the flow logs could not be listed',
      resources: [withGap(vpc([]), 'flowLogs', 'access-denied', 'ec2:DescribeFlowLogs')],
      reason: 'access-denied',
    },
    {
      name: 'VPCs could not be listed in the region',
      resources: [],
      scopeGaps: [
        { region: REGION, kind: 'ec2.vpc', field: '*', reason: 'throttled', action: 'ec2:DescribeVpcs' },
      ],
      reason: 'throttled',
    },
  ],
});
