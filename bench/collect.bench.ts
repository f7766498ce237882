/**
 * Collection speed and memory against the lower bound the rate limits and latency allow.
 *
 *   npm run bench:collect [-- --scale 0.2]
 *
 * Every AWS call is answered in memory after `latencyMs` (default 50), inside the SDK's middleware stack, so
 * onus's rate limits, concurrency cap and retries are all on the path. The lower bound is the slowest of:
 * the busiest token bucket draining its calls at its rate, and all calls at the latency spread over the
 * concurrency cap.
 */
import { CHECKS } from '../src/checks/index.js';
import { scanInventory } from '../src/core/scan.js';
import { callerIdentity, collectInventory } from '../src/sources/aws/collect.js';
import { COLLECTORS } from '../src/sources/aws/collectors/index.js';
import { ClientPool, DEFAULT_RATES } from '../src/sources/aws/pool.js';
import { FakeAccount } from './fake-account.js';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const scale = arg('scale', 1);
const latencyMs = arg('latency', 50);
const concurrency = arg('concurrency', 32);
const size = {
  regions: 17,
  users: Math.round(500 * scale),
  buckets: Math.round(1000 * scale),
  securityGroups: Math.round(5000 * scale),
  instances: Math.round(3000 * scale),
};
const account = new FakeAccount(size, latencyMs);

type Stack = {
  middlewareStack: {
    add: (
      middleware: (
        next: unknown,
        context: { commandName: string },
      ) => (args: { input: Record<string, unknown> }) => Promise<unknown>,
      options: { step: 'deserialize'; priority: 'high'; name: string },
    ) => void;
  };
};

const perBucket = new Map<string, number>();
const pool = new ClientPool({
  credentials: () => () => Promise.resolve({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'bench' }),
  concurrency,
  maxAttempts: 3,
  requestTimeoutMs: 10_000,
  instrument: (client, { service, region }) => {
    (client as Stack).middlewareStack.add(
      (_next, context) => async (args) => {
        const key = `${service}|${region}`;
        perBucket.set(key, (perBucket.get(key) ?? 0) + 1);
        const output = await account.answer(context.commandName, args.input, region);
        return { output: { $metadata: {}, ...(output as object) }, response: {} };
      },
      { step: 'deserialize', priority: 'high', name: 'benchFakeAws' },
    );
  },
});

import { monitorEventLoopDelay } from 'node:perf_hooks';
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const start = performance.now();
const caller = await callerIdentity(pool, 'us-east-1');
const inventory = await collectInventory([caller.account], caller, {
  pool,
  collectors: COLLECTORS,
  regions: { home: 'us-east-1' },
  partition: 'aws',
  toolVersion: 'bench',
});
const collectSeconds = (performance.now() - start) / 1000;
const report = scanInventory(inventory, CHECKS, {
  now: new Date(),
  generatedAt: new Date(),
  tool: { name: 'onus', version: 'bench' },
  target: { type: 'live', name: 'bench' },
});
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

// Lower bound: the busiest bucket, or the latency-bound throughput, whichever is slower.
let bucketBound = 0;
let busiest = '';
for (const [key, calls] of perBucket) {
  const [service = 'default'] = key.split('|');
  const { rate, burst } = DEFAULT_RATES[service] ?? DEFAULT_RATES.default ?? { rate: 10, burst: 20 };
  const seconds = Math.max(0, calls - burst) / rate + latencyMs / 1000;
  if (seconds > bucketBound) {
    bucketBound = seconds;
    busiest = `${key} (${calls} calls at ${rate}/s)`;
  }
}
const latencyBound = (account.calls * latencyMs) / 1000 / concurrency;
const bound = Math.max(bucketBound, latencyBound);
const resources = inventory.accounts.reduce(
  (sum, a) => sum + a.regions.reduce((n, r) => n + r.resources.length, 0),
  0,
);

console.log(
  `account: ${size.regions} regions, ${size.users} users, ${size.buckets} buckets, ${size.securityGroups} security groups, ${size.instances} instances, ${Math.ceil(size.users / 2)} roles, ${Math.ceil(size.users / 10)} managed policies`,
);
console.log(
  `API calls: ${account.calls} at ${latencyMs} ms each, concurrency ${concurrency}; ${resources} resources, ${report.findings.length} results`,
);
console.log(
  `lower bound: ${bound.toFixed(1)} s (busiest bucket ${busiest}: ${bucketBound.toFixed(1)} s; latency ${latencyBound.toFixed(1)} s)`,
);
console.log(
  `collection:  ${collectSeconds.toFixed(1)} s = ${(collectSeconds / bound).toFixed(2)}x the lower bound (goal: within 1.5x)`,
);
console.log(
  `CPU:         ${(process.cpuUsage().user / 1e6).toFixed(1)} s user, ${(process.cpuUsage().system / 1e6).toFixed(1)} s system`,
);
console.log(
  `event loop delay: mean ${(lag.mean / 1e6).toFixed(0)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms, max ${(lag.max / 1e6).toFixed(0)} ms`,
);
console.log(`peak RSS:    ${(peakRss / 2 ** 20).toFixed(0)} MiB (goal: under 1024 MiB)`);
