import { withGap } from '../../testing/builders.js';
import { apiStage } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './apigateway-stage-waf.js';

testCheck(check, {
  pass: [
    {
      name: 'a stage behind a web ACL',
      resources: [apiStage()],
      message: /^Stage prod of REST API orders-api \(a1b2c3d4e5\) is protected by web ACL arn:aws:wafv2:/,
    },
  ],
  fail: [
    {
      name: 'a stage open to unfiltered requests',
      resources: [apiStage({ webAclArn: null })],
      message: /^Stage prod of REST API orders-api \(a1b2c3d4e5\) has no AWS WAF web ACL in front of it$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the stage could not be read',
      resources: [withGap(apiStage(), 'webAclArn', 'throttled', 'apigateway:GET')],
      reason: 'throttled',
    },
  ],
});
