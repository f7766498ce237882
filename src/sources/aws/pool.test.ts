import { Readable } from 'node:stream';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpRequest, HttpResponse } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../../testing/builders.js';
import { FAKE_CREDENTIALS } from '../../testing/aws.js';
import { contextFor, runCollector, type CollectionSink } from './collector.js';
import { guarddutyCollector } from './collectors/guardduty.js';
import { Semaphore, TokenBucket } from './limits.js';
import { ClientPool } from './pool.js';

/** Answers every request locally, as AWS would: a list of canned HTTP responses, then the last one forever. */
class ScriptedHandler extends NodeHttpHandler {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly script: { status: number; headers?: Record<string, string>; body: string }[]) {
    super();
  }
  override handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    this.requests.push(request);
    const step = this.script[Math.min(this.requests.length - 1, this.script.length - 1)];
    if (!step) throw new Error('empty script');
    return Promise.resolve({
      response: {
        statusCode: step.status,
        headers: { 'content-type': 'application/json', ...step.headers },
        body: Readable.from([Buffer.from(step.body)]),
      },
    });
  }
}

const THROTTLED = {
  status: 429,
  headers: { 'x-amzn-errortype': 'TooManyRequestsException' },
  body: '{"message":"Rate exceeded"}',
};
const DENIED = {
  status: 403,
  headers: { 'x-amzn-errortype': 'AccessDeniedException' },
  body: '{"message":"not allowed"}',
};
const EMPTY = { status: 200, body: '{"detectorIds":[]}' };

async function collectThrough(handler: ScriptedHandler, maxAttempts: number): Promise<CollectionSink> {
  const pool = new ClientPool({
    credentials: () => FAKE_CREDENTIALS,
    concurrency: 4,
    maxAttempts,
    requestTimeoutMs: 1_000,
    requestHandler: handler,
  });
  const sink: CollectionSink = { resources: [], gaps: [], errors: [] };
  const ctx = contextFor(
    guarddutyCollector,
    pool,
    { account: ACCOUNT, region: 'eu-west-1', regions: ['eu-west-1'], partition: 'aws' },
    sink,
  );
  await runCollector(guarddutyCollector, ctx, sink);
  return sink;
}

describe('client pool, through the real SDK retry path', () => {
  it('retries a throttled call and succeeds: no gap', async () => {
    const handler = new ScriptedHandler([THROTTLED, THROTTLED, EMPTY]);
    const sink = await collectThrough(handler, 5);
    expect(handler.requests).toHaveLength(3);
    expect(sink).toMatchObject({ gaps: [], errors: [] });
  });

  it('gives up after the configured attempts and records a throttled gap, never an empty PASS-able list', async () => {
    const handler = new ScriptedHandler([THROTTLED]);
    const sink = await collectThrough(handler, 2);
    expect(handler.requests).toHaveLength(2);
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'guardduty.detector',
        reason: 'throttled',
        action: 'guardduty:ListDetectors',
      }),
    ]);
  });

  it('does not retry AccessDenied, and names the action and error code in the gap', async () => {
    const handler = new ScriptedHandler([DENIED]);
    const sink = await collectThrough(handler, 5);
    expect(handler.requests).toHaveLength(1);
    expect(sink.gaps[0]).toMatchObject({ reason: 'access-denied', action: 'guardduty:ListDetectors' });
    expect(sink.gaps[0]?.detail).toMatch(/^AccessDeniedException: /);
  });

  it('reuses one client per account and region', () => {
    const pool = new ClientPool({
      credentials: () => FAKE_CREDENTIALS,
      concurrency: 1,
      maxAttempts: 1,
      requestTimeoutMs: 1_000,
    });
    const a = pool.get(GuardDutyClient, 'guardduty', ACCOUNT, 'eu-west-1');
    expect(pool.get(GuardDutyClient, 'guardduty', ACCOUNT, 'eu-west-1')).toBe(a);
    expect(pool.get(GuardDutyClient, 'guardduty', ACCOUNT, 'us-east-1')).not.toBe(a);
  });

  it('puts every request through the rate limiter and counts it', async () => {
    let requests = 0;
    const handler = new ScriptedHandler([EMPTY]);
    const pool = new ClientPool({
      credentials: () => FAKE_CREDENTIALS,
      concurrency: 2,
      maxAttempts: 1,
      requestTimeoutMs: 1_000,
      requestHandler: handler,
      rates: { guardduty: { rate: 20, burst: 1 } },
      onRequest: () => requests++,
    });
    const client = pool.get(GuardDutyClient, 'guardduty', ACCOUNT, 'eu-west-1');
    const start = performance.now();
    await Promise.all(Array.from({ length: 5 }, () => client.send(new ListDetectorsCommand({}))));
    // One token up front, then 20 per second: the fifth request cannot start before ~200 ms.
    expect(performance.now() - start).toBeGreaterThanOrEqual(180);
    expect(requests).toBe(5);
  });
});

describe('limits', () => {
  it('a token bucket lets a burst through, then paces at its rate', async () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    for (let i = 0; i < 3; i++) await bucket.take();
    let taken = false;
    const next = bucket.take().then(() => (taken = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(taken).toBe(false);
    now = 100; // 0.1 s at 10/s: one more token
    await next;
    expect(taken).toBe(true);
  });

  it('a semaphore lets a service with few calls through while another floods it', async () => {
    const semaphore = new Semaphore(1);
    const order: string[] = [];
    const task = (name: string) => () =>
      new Promise<void>((resolve) => {
        order.push(name);
        setTimeout(resolve, 1);
      });
    await Promise.all([
      ...Array.from({ length: 5 }, () => semaphore.run(task('s3'), 's3')),
      semaphore.run(task('iam'), 'iam'),
    ]);
    // Served in turns: the lone IAM call goes second, not after every S3 call.
    expect(order.indexOf('iam')).toBeLessThanOrEqual(2);
  });

  it('a semaphore never runs more than its limit at once', async () => {
    const semaphore = new Semaphore(3);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        semaphore.run(async () => {
          peak = Math.max(peak, ++running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });
});
