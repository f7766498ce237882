import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './lambda-function-url-requires-auth.js';

const fn = (urlAuthType: 'AWS_IAM' | 'NONE' | null) =>
  resource('lambda.function', 'orders', {
    name: 'orders',
    runtime: 'nodejs20.x',
    packageType: 'Zip',
    role: 'arn:aws:iam::111122223333:role/orders',
    environment: {},
    kmsKeyArn: null,
    vpcConfigured: false,
    urlAuthType,
    policy: null,
  });

testCheck(check, {
  pass: [
    {
      name: 'the function URL requires signed IAM requests',
      resources: [fn('AWS_IAM')],
      message: /^Function orders's URL requires IAM authentication$/,
    },
  ],
  fail: [
    {
      name: 'anyone on the internet can call the function URL',
      resources: [fn('NONE')],
      message: /^Function orders has a public function URL \(auth type NONE\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the function URL configuration could not be read',
      resources: [withGap(fn('NONE'), 'urlAuthType', 'access-denied', 'lambda:GetFunctionUrlConfig')],
      reason: 'access-denied',
    },
    listingFailed('functions could not be listed in the region', 'lambda.function', 'lambda:ListFunctions'),
  ],
  skip: [{ name: 'a function without a URL gets no result', resources: [fn(null)] }],
});
