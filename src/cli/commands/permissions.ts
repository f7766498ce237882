import { COLLECTORS } from '../../sources/aws/collectors/index.js';
import { scannerPolicy } from '../../sources/aws/permissions.js';
import { EXIT } from '../errors.js';

/** `onus permissions`: the IAM policy a scanning role needs, and nothing more. */
export function permissions(): number {
  process.stdout.write(`${JSON.stringify(scannerPolicy(COLLECTORS), null, 2)}\n`);
  return EXIT.ok;
}
