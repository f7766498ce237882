import {
  contextFor,
  runCollector,
  type CollectionSettings,
  type CollectionSink,
  type Collector,
} from '../sources/aws/collector.js';
import { ClientPool } from '../sources/aws/pool.js';
import { ACCOUNT, REGION } from './builders.js';

/** Credentials that never leave the machine: every test mocks the SDK (aws-sdk-client-mock) or the HTTP handler. */
export const FAKE_CREDENTIALS = () =>
  Promise.resolve({
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  });

export function testPool(options: Partial<ConstructorParameters<typeof ClientPool>[0]> = {}): ClientPool {
  return new ClientPool({
    credentials: () => FAKE_CREDENTIALS,
    concurrency: 16,
    maxAttempts: 1,
    requestTimeoutMs: 1_000,
    ...options,
  });
}

/**
 * Runs one collector the way a scan does, against whatever the test mocked, and returns what it reported:
 * resources, scope gaps and errors.
 */
export async function collectWith(
  collector: Collector,
  scope: { account?: string; region?: string; regions?: string[]; settings?: CollectionSettings } = {},
): Promise<CollectionSink> {
  const sink: CollectionSink = { resources: [], gaps: [], errors: [] };
  const region = scope.region ?? (collector.global ? 'us-east-1' : REGION);
  const ctx = contextFor(
    collector,
    testPool(),
    { account: scope.account ?? ACCOUNT, region, regions: scope.regions ?? [REGION], partition: 'aws' },
    sink,
    // A collector under test collects everything, opt-in parts included, unless a test says otherwise.
    scope.settings ?? { lastAccessed: true },
  );
  await runCollector(collector, ctx, sink);
  return sink;
}

/** An SDK service error as the SDK raises it, e.g. `awsError('AccessDeniedException', 403)`. */
export function awsError(name: string, status = 400, message = `${name} (test)`): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}
