import { Agent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/** Sends HTTP requests; tests and benchmarks subclass it to answer locally. */
export type AwsRequestHandler = NodeHttpHandler;
import { Semaphore, TokenBucket } from './limits.js';

/** Calls per second (and burst) per service, per account and region. Conservative: AWS's own limits are higher. */
export const DEFAULT_RATES: Record<string, { rate: number; burst: number }> = {
  default: { rate: 10, burst: 20 },
  iam: { rate: 8, burst: 15 },
  sts: { rate: 5, burst: 10 },
  organizations: { rate: 4, burst: 8 },
  ec2: { rate: 20, burst: 40 },
  s3: { rate: 25, burst: 50 },
  cloudtrail: { rate: 5, burst: 10 },
  kms: { rate: 20, burst: 40 },
};

export interface PoolOptions {
  /** Credentials per account id; `*` is used when an account has none of its own. */
  credentials: (account: string) => AwsCredentialIdentityProvider | undefined;
  /** Most AWS requests in flight at once, across all accounts, regions and services. */
  concurrency: number;
  rates?: Record<string, { rate: number; burst: number }>;
  /** Attempts per call, retries included (the SDK's adaptive mode backs off on throttling). */
  maxAttempts: number;
  /** Milliseconds before a request with no answer fails. */
  requestTimeoutMs: number;
  /** Told about every HTTP attempt, for progress and statistics. */
  onRequest?: (service: string) => void;
  /** A handler to send requests with; tests and benchmarks give a fake one. */
  requestHandler?: AwsRequestHandler;
  /** Called with each new client after onus's own middleware is in place (benchmarks answer calls here). */
  instrument?: (client: unknown, context: { service: string; account: string; region: string }) => void;
}

interface ClientConfig {
  region: string;
  credentials?: AwsCredentialIdentityProvider;
  maxAttempts: number;
  retryMode: string;
  requestHandler: AwsRequestHandler;
}

/** What every SDK v3 client class looks like to the pool. */
export interface ClientClass<C> {
  new (config: ClientConfig): C;
  name: string;
}

interface Middlewared {
  middlewareStack: {
    add: (
      middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
      options: { step: 'finalizeRequest'; priority: 'low'; name: string },
    ) => void;
  };
}

/**
 * One SDK client per (client class, account, region), made in one place: adaptive retries, timeouts, a shared
 * keep-alive agent, and a middleware that puts every HTTP attempt (pages and retries included) through the
 * service's token bucket and the global concurrency cap.
 */
export class ClientPool {
  private readonly clients = new Map<string, unknown>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly semaphore: Semaphore;
  private readonly handler: AwsRequestHandler;

  constructor(private readonly options: PoolOptions) {
    this.semaphore = new Semaphore(options.concurrency);
    this.handler =
      options.requestHandler ??
      new NodeHttpHandler({
        connectionTimeout: 5_000,
        requestTimeout: options.requestTimeoutMs,
        httpsAgent: new Agent({ keepAlive: true, maxSockets: options.concurrency }),
      });
  }

  get<C>(ClientClass: ClientClass<C>, service: string, account: string, region: string): C {
    const key = `${ClientClass.name}|${account}|${region}`;
    let client = this.clients.get(key) as C | undefined;
    if (!client) {
      const credentials = this.options.credentials(account);
      client = new ClientClass({
        region,
        ...(credentials ? { credentials } : {}),
        maxAttempts: this.options.maxAttempts,
        retryMode: 'adaptive',
        requestHandler: this.handler,
      });
      const bucket = this.bucket(service, account, region);
      (client as Middlewared).middlewareStack.add(
        (next) => async (args) => {
          await bucket.take();
          this.options.onRequest?.(service);
          return this.semaphore.run(() => next(args), service);
        },
        { step: 'finalizeRequest', priority: 'low', name: 'onusRateLimit' },
      );
      this.options.instrument?.(client, { service, account, region });
      this.clients.set(key, client);
    }
    return client;
  }

  private bucket(service: string, account: string, region: string): TokenBucket {
    const key = `${service}|${account}|${region}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const rates = { ...DEFAULT_RATES, ...this.options.rates };
      const { rate, burst } = rates[service] ?? rates.default ?? { rate: 10, burst: 20 };
      bucket = new TokenBucket(rate, burst);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
