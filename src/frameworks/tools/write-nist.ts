/**
 * Regenerates src/frameworks/nist-800-53-r5.json from the FSBP file: `npx tsx src/frameworks/tools/write-nist.ts`,
 * then `npx prettier --write src/frameworks/nist-800-53-r5.json`. A test fails while the two disagree.
 */
import { writeFileSync } from 'node:fs';
import { FrameworkSchema } from '../index.js';
import fsbp from '../aws-fsbp-1.0.0.json' with { type: 'json' };
import { deriveNist80053r5 } from './derive-nist.js';

const target = new URL('../nist-800-53-r5.json', import.meta.url);
const derived = deriveNist80053r5(FrameworkSchema.parse(fsbp));
writeFileSync(target, `${JSON.stringify(derived, null, 2)}\n`);
process.stdout.write(`wrote ${derived.requirements.length} requirements to ${target.pathname}\n`);
