import { withGap } from '../../testing/builders.js';
import { apiStage } from '../../testing/analytics.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './apigateway-stage-logging.js';

testCheck(check, {
  pass: [
    {
      name: 'a stage logging errors',
      resources: [apiStage()],
      message: /^Stage prod of REST API orders-api \(a1b2c3d4e5\) writes execution logs at level ERROR$/,
    },
    { name: 'a stage logging everything at INFO', resources: [apiStage({ executionLogging: 'INFO' })] },
  ],
  fail: [
    {
      name: 'a stage with execution logging off, or a method that turns it off',
      resources: [apiStage({ executionLogging: 'OFF' })],
      message:
        /^Stage prod of REST API orders-api \(a1b2c3d4e5\) does not write execution logs for all its methods$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the stage logging level could not be read',
      resources: [withGap(apiStage(), 'executionLogging', 'collection-error', 'apigateway:GET')],
      reason: 'collection-error',
    },
    listingFailed('REST APIs could not be listed in the region', 'apigateway.stage', 'apigateway:GET'),
  ],
});
