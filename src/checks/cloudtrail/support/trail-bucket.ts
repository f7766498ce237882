import type { CheckContext } from '../../../core/check.js';
import { notEvaluated, Unobserved, type Outcome } from '../../../core/outcome.js';
import type { Resource } from '../../../core/resource.js';

/**
 * Regions probed one by one when some region's buckets could not be listed. Bucket names are unique across AWS,
 * so a bucket found in any region that was listed is the one; the list only has to hold the regions buckets are
 * likely in, as a region left out merely leaves the result NOT_EVALUATED, as it would be without the probe.
 */
const KNOWN_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
  'mx-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'af-south-1',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'cn-north-1',
  'cn-northwest-1',
  'us-gov-east-1',
  'us-gov-west-1',
];

/** The bucket named `name` among the buckets of `account` (or `*`, every account), in any region. */
function findBucket(ctx: CheckContext, account: string, name: string): Resource<'s3.bucket'> | undefined {
  // S3 bucket resources are identified by their name.
  const named = (bucket: Resource<'s3.bucket'>) => bucket.id === name;
  try {
    return ctx.related('s3.bucket', { account }).find(named);
  } catch (error) {
    if (!(error instanceof Unobserved)) throw error;
    for (const region of KNOWN_REGIONS) {
      try {
        const found = ctx.related('s3.bucket', { account, region }).find(named);
        if (found) return found;
      } catch (inner) {
        if (!(inner instanceof Unobserved)) throw inner;
      }
    }
    // Not in any region that was listed: it may be in one that was not.
    throw error;
  }
}

/**
 * The S3 bucket a trail delivers to: looked up by name among the buckets of the trail's account, then of every
 * other account in the scan. A bucket found nowhere belongs to an account outside the scan (the log archive
 * account of an organization trail, typically) or no longer exists: the check cannot see it, so the answer is a
 * NOT_EVALUATED outcome that says so, never a guess.
 */
export function trailBucket(
  ctx: CheckContext,
  trail: { account: string; name: string; bucketName: string },
): Resource<'s3.bucket'> | Outcome {
  const found = findBucket(ctx, trail.account, trail.bucketName) ?? findBucket(ctx, '*', trail.bucketName);
  if (found) return found;
  return notEvaluated(
    {
      field: 's3BucketName',
      reason: 'unresolved',
      detail: `bucket ${trail.bucketName} is not among the buckets of account ${trail.account} or any other scanned account`,
    },
    `Trail ${trail.name} delivers to bucket ${trail.bucketName}, which is in an account outside this scan (the log archive of an organization trail, typically) or no longer exists: scan that account to check it`,
  );
}

/** Whether `trailBucket` answered with the bucket rather than an outcome. */
export function isBucket(found: Resource<'s3.bucket'> | Outcome): found is Resource<'s3.bucket'> {
  return 'kind' in found;
}
