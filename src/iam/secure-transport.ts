import { coversEveryone, type Statement } from './statement.js';
import { matchesWholeService, mayMatchService, wildcardMatch } from './wildcard.js';

const SECURE_TRANSPORT = 'aws:securetransport';
const BOOL_OPERATORS: readonly string[] = ['Bool', 'BoolIfExists'];

/** What one bucket-policy statement does about S3 requests made without TLS to one bucket. */
export interface TransportDeny {
  /** The statement's condition mentions aws:SecureTransport: it was written to be about TLS. */
  aboutTransport: boolean;
  /**
   * Why the statement does not deny every S3 request made without TLS, whoever makes it, on the resources it
   * names; empty when it does.
   */
  problems: string[];
  /** The statement's Resource (or NotResource) takes in the bucket itself (`arn:aws:s3:::name`). */
  bucket: boolean;
  /** The statement's Resource (or NotResource) takes in every object in the bucket (`arn:aws:s3:::name/<key>`). */
  objects: boolean;
}

/**
 * Reads one statement of the policy of the bucket `bucketArn` (`arn:<partition>:s3:::<name>`) as a TLS guard.
 * A statement enforces TLS on the resources it covers when it is a Deny, applies to every principal, to every
 * S3 action, and is conditioned on nothing but `aws:SecureTransport` being `false` (Bool or BoolIfExists).
 */
export function transportDeny(statement: Statement, bucketArn: string): TransportDeny {
  const problems: string[] = [];
  if (statement.effect !== 'Deny') problems.push('is an Allow, not a Deny');
  if (!coversEveryone(statement)) problems.push('does not apply to every principal');
  const actionProblem = actionShortfall(statement);
  if (actionProblem) problems.push(actionProblem);
  const condition = conditionShortfall(statement);
  problems.push(...condition.problems);
  const objectPrefix = `${bucketArn}/`;
  let bucket: boolean;
  let objects: boolean;
  if (statement.resource !== null) {
    bucket = statement.resource.some((pattern) => wildcardMatch(pattern, bucketArn));
    objects = statement.resource.some((pattern) => matchesEverySuffix(pattern, objectPrefix));
  } else if (statement.notResource !== null) {
    bucket = !statement.notResource.some((pattern) => wildcardMatch(pattern, bucketArn));
    objects = !statement.notResource.some((pattern) => maySuffix(pattern, objectPrefix));
  } else {
    bucket = false;
    objects = false;
  }
  return { aboutTransport: condition.aboutTransport, problems, bucket, objects };
}

function actionShortfall(statement: Statement): string | null {
  if (statement.action !== null) {
    if (statement.action.some((pattern) => matchesWholeService(pattern, 's3'))) return null;
    return `covers only ${statement.action.join(', ')}, not every S3 action`;
  }
  if (statement.notAction !== null) {
    const exempt = statement.notAction.filter((pattern) => mayMatchService(pattern, 's3'));
    return exempt.length === 0 ? null : `exempts ${exempt.join(', ')} through NotAction`;
  }
  return 'names no action';
}

/** Whether the condition holds for every request made without TLS, and for nothing narrower. */
function conditionShortfall(statement: Statement): { aboutTransport: boolean; problems: string[] } {
  const problems: string[] = [];
  let aboutTransport = false;
  for (const [operator, block] of Object.entries(statement.condition)) {
    for (const [key, values] of Object.entries(block)) {
      if (key.toLowerCase() !== SECURE_TRANSPORT) {
        problems.push(`is also conditioned on ${key} (${operator})`);
        continue;
      }
      aboutTransport = true;
      if (!BOOL_OPERATORS.includes(operator)) {
        problems.push(`tests ${key} with ${operator} rather than Bool`);
      } else if (!values.includes('false')) {
        problems.push(`matches ${key} = ${values.join(', ') || 'nothing'}, not false`);
      }
    }
  }
  // Every aws:SecureTransport key either matched false or reported why not, so only absence is left to say.
  if (!aboutTransport) problems.push('is not conditioned on aws:SecureTransport = false');
  return { aboutTransport, problems };
}

/** Whether `pattern` matches `prefix` followed by any non-empty string (case-sensitive, as ARNs are). */
function matchesEverySuffix(pattern: string, prefix: string): boolean {
  // Suffix characters can only be taken by `?` and `*`, so probing with a character no policy literal is tells
  // which lengths the pattern covers: if it covers 1 and 256, a star is involved and it covers every length.
  return (
    wildcardMatch(pattern, `${prefix}\uFFFF`) && wildcardMatch(pattern, `${prefix}${'\uFFFF'.repeat(256)}`)
  );
}

/** Whether `pattern` matches `prefix` followed by at least one non-empty string. */
function maySuffix(pattern: string, prefix: string): boolean {
  for (let index = 0; index < prefix.length; index++) {
    const char = pattern[index];
    // A star can absorb the rest of the prefix; whatever follows it can be met by choosing the suffix.
    if (char === '*') return true;
    if (char === undefined || (char !== '?' && char !== prefix[index])) return false;
  }
  // The prefix is consumed: any pattern left over is met by some non-empty suffix (stars absorb one character).
  return pattern.length > prefix.length;
}
