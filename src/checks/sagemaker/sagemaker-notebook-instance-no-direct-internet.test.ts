import { withGap } from '../../testing/builders.js';
import { notebookInstance } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './sagemaker-notebook-instance-no-direct-internet.js';

testCheck(check, {
  pass: [
    {
      name: 'a notebook that reaches out only through its VPC',
      resources: [notebookInstance()],
      message: /^SageMaker notebook instance research has no direct internet access$/,
    },
  ],
  fail: [
    {
      name: 'a notebook with the default direct internet access',
      resources: [notebookInstance({ directInternetAccess: true, subnetId: null })],
      message: /^SageMaker notebook instance research reaches the internet directly/,
    },
    {
      name: 'a notebook in a VPC that still has direct internet access',
      resources: [notebookInstance({ directInternetAccess: true })],
    },
  ],
  notEvaluated: [
    {
      name: 'the notebook instance could not be described',
      resources: [
        withGap(
          notebookInstance(),
          'directInternetAccess',
          'throttled',
          'sagemaker:DescribeNotebookInstance',
        ),
      ],
      reason: 'throttled',
    },
  ],
});
