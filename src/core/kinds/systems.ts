import { z } from 'zod';
import { defineKind, timestamp } from './kind.js';

/** Inspector's scanning status for one resource type (BatchGetAccountStatus `resourceState`). */
export const INSPECTOR_STATUSES = [
  'ENABLING',
  'ENABLED',
  'DISABLING',
  'DISABLED',
  'SUSPENDING',
  'SUSPENDED',
] as const;
const inspectorStatus = z.enum(INSPECTOR_STATUSES);

/** Amazon Inspector in one region of the account (id = region). */
export const inspector2Account = defineKind({
  name: 'inspector2.account',
  service: 'inspector2',
  title: 'Amazon Inspector account status',
  global: false,
  attributes: z.object({
    /** Vulnerability scanning of EC2 instances (packages and network reachability). */
    ec2: inspectorStatus,
    /** Scanning of container images pushed to ECR. */
    ecr: inspectorStatus,
    /** Scanning of Lambda functions' packages; null where the region does not offer it. */
    lambda: inspectorStatus.nullable(),
    /** Scanning of Lambda functions' own code; null where the region does not offer it. */
    lambdaCode: inspectorStatus.nullable(),
  }),
});

/** A node Systems Manager manages (an EC2 instance, or an `mi-` hybrid node), from DescribeInstanceInformation. */
export const ssmManagedInstance = defineKind({
  name: 'ssm.managed-instance',
  service: 'ssm',
  title: 'SSM managed instance',
  global: false,
  attributes: z.object({
    /** The EC2 instance id (`i-...`) or hybrid node id (`mi-...`). */
    instanceId: z.string(),
    /** `Online` means the agent reports in: patching, Run Command and Session Manager work. */
    pingStatus: z.enum(['Online', 'ConnectionLost', 'Inactive']),
    platformType: z.enum(['Windows', 'Linux', 'MacOS']).nullable(),
    /** The SSM Agent version; null when not reported. */
    agentVersion: z.string().nullable(),
    /** When the agent last reported in; null when it never did. */
    lastPingAt: timestamp.nullable(),
    /** The Patch Manager compliance of its last scan; null when it has no patch data (never scanned). */
    patchCompliance: z.enum(['COMPLIANT', 'NON_COMPLIANT']).nullable(),
  }),
});
