import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './ecr-repository-scan-on-push.js';

const repository = (scanOnPush: boolean) =>
  resource('ecr.repository', 'app', {
    name: 'app',
    uri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app',
    scanOnPush,
    tagMutability: 'IMMUTABLE',
    encryptionType: 'AES256',
    kmsKey: null,
    policy: null,
    hasLifecyclePolicy: true,
  });

testCheck(check, {
  pass: [
    {
      name: 'the repository scans images on push',
      resources: [repository(true)],
      message: /^ECR repository app scans images on push$/,
    },
  ],
  fail: [
    {
      name: 'the repository was created without scan on push',
      resources: [repository(false)],
      message: /app does not scan images on push \(registry-level scanning rules were not read\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the repository scanning setting could not be read',
      resources: [withGap(repository(true), 'scanOnPush', 'access-denied', 'ecr:DescribeRepositories')],
      reason: 'access-denied',
    },
    listingFailed(
      'repositories could not be listed in the region',
      'ecr.repository',
      'ecr:DescribeRepositories',
    ),
  ],
});
