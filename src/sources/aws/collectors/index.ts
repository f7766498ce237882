import type { Collector } from '../collector.js';
import { cloudtrailCollector } from './cloudtrail.js';
import { ec2Collector } from './ec2.js';
import { guarddutyCollector } from './guardduty.js';
import { iamCollector } from './iam.js';
import { kmsCollector } from './kms.js';
import { s3Collector } from './s3.js';
import { secretsmanagerCollector } from './secretsmanager.js';

/** Every collector a live scan runs. */
export const COLLECTORS: readonly Collector[] = [
  iamCollector,
  s3Collector,
  ec2Collector,
  cloudtrailCollector,
  guarddutyCollector,
  kmsCollector,
  secretsmanagerCollector,
];
