import { withGap } from '../../testing/builders.js';
import { notebookInstance } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './sagemaker-notebook-instance-in-vpc.js';

testCheck(check, {
  pass: [
    {
      name: 'a notebook in a private subnet',
      resources: [notebookInstance()],
      message: /^SageMaker notebook instance research runs in subnet subnet-0a1b2c3d$/,
    },
  ],
  fail: [
    {
      name: 'a notebook created without a VPC',
      resources: [notebookInstance({ subnetId: null, directInternetAccess: true })],
      message: /^SageMaker notebook instance research runs outside any VPC of the account$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the notebook instance could not be described',
      resources: [
        withGap(notebookInstance(), 'subnetId', 'access-denied', 'sagemaker:DescribeNotebookInstance'),
      ],
      reason: 'access-denied',
    },
  ],
});
