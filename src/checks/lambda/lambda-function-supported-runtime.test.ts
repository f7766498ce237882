import type { AttributesOf } from '../../core/kinds/index.js';
import { ACCOUNT, resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './lambda-function-supported-runtime.js';

// The tests run at 2026-06-01.
const fn = (runtime: string | null, packageType: AttributesOf<'lambda.function'>['packageType'] = 'Zip') =>
  resource('lambda.function', 'orders', {
    name: 'orders',
    runtime,
    packageType,
    role: `arn:aws:iam::${ACCOUNT}:role/orders`,
    environment: {},
    kmsKeyArn: null,
    vpcConfigured: false,
    urlAuthType: null,
    policy: null,
  });

testCheck(check, {
  pass: [
    {
      name: 'a function on python3.13',
      resources: [fn('python3.13')],
      message: /^Lambda function orders uses python3\.13, supported until 2029-06-30$/,
    },
    {
      name: 'a function on a runtime newer than the table',
      resources: [fn('nodejs26.x')],
      message: /no deprecation date is known$/,
    },
    {
      name: 'a function on java17, a month before its deprecation',
      resources: [fn('java17')],
      message: /supported until 2026-06-30$/,
    },
  ],
  fail: [
    {
      name: 'a function still on python3.8',
      resources: [fn('python3.8')],
      message: /^Lambda function orders uses python3\.8, deprecated since 2024-10-14$/,
    },
    {
      name: 'a function on nodejs20.x a month after its deprecation',
      resources: [fn('nodejs20.x')],
      message: /deprecated since 2026-04-30$/,
    },
    {
      name: 'a function on java17 fails early when the team wants 90 days to upgrade',
      resources: [fn('java17')],
      thresholds: { failDaysBeforeDeprecation: 90 },
      message: /deprecated on 2026-06-30 \(in 29 days\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the function configuration could not be read',
      resources: [withGap(fn('python3.12'), 'runtime', 'access-denied', 'lambda:ListFunctions')],
      reason: 'access-denied',
    },
    listingFailed(
      'functions could not be listed in the region',
      'lambda.function',
      'lambda:ListFunctions',
      'throttled',
    ),
  ],
  skip: [{ name: 'a container-image function brings its own runtime', resources: [fn(null, 'Image')] }],
});
