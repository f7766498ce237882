import { testCheck } from '../../testing/check-tester.js';
import { protectionPlanCases } from '../../testing/detection-kinds.js';
import check from './guardduty-lambda-protection-enabled.js';

const cases = protectionPlanCases('LAMBDA_NETWORK_LOGS', 'Lambda Protection');

testCheck(check, { pass: cases.pass, fail: cases.fail, notEvaluated: cases.notEvaluated, skip: cases.skip });
