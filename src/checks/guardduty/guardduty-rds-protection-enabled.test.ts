import { testCheck } from '../../testing/check-tester.js';
import { protectionPlanCases } from '../../testing/detection-kinds.js';
import check from './guardduty-rds-protection-enabled.js';

const cases = protectionPlanCases('RDS_LOGIN_EVENTS', 'RDS Protection');

testCheck(check, { pass: cases.pass, fail: cases.fail, notEvaluated: cases.notEvaluated, skip: cases.skip });
