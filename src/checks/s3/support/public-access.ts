import {
  ALL_USERS_URI,
  AUTHENTICATED_USERS_URI,
  type AclGrant,
  type PublicAccessBlock,
  type PublicAccessBlockSetting,
} from '../../../core/kinds/s3.js';
import {
  describeGrants,
  judgePolicy,
  policyExposure,
  type ExposureTarget,
  type ExposureVerdict,
} from '../../../iam/analyses/exposure.js';

/** Where a Block Public Access setting is on: the bucket, the account, or neither. */
export type SettingSource = 'bucket' | 'account' | null;

/**
 * Where `setting` is on for a bucket. S3 applies the most restrictive of the bucket and account configurations,
 * so the account's is only needed (and only read, through `account()`) when the bucket's own is off.
 */
export function settingSource(
  bucket: PublicAccessBlock | null,
  account: () => PublicAccessBlock | null,
  setting: PublicAccessBlockSetting,
): SettingSource {
  if (bucket?.[setting] === true) return 'bucket';
  return account()?.[setting] === true ? 'account' : null;
}

const EVERYONE_GROUPS: Record<string, string> = {
  [ALL_USERS_URI]: 'everyone (AllUsers)',
  [AUTHENTICATED_USERS_URI]: 'every AWS account (AuthenticatedUsers)',
};

/** The ACL grants that open a bucket to everyone, as "everyone (AllUsers) has READ". */
export function publicAclGrants(acl: readonly AclGrant[]): string[] {
  return acl
    .filter((grant) => grant.granteeType === 'Group' && grant.grantee in EVERYONE_GROUPS)
    .map((grant) => `${EVERYONE_GROUPS[grant.grantee] ?? grant.grantee} has ${grant.permission}`);
}

/** A bucket's policy judged for public access; a bucket without a policy grants nobody outside its account. */
export function bucketPolicyVerdict(
  name: string,
  policy: Record<string, unknown> | null,
  bucket: ExposureTarget,
): ExposureVerdict {
  if (policy === null) {
    return { public: false, message: `Bucket ${name} has no bucket policy`, evidence: { policy: null } };
  }
  return judgePolicy(`Bucket ${name}`, policy, bucket);
}

/** What makes a bucket public, through its policy or its ACL, once Block Public Access is applied. */
export interface BucketPublicity {
  /** Why the bucket is public; empty when it is not. */
  exposures: string[];
  /** Public grants that Block Public Access makes inert, with the level that does. */
  blocked: string[];
}

export function bucketPublicity(
  bucket: {
    name: string;
    policy: Record<string, unknown> | null;
    acl: readonly AclGrant[];
    publicAccessBlock: PublicAccessBlock | null;
  },
  account: () => PublicAccessBlock | null,
  target: ExposureTarget,
): BucketPublicity {
  const exposures: string[] = [];
  const blocked: string[] = [];
  const publicGrants = bucket.policy ? policyExposure(bucket.policy, target).publicGrants : [];
  if (publicGrants.length > 0) {
    const source = settingSource(bucket.publicAccessBlock, account, 'restrictPublicBuckets');
    if (source) blocked.push(`its public policy is restricted by RestrictPublicBuckets on the ${source}`);
    else exposures.push(`its policy is public (${describeGrants(publicGrants)})`);
  }
  const grants = publicAclGrants(bucket.acl);
  if (grants.length > 0) {
    const source = settingSource(bucket.publicAccessBlock, account, 'ignorePublicAcls');
    if (source) blocked.push(`its public ACL grants are ignored through IgnorePublicAcls on the ${source}`);
    else exposures.push(`its ACL is public (${grants.join(', ')})`);
  }
  return { exposures, blocked };
}
