import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeFindings, secretsInText } from '../../secrets/findings.js';

export default defineCheck({
  id: 'ec2-launch-template-no-secrets-in-user-data',
  title: 'EC2 launch template user data holds no hardcoded secrets',
  description:
    'The user data of the latest version of an EC2 launch template (decoded, and gunzipped when gzipped) may not hold a credential: an AWS access key, a private key, a GitHub, Slack, Stripe or Google token, or a literal value assigned to a secret-like name. Values read at boot from Secrets Manager or Parameter Store are not counted. Older versions are not read.',
  risk: 'Every instance launched from the template (by Auto Scaling, EKS node groups, Batch, Spot Fleet) receives the secret and serves it to any local process through the metadata service; anyone allowed ec2:DescribeLaunchTemplateVersions reads it from the API. The secret lives on in every version that kept it.',
  severity: 'critical',
  service: 'ec2',
  domain: 'secrets',
  kind: 'ec2.launch-template',
  scope: 'resource',
  reads: ['launchTemplateId', 'name', 'latestVersion', 'userData'],
  remediation: {
    text: 'Fetch the secret at boot from AWS Secrets Manager or an SSM SecureString parameter with the instance role. Create a new template version without the secret, make it the default, delete the versions that hold it, and rotate the secret.',
    cli: 'aws ec2 create-launch-template-version --launch-template-id <template> --source-version <version> --launch-template-data \'{"UserData":"<base64-of-script-without-secrets>"}\'\naws ec2 delete-launch-template-versions --launch-template-id <template> --versions <old-versions>',
    cloudformation:
      'LaunchTemplate:\n  Type: AWS::EC2::LaunchTemplate\n  Properties:\n    LaunchTemplateData:\n      UserData: !Base64 |\n        #!/bin/bash\n        DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)',
    terraform:
      'resource "aws_launch_template" "this" {\n  # ...\n  user_data = base64encode(<<-EOT\n    #!/bin/bash\n    DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)\n  EOT\n  )\n}',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-launch-templates.html',
  },
  evaluate(template) {
    const { launchTemplateId, name, latestVersion, userData } = template.attributes;
    const label = `Launch template ${name} (${launchTemplateId}) version ${latestVersion}`;
    if (userData === null) return pass(`${label} has no user data`, { userData: false });
    const findings = secretsInText(userData);
    return findings.length === 0
      ? pass(`${label} has no hardcoded secret in its user data`, { findings: [] })
      : fail(`${label} has hardcoded secrets in its user data: ${describeFindings(findings)}`, { findings });
  },
});
