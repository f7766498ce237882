import { testCheck } from '../../testing/check-tester.js';
import { protectionPlanCases } from '../../testing/detection-kinds.js';
import check from './guardduty-eks-protection-enabled.js';

const cases = protectionPlanCases('EKS_AUDIT_LOGS', 'EKS Protection (audit log monitoring)');

testCheck(check, { pass: cases.pass, fail: cases.fail, notEvaluated: cases.notEvaluated, skip: cases.skip });
