import { testCheck } from '../../testing/check-tester.js';
import { protectionPlanCases } from '../../testing/detection-kinds.js';
import check from './guardduty-s3-protection-enabled.js';

const cases = protectionPlanCases('S3_DATA_EVENTS', 'S3 Protection');

testCheck(check, { pass: cases.pass, fail: cases.fail, notEvaluated: cases.notEvaluated, skip: cases.skip });
