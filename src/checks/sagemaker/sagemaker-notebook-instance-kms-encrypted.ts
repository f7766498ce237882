import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'sagemaker-notebook-instance-kms-encrypted',
  title: 'SageMaker notebook instances encrypt their storage with a KMS key of the account',
  description:
    'Every SageMaker notebook instance must encrypt its ML storage volume with a KMS key the account manages (the AWS Config rule sagemaker-notebook-instance-kms-key-configured). Without one, SageMaker uses a key it owns, which the account can neither audit nor revoke.',
  risk: 'Notebook volumes hold training data, credentials saved by users and model artefacts. Encrypted with a key SageMaker owns, their use leaves no trace in CloudTrail and access cannot be cut off by disabling the key.',
  severity: 'medium',
  service: 'sagemaker',
  domain: 'keys',
  kind: 'sagemaker.notebook-instance',
  scope: 'resource',
  reads: ['name', 'kmsKeyId'],
  remediation: {
    text: 'The key of a notebook instance is chosen at creation. Create a new notebook instance with a customer managed KMS key, move the notebooks and data to it (or to a code repository), and delete the old one.',
    cli: 'aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type ml.t3.medium --role-arn <role-arn> --kms-key-id <key-id>',
    cloudformation:
      'Notebook:\n  Type: AWS::SageMaker::NotebookInstance\n  Properties:\n    InstanceType: ml.t3.medium\n    RoleArn: <role-arn>\n    KmsKeyId: <key-id>',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "this" {\n  # ...\n  kms_key_id = aws_kms_key.notebooks.arn\n}',
    url: 'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html',
  },
  evaluate(notebook) {
    const { name, kmsKeyId } = notebook.attributes;
    return kmsKeyId !== null
      ? pass(`SageMaker notebook instance ${name} encrypts its storage with ${kmsKeyId}`, { kmsKeyId })
      : fail(
          `SageMaker notebook instance ${name} encrypts its storage with a key SageMaker owns, not a KMS key of the account`,
          { kmsKeyId },
        );
  },
});
