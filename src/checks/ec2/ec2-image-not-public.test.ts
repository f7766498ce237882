import { daysAgo, resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './ec2-image-not-public.js';

const image = (isPublic: boolean) =>
  resource('ec2.image', 'ami-0abc', {
    imageId: 'ami-0abc',
    name: 'web-golden-2026-05',
    public: isPublic,
    creationDate: daysAgo(20),
    encrypted: true,
  });

testCheck(check, {
  pass: [
    {
      name: 'a private AMI',
      resources: [image(false)],
      message: /ami-0abc \(web-golden-2026-05\) is not public/,
    },
  ],
  fail: [
    {
      name: 'a golden image shared publicly',
      resources: [image(true)],
      message: /^AMI ami-0abc \(web-golden-2026-05\) can be launched by any AWS account$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the image permissions could not be read',
      resources: [withGap(image(false), 'public', 'access-denied', 'ec2:DescribeImages')],
      reason: 'access-denied',
    },
    listingFailed('AMIs could not be listed in the region', 'ec2.image', 'ec2:DescribeImages'),
  ],
});
