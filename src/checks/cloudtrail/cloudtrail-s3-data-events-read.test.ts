import { testCheck } from '../../testing/check-tester.js';
import { s3DataEventsCases } from '../../testing/logging-kinds.js';
import check from './cloudtrail-s3-data-events-read.js';

const cases = s3DataEventsCases('read');

testCheck(check, { pass: cases.pass, fail: cases.fail, notEvaluated: cases.notEvaluated });
