import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'sagemaker-notebook-instance-no-direct-internet',
  title: 'SageMaker notebook instances have no direct internet access',
  description:
    'Every SageMaker notebook instance must have direct internet access disabled, so its traffic goes through the customer VPC, where security groups, NAT, proxies and flow logs apply (Security Hub SageMaker.1).',
  risk: 'With direct internet access, SageMaker gives the notebook its own route to the internet that bypasses every network control of the VPC: code run in the notebook can send data out, and fetch tools in, unseen.',
  severity: 'high',
  service: 'sagemaker',
  domain: 'network',
  kind: 'sagemaker.notebook-instance',
  scope: 'resource',
  reads: ['name', 'directInternetAccess'],
  remediation: {
    text: 'Direct internet access is chosen at creation. Create a new notebook instance in a private VPC subnet with direct internet access disabled (reaching AWS services through VPC endpoints, the internet if needed through a NAT gateway or proxy), move the notebooks to it and delete the old one.',
    cli: 'aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type ml.t3.medium --role-arn <role-arn> --subnet-id <subnet-id> --security-group-ids <sg-id> --direct-internet-access Disabled',
    cloudformation:
      'Notebook:\n  Type: AWS::SageMaker::NotebookInstance\n  Properties:\n    InstanceType: ml.t3.medium\n    RoleArn: <role-arn>\n    SubnetId: <subnet-id>\n    SecurityGroupIds:\n      - <sg-id>\n    DirectInternetAccess: Disabled',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "this" {\n  # ...\n  subnet_id              = aws_subnet.private.id\n  security_groups        = [aws_security_group.notebook.id]\n  direct_internet_access = "Disabled"\n}',
    url: 'https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html',
  },
  evaluate(notebook) {
    const { name, directInternetAccess } = notebook.attributes;
    return directInternetAccess
      ? fail(`SageMaker notebook instance ${name} reaches the internet directly, outside any VPC control`, {
          directInternetAccess,
        })
      : pass(`SageMaker notebook instance ${name} has no direct internet access`, { directInternetAccess });
  },
});
