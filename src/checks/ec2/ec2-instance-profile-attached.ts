import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-instance-profile-attached',
  title: 'Running EC2 instances use an IAM instance profile',
  description:
    'Every pending or running EC2 instance has an IAM instance profile, so software on it reaches AWS with short-lived role credentials rather than access keys stored on disk (CIS 1.17). Stopped and terminated instances are left out.',
  risk: 'An instance without a role gets its AWS access from long-lived access keys in files, environment variables or code: keys that leak with a snapshot, an image or a compromised host, and that nobody rotates.',
  severity: 'medium',
  service: 'ec2',
  domain: 'identity',
  kind: 'ec2.instance',
  scope: 'resource',
  reads: ['instanceId', 'state', 'iamInstanceProfileArn'],
  appliesTo: (instance) => instance.attributes.state === 'running' || instance.attributes.state === 'pending',
  remediation: {
    text: 'Create a role with the permissions the software needs, wrap it in an instance profile and associate it with the instance (no restart needed); then remove any access keys stored on the instance and deactivate them.',
    cli: 'aws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<profile>',
    cloudformation:
      'Profile:\n  Type: AWS::IAM::InstanceProfile\n  Properties:\n    Roles: [!Ref AppRole]\nInstance:\n  Type: AWS::EC2::Instance\n  Properties:\n    IamInstanceProfile: !Ref Profile',
    terraform:
      'resource "aws_iam_instance_profile" "app" {\n  role = aws_iam_role.app.name\n}\n\nresource "aws_instance" "app" {\n  # ...\n  iam_instance_profile = aws_iam_instance_profile.app.name\n}',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
  },
  evaluate(instance) {
    const { instanceId, state, iamInstanceProfileArn } = instance.attributes;
    return iamInstanceProfileArn
      ? pass(`Instance ${instanceId} uses instance profile ${iamInstanceProfileArn}`, {
          iamInstanceProfileArn,
        })
      : fail(
          `Instance ${instanceId} (${state}) has no IAM instance profile: any AWS access it has comes from stored keys`,
          {
            iamInstanceProfileArn,
          },
        );
  },
});
