import type { Collector } from './collector.js';

/** Calls the scan makes outside any collector. (sts:GetCallerIdentity needs no permission.) */
export const SCAN_ACTIONS: readonly string[] = ['ec2:DescribeRegions'];

/** With --org, in the management (or delegated administrator) account only; sts:AssumeRole is needed too. */
export const ORGANIZATION_ACTIONS: readonly string[] = ['organizations:ListAccounts'];

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

/** The least-privilege IAM policy for a scanning role: exactly the read actions the collectors declare. */
export function scannerPolicy(collectors: readonly Collector[]): PolicyDocument {
  const actions = new Set([...SCAN_ACTIONS, ...collectors.flatMap((collector) => collector.actions)]);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OnusReadOnlyAudit',
        Effect: 'Allow',
        Action: [...actions].sort((a, b) => a.localeCompare(b)),
        Resource: '*',
      },
    ],
  };
}
