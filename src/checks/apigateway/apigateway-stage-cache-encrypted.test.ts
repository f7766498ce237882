import { withGap } from '../../testing/builders.js';
import { apiStage } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './apigateway-stage-cache-encrypted.js';

testCheck(check, {
  pass: [
    {
      name: 'a cached stage that encrypts its cache',
      resources: [apiStage({ cacheClusterEnabled: true, cacheDataEncrypted: true })],
      message: /^Stage prod of REST API orders-api \(a1b2c3d4e5\) encrypts the responses it caches$/,
    },
  ],
  fail: [
    {
      name: 'a cached stage, or one of its caching methods, that does not encrypt',
      resources: [apiStage({ cacheClusterEnabled: true, cacheDataEncrypted: false })],
      message: /^Stage prod of REST API orders-api \(a1b2c3d4e5\) caches responses without encrypting them$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the method settings could not be read',
      resources: [
        withGap(
          apiStage({ cacheClusterEnabled: true }),
          'cacheDataEncrypted',
          'access-denied',
          'apigateway:GET',
        ),
      ],
      reason: 'access-denied',
    },
  ],
  skip: [{ name: 'a stage without a cache', resources: [apiStage({ cacheClusterEnabled: false })] }],
});
