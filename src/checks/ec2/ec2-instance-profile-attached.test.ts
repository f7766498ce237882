import type { AttributesOf } from '../../core/kinds/index.js';
import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { ec2Instance } from '../../testing/compute-kinds.js';
import check from './ec2-instance-profile-attached.js';

type Instance = AttributesOf<'ec2.instance'>;

const instance = (overrides: Partial<Instance> = {}) => ec2Instance(overrides);

testCheck(check, {
  pass: [
    {
      name: 'a running instance with the app instance profile',
      resources: [instance()],
      message: /^Instance i-0abc uses instance profile arn:aws:iam::111122223333:instance-profile\/app$/,
    },
  ],
  fail: [
    {
      name: 'a running instance without an instance profile',
      resources: [instance({ iamInstanceProfileArn: null })],
      message: /^Instance i-0abc \(running\) has no IAM instance profile/,
    },
    {
      name: 'an instance still starting, without a profile',
      resources: [instance({ state: 'pending', iamInstanceProfileArn: null })],
    },
  ],
  notEvaluated: [
    {
      name: 'the instance profile could not be read',
      resources: [withGap(instance(), 'iamInstanceProfileArn', 'not-collected', 'ec2:DescribeInstances')],
      reason: 'not-collected',
    },
  ],
  skip: [
    {
      name: 'a stopped instance without a profile',
      resources: [instance({ state: 'stopped', iamInstanceProfileArn: null })],
    },
    {
      name: 'a terminated instance',
      resources: [instance({ state: 'terminated', iamInstanceProfileArn: null })],
    },
  ],
});
