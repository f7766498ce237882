import { withGap } from '../../testing/builders.js';
import { apiStage } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './apigateway-stage-access-logging.js';

testCheck(check, {
  pass: [
    {
      name: 'a stage logging requests to a log group',
      resources: [apiStage()],
      message:
        /^Stage prod of REST API orders-api \(a1b2c3d4e5\) writes access logs to arn:aws:logs:.*:log-group:\/apigateway\/orders-api$/,
    },
  ],
  fail: [
    {
      name: 'a stage without access logging',
      resources: [apiStage({ accessLogDestination: null })],
      message: /^Stage prod of REST API orders-api \(a1b2c3d4e5\) writes no access logs$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the stage settings could not be read',
      resources: [withGap(apiStage(), 'accessLogDestination', 'access-denied', 'apigateway:GET')],
      reason: 'access-denied',
    },
  ],
});
