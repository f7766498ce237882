/**
 * How fast onus turns a snapshot into a report, against the lower bound of merely parsing the same JSON.
 *
 *   npm run bench:engine [-- --accounts 2000]
 *
 * The inventory is the demo account copied across many accounts (47 resources each, with its gaps), so every
 * check, gap path and region scope is exercised at scale. Prints medians of several runs and the ratios.
 */
import { readFileSync } from 'node:fs';
import { CHECKS } from '../src/checks/index.js';
import { scanInventory } from '../src/core/scan.js';
import { parseSnapshot } from '../src/sources/snapshot/read.js';

const accountsArg = process.argv.indexOf('--accounts');
const ACCOUNTS = accountsArg > 0 ? Number(process.argv[accountsArg + 1]) : 2000;
const RUNS = 5;

const demo = JSON.parse(readFileSync(new URL('../examples/demo-account.json', import.meta.url), 'utf8')) as {
  accounts: { id: string }[];
};
const template = JSON.stringify(demo.accounts[0]);
const accounts = Array.from({ length: ACCOUNTS }, (_, index) => {
  const id = String(100000000000 + index);
  return JSON.parse(template.replaceAll('123456789012', id)) as unknown;
});
const text = JSON.stringify({ ...demo, accounts });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(run: () => void): number {
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

let resources = 0;
let results = 0;
const parseOnly = time(() => {
  JSON.parse(text);
});
const load = time(() => {
  const loaded = parseSnapshot(text, 'bench');
  if (!loaded.ok) throw new Error(loaded.error);
  resources = loaded.inventory.accounts.reduce(
    (sum, account) => sum + account.regions.reduce((count, region) => count + region.resources.length, 0),
    0,
  );
});
const loaded = parseSnapshot(text, 'bench');
if (!loaded.ok) throw new Error(loaded.error);
const evaluate = time(() => {
  const report = scanInventory(loaded.inventory, CHECKS, {
    now: new Date('2026-11-20T09:14:03Z'),
    generatedAt: new Date(),
    tool: { name: 'onus', version: 'bench' },
    target: { type: 'snapshot', name: 'bench' },
  });
  results = report.findings.length;
});

const mb = (text.length / 1e6).toFixed(1);
console.log(
  `inventory: ${ACCOUNTS} accounts, ${resources} resources, ${mb} MB of JSON; ${CHECKS.length} checks`,
);
console.log(`JSON.parse alone (lower bound)   ${parseOnly.toFixed(0).padStart(7)} ms`);
console.log(
  `load + validate snapshot         ${load.toFixed(0).padStart(7)} ms   ${(load / parseOnly).toFixed(2)}x the lower bound`,
);
console.log(
  `evaluate ${results} results    ${evaluate.toFixed(0).padStart(7)} ms   ${(evaluate / parseOnly).toFixed(2)}x the lower bound, ${Math.round(results / (evaluate / 1000)).toLocaleString('en')} results/s`,
);
console.log(
  `snapshot -> report               ${(load + evaluate).toFixed(0).padStart(7)} ms   ${((load + evaluate) / parseOnly).toFixed(2)}x the lower bound`,
);
