import type { Gap, GapReason } from '../../core/gap.js';

/** An AWS call that failed for good (after the SDK's retries), classified for the gap it leaves. */
export class AwsCallFailed extends Error {
  constructor(
    readonly action: string,
    readonly reason: GapReason,
    readonly code: string,
    readonly detail: string,
  ) {
    super(`${action}: ${code}: ${detail}`);
    this.name = 'AwsCallFailed';
  }

  /** The gap this failure leaves on `field` (`*` for a whole kind or resource). */
  gap(field: string): Gap {
    return { field, reason: this.reason, action: this.action, detail: `${this.code}: ${this.detail}` };
  }
}

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'UnauthorizedException',
  'AuthorizationError',
  'AuthorizationErrorException',
  'Forbidden',
  'NotAuthorized',
]);

const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'BandwidthLimitExceeded',
  'ProvisionedThroughputExceededException',
]);

/** Regions an account has not opted into answer with these. */
const REGION_DISABLED = new Set(['OptInRequired', 'InvalidClientTokenId', 'UnrecognizedClientException']);

const TIMEOUT = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ETIMEDOUT',
  'ECONNRESET',
]);

/** The error's AWS code (`name` on SDK v3 service exceptions), or the Node error code. */
export function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'UnknownError';
  const record = error as { name?: unknown; code?: unknown; Code?: unknown };
  for (const candidate of [record.Code, record.code, record.name]) {
    if (typeof candidate === 'string' && candidate !== 'Error') return candidate;
  }
  return 'UnknownError';
}

export function classifyFailure(action: string, error: unknown): AwsCallFailed {
  if (error instanceof AwsCallFailed) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  let reason: GapReason = 'collection-error';
  if (ACCESS_DENIED.has(code) || status === 403) reason = 'access-denied';
  else if (THROTTLED.has(code) || status === 429) reason = 'throttled';
  else if (REGION_DISABLED.has(code)) reason = 'region-disabled';
  else if (TIMEOUT.has(code)) reason = 'collection-error';
  return new AwsCallFailed(action, reason, code, firstLine(message));
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
