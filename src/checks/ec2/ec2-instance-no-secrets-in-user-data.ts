import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeFindings, secretsInText } from '../../secrets/findings.js';

export default defineCheck({
  id: 'ec2-instance-no-secrets-in-user-data',
  title: 'EC2 instance user data holds no hardcoded secrets',
  description:
    'The user data of an EC2 instance (decoded, and gunzipped when gzipped) may not hold a credential: an AWS access key, a private key, a GitHub, Slack, Stripe or Google token, or a literal value assigned to a secret-like name (`DB_PASSWORD=...`, `password: ...`, `--password ...`). Values read at boot from Secrets Manager or Parameter Store (`$(aws secretsmanager ...)`, `${...}`) are not counted.',
  risk: 'User data is not secret: anyone allowed ec2:DescribeInstanceAttribute reads it, and so does every process on the instance through the metadata service (IMDS), including one reached by a server-side request forgery. A credential in it outlives the boot script and spreads with every AMI or launch configuration copied from the instance.',
  severity: 'critical',
  service: 'ec2',
  domain: 'secrets',
  kind: 'ec2.instance-user-data',
  scope: 'resource',
  reads: ['instanceId', 'userData'],
  remediation: {
    text: 'Keep the secret in AWS Secrets Manager or an SSM SecureString parameter and have the boot script fetch it with the instance role (`aws secretsmanager get-secret-value`). Replace the user data (the instance must be stopped to change it) and rotate every secret it held: it has been readable through the API and the metadata service.',
    cli: 'aws ec2 modify-instance-attribute --instance-id <instance> --attribute userData --value <base64-of-script-without-secrets>',
    cloudformation:
      'Instance:\n  Type: AWS::EC2::Instance\n  Properties:\n    # ...\n    UserData: !Base64 |\n      #!/bin/bash\n      DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)',
    terraform:
      'resource "aws_instance" "this" {\n  # ...\n  user_data = <<-EOT\n    #!/bin/bash\n    DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)\n  EOT\n}',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html',
  },
  evaluate(instance) {
    const { instanceId, userData } = instance.attributes;
    if (userData === null) return pass(`Instance ${instanceId} has no user data`, { userData: false });
    const findings = secretsInText(userData);
    return findings.length === 0
      ? pass(`Instance ${instanceId} has no hardcoded secret in its user data`, { findings: [] })
      : fail(`Instance ${instanceId} has hardcoded secrets in its user data: ${describeFindings(findings)}`, {
          findings,
        });
  },
});
