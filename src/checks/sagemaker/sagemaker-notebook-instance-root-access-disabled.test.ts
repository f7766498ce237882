import { withGap } from '../../testing/builders.js';
import { notebookInstance } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './sagemaker-notebook-instance-root-access-disabled.js';

testCheck(check, {
  pass: [
    {
      name: 'a notebook without root access',
      resources: [notebookInstance()],
      message: /^SageMaker notebook instance research gives its users no root access$/,
    },
  ],
  fail: [
    {
      name: 'a notebook left with the default root access',
      resources: [notebookInstance({ rootAccess: true })],
      message: /^SageMaker notebook instance research lets its users become root$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the notebook instance could not be described',
      resources: [
        withGap(notebookInstance(), 'rootAccess', 'access-denied', 'sagemaker:DescribeNotebookInstance'),
      ],
      reason: 'access-denied',
    },
  ],
});
