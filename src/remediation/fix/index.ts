import { ebsEncryptionByDefaultFix } from './ebs-encryption-by-default.js';
import { guarddutyFix } from './guardduty.js';
import { keyRotationFix } from './kms-key-rotation.js';
import { passwordPolicyFix } from './password-policy.js';
import { accountPublicAccessBlockFix } from './s3-account-public-access-block.js';
import { securityhubFix } from './securityhub.js';
import type { Fix } from './types.js';

/** Every fix `onus fix` offers: account-level settings that are safe to change. */
export const FIXES: readonly Fix[] = [
  passwordPolicyFix,
  accountPublicAccessBlockFix,
  ebsEncryptionByDefaultFix,
  keyRotationFix,
  guarddutyFix,
  securityhubFix,
];

/** The fix for a check id, or undefined when onus has none. */
export function fixFor(checkId: string): Fix | undefined {
  return FIXES.find((fix) => fix.checkIds.includes(checkId));
}

/** Every check id some fix covers, in the order `--list` shows them. */
export function fixableCheckIds(): string[] {
  return FIXES.flatMap((fix) => fix.checkIds);
}
