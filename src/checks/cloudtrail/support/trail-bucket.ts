import type { CheckContext } from '../../../core/check.js';
import { notEvaluated, type Outcome } from '../../../core/outcome.js';
import type { Resource } from '../../../core/resource.js';

/** The bucket named `name` among the buckets of `account` (or `*`, every account), in any region. */
function findBucket(ctx: CheckContext, account: string, name: string): Resource<'s3.bucket'> | undefined {
  // S3 bucket resources are identified by their name, which is unique across AWS.
  return ctx.find('s3.bucket', { account }, (bucket) => bucket.id === name);
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
