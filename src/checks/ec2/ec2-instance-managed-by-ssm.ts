import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-instance-managed-by-ssm',
  title: 'Running EC2 instances are managed by Systems Manager',
  description:
    'A running EC2 instance should be a Systems Manager managed node (FSBP SSM.1): its SSM Agent registered with the service, so it can be patched, inventoried and reached through Session Manager without open SSH or RDP ports. The check looks the instance up among the managed nodes DescribeInstanceInformation lists in its region. Stopped and terminated instances are skipped.',
  risk: 'An unmanaged instance falls out of patching and inventory: its vulnerabilities go unfixed and unseen, and administrators reach it over SSH or RDP with long-lived keys instead of audited Session Manager sessions.',
  severity: 'medium',
  service: 'ec2',
  domain: 'compute',
  kind: 'ec2.instance',
  scope: 'resource',
  reads: ['instanceId', 'state', 'iamInstanceProfileArn'],
  related: { 'ssm.managed-instance': ['instanceId', 'pingStatus'] },
  appliesTo: (instance) => instance.attributes.state === 'running',
  remediation: {
    text: 'Run the SSM Agent (preinstalled on Amazon Linux, Ubuntu and Windows AMIs from AWS) and give the instance an instance profile with the AmazonSSMManagedInstanceCore policy, or turn on Default Host Management Configuration so Systems Manager manages every instance of the region without a profile. The instance needs a route to the SSM endpoints (internet or VPC endpoints for ssm, ssmmessages and ec2messages).',
    cli: 'aws ssm update-service-setting --region <region> --setting-id arn:aws:ssm:<region>:<account>:servicesetting/ssm/managed-instance/default-ec2-instance-management-role --setting-value AWSSystemsManagerDefaultEC2InstanceManagementRole\n# or per instance:\naws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<profile-with-AmazonSSMManagedInstanceCore>',
    cloudformation:
      'SsmRole:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Statement:\n        - Effect: Allow\n          Principal: { Service: ec2.amazonaws.com }\n          Action: sts:AssumeRole\n    ManagedPolicyArns:\n      - arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore\nSsmProfile:\n  Type: AWS::IAM::InstanceProfile\n  Properties:\n    Roles: [!Ref SsmRole]\nInstance:\n  Type: AWS::EC2::Instance\n  Properties:\n    IamInstanceProfile: !Ref SsmProfile\n    # ...',
    terraform:
      'resource "aws_iam_role_policy_attachment" "ssm" {\n  role       = aws_iam_role.instance.name\n  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"\n}\n\nresource "aws_instance" "this" {\n  # ...\n  iam_instance_profile = aws_iam_instance_profile.instance.name\n}',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/managed-instances.html',
  },
  evaluate(instance, ctx) {
    const { instanceId, iamInstanceProfileArn } = instance.attributes;
    const managed = ctx
      .related('ssm.managed-instance', { account: instance.account, region: instance.region })
      .find((node) => ctx.read(node, 'instanceId') === instanceId);
    if (managed) {
      const pingStatus = ctx.read(managed, 'pingStatus');
      return pass(`EC2 instance ${instanceId} is managed by Systems Manager (agent ${pingStatus})`, {
        managed: true,
        pingStatus,
      });
    }
    return fail(
      iamInstanceProfileArn === null
        ? `EC2 instance ${instanceId} is not managed by Systems Manager: it has no instance profile to register with`
        : `EC2 instance ${instanceId} is not managed by Systems Manager: no SSM Agent registered for it`,
      { managed: false, iamInstanceProfileArn },
    );
  },
});
