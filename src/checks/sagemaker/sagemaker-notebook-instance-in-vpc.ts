import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'sagemaker-notebook-instance-in-vpc',
  title: 'SageMaker notebook instances run in a VPC of the account',
  description:
    "Every SageMaker notebook instance must be launched in a subnet of a VPC the account controls (Security Hub SageMaker.2), so its network interface is subject to the account's security groups, routing and flow logs.",
  risk: "Outside the account's VPCs, a notebook can only reach private resources over the internet, cannot be fenced by security groups, and its traffic escapes flow logs and network monitoring.",
  severity: 'high',
  service: 'sagemaker',
  domain: 'network',
  kind: 'sagemaker.notebook-instance',
  scope: 'resource',
  reads: ['name', 'subnetId'],
  remediation: {
    text: 'The network of a notebook instance is chosen at creation. Create a new notebook instance in a private subnet with its own security group, move the notebooks to it and delete the old one.',
    cli: 'aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type ml.t3.medium --role-arn <role-arn> --subnet-id <subnet-id> --security-group-ids <sg-id> --direct-internet-access Disabled',
    cloudformation:
      'Notebook:\n  Type: AWS::SageMaker::NotebookInstance\n  Properties:\n    InstanceType: ml.t3.medium\n    RoleArn: <role-arn>\n    SubnetId: <subnet-id>\n    SecurityGroupIds:\n      - <sg-id>',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "this" {\n  # ...\n  subnet_id       = aws_subnet.private.id\n  security_groups = [aws_security_group.notebook.id]\n}',
    url: 'https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html',
  },
  evaluate(notebook) {
    const { name, subnetId } = notebook.attributes;
    return subnetId !== null
      ? pass(`SageMaker notebook instance ${name} runs in subnet ${subnetId}`, { subnetId })
      : fail(`SageMaker notebook instance ${name} runs outside any VPC of the account`, { subnetId });
  },
});
