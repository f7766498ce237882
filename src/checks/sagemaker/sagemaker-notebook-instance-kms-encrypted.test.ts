import { withGap } from '../../testing/builders.js';
import { KEY_ARN, notebookInstance } from '../../testing/analytics.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './sagemaker-notebook-instance-kms-encrypted.js';

testCheck(check, {
  pass: [
    {
      name: 'a notebook whose volume uses a customer managed key',
      resources: [notebookInstance()],
      message: new RegExp(`^SageMaker notebook instance research encrypts its storage with ${KEY_ARN}$`),
    },
  ],
  fail: [
    {
      name: 'a notebook created without a KMS key',
      resources: [notebookInstance({ kmsKeyId: null })],
      message: /research encrypts its storage with a key SageMaker owns/,
    },
  ],
  notEvaluated: [
    {
      name: 'the notebook instance could not be described',
      resources: [
        withGap(notebookInstance(), 'kmsKeyId', 'access-denied', 'sagemaker:DescribeNotebookInstance'),
      ],
      reason: 'access-denied',
    },
    listingFailed(
      'notebook instances could not be listed in the region',
      'sagemaker.notebook-instance',
      'sagemaker:ListNotebookInstances',
    ),
  ],
});
