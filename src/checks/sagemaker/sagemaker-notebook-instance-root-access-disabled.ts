import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'sagemaker-notebook-instance-root-access-disabled',
  title: 'SageMaker notebook instances do not give users root access',
  description:
    'Every SageMaker notebook instance must have root access disabled, so notebook users cannot become root on the instance (Security Hub SageMaker.3). Lifecycle configurations still run as root.',
  risk: "With root access, any notebook user can change the system, install software, read other users' files, tamper with logging and use the instance and its IAM role in ways the notebook environment was meant to prevent.",
  severity: 'high',
  service: 'sagemaker',
  domain: 'compute',
  kind: 'sagemaker.notebook-instance',
  scope: 'resource',
  reads: ['name', 'rootAccess'],
  remediation: {
    text: 'Disable root access on the notebook instance (stop it first; the change applies when it starts again). Install what users need through a lifecycle configuration, which still runs as root.',
    cli: 'aws sagemaker stop-notebook-instance --notebook-instance-name <name> && aws sagemaker update-notebook-instance --notebook-instance-name <name> --root-access Disabled',
    cloudformation:
      'Notebook:\n  Type: AWS::SageMaker::NotebookInstance\n  Properties:\n    InstanceType: ml.t3.medium\n    RoleArn: <role-arn>\n    RootAccess: Disabled',
    terraform: 'resource "aws_sagemaker_notebook_instance" "this" {\n  # ...\n  root_access = "Disabled"\n}',
    url: 'https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html',
  },
  evaluate(notebook) {
    const { name, rootAccess } = notebook.attributes;
    return rootAccess
      ? fail(`SageMaker notebook instance ${name} lets its users become root`, { rootAccess })
      : pass(`SageMaker notebook instance ${name} gives its users no root access`, { rootAccess });
  },
});
