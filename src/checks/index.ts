import type { Check } from '../core/check.js';
import guarddutyEnabled from './guardduty/guardduty-enabled.js';
import iamRootMfaEnabled from './iam/iam-root-mfa-enabled.js';
import s3BucketPublicAccessBlock from './s3/s3-bucket-public-access-block.js';

/** Every check onus ships, sorted by id. A test proves each file under src/checks is listed here. */
export const CHECKS: readonly Check[] = [guarddutyEnabled, iamRootMfaEnabled, s3BucketPublicAccessBlock].sort((a, b) =>
  a.id.localeCompare(b.id),
);
