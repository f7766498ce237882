import { z } from 'zod';
import { defineKind, timestamp } from './kind.js';

/** A protection plan of a detector, as GetDetector's `Features` reports it. */
const featureStatus = z.enum(['ENABLED', 'DISABLED']);

/** An active (not archived) GuardDuty finding of high or critical severity, summarized. */
export const guarddutyFinding = z.object({
  id: z.string(),
  /** The finding type, e.g. `UnauthorizedAccess:EC2/SSHBruteForce`. */
  type: z.string(),
  /** 7.0-8.9 is high, 9.0-10.0 critical. */
  severity: z.number(),
  /** When GuardDuty first reported it: how long it has been left open. */
  createdAt: timestamp,
  updatedAt: timestamp,
  /** The affected resource, e.g. `Instance i-0abc` or `AccessKey AKIA... (alice)`; null when the finding names none. */
  resource: z.string().nullable(),
});
export type GuarddutyFinding = z.infer<typeof guarddutyFinding>;

/** The most high-severity findings collected per detector (the oldest first). */
export const MAX_HIGH_SEVERITY_FINDINGS = 200;

export const guarddutyDetector = defineKind({
  name: 'guardduty.detector',
  service: 'guardduty',
  title: 'GuardDuty detector',
  global: false,
  attributes: z.object({
    detectorId: z.string(),
    status: z.enum(['ENABLED', 'DISABLED']),
    /**
     * Protection plans by feature name (`S3_DATA_EVENTS`, `EKS_AUDIT_LOGS`, `EBS_MALWARE_PROTECTION`,
     * `RDS_LOGIN_EVENTS`, `LAMBDA_NETWORK_LOGS`, `RUNTIME_MONITORING`, `EKS_RUNTIME_MONITORING`). A plan the
     * region does not offer is absent. Without them on, GuardDuty does not see those data sources.
     */
    features: z.record(z.string(), featureStatus),
    /**
     * Active findings of severity 7 or more, oldest first, at most MAX_HIGH_SEVERITY_FINDINGS; `truncated` says
     * more were left out. Findings left open show that nobody acts on detection.
     */
    highSeverityFindings: z.object({
      findings: z.array(guarddutyFinding),
      truncated: z.boolean(),
    }),
  }),
});
