import { resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './ecr-repository-immutable-tags.js';

type Mutability = 'MUTABLE' | 'IMMUTABLE' | 'MUTABLE_WITH_EXCLUSION' | 'IMMUTABLE_WITH_EXCLUSION';
const repository = (tagMutability: Mutability) =>
  resource('ecr.repository', 'app', {
    name: 'app',
    uri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app',
    scanOnPush: true,
    tagMutability,
    encryptionType: 'AES256',
    kmsKey: null,
    policy: null,
    hasLifecyclePolicy: true,
  });

testCheck(check, {
  pass: [
    {
      name: 'the repository has immutable tags',
      resources: [repository('IMMUTABLE')],
      message: /^ECR repository app has immutable tags$/,
    },
    {
      name: 'tags are immutable except `latest`, and the policy accepts that',
      resources: [repository('IMMUTABLE_WITH_EXCLUSION')],
      thresholds: { allowImmutableWithExclusion: true },
      message: /except those matching its exclusion filters/,
    },
  ],
  fail: [
    {
      name: 'the repository was created with mutable tags, the AWS default',
      resources: [repository('MUTABLE')],
      message: /^ECR repository app lets tags be overwritten \(MUTABLE\)$/,
    },
    {
      name: 'tags are mutable except some protected by filters',
      resources: [repository('MUTABLE_WITH_EXCLUSION')],
      thresholds: { allowImmutableWithExclusion: true },
      message: /\(MUTABLE_WITH_EXCLUSION\)/,
    },
    {
      name: 'tags are immutable except `latest`, under the default policy',
      resources: [repository('IMMUTABLE_WITH_EXCLUSION')],
      message: /matching its exclusion filters be overwritten \(IMMUTABLE_WITH_EXCLUSION\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the tag mutability setting could not be read',
      resources: [
        withGap(repository('IMMUTABLE'), 'tagMutability', 'access-denied', 'ecr:DescribeRepositories'),
      ],
      reason: 'access-denied',
    },
    listingFailed(
      'repositories could not be listed in the region',
      'ecr.repository',
      'ecr:DescribeRepositories',
      'throttled',
    ),
  ],
});
