import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeFindings, secretsInVariables } from '../../secrets/findings.js';

export default defineCheck({
  id: 'cloudformation-stack-no-secrets-in-outputs',
  title: 'CloudFormation stack outputs hold no secrets',
  description:
    'No output of a CloudFormation stack may hold a credential: an AWS access key, a private key, a GitHub, Slack, Stripe or Google token, or a literal value under a secret-like output name (DbPassword, ApiToken...). Outputs that give the ARN or name of a secret are the right way and are not counted.',
  risk: 'Stack outputs are shown in clear text to anyone allowed cloudformation:DescribeStacks, in the console, in CI logs of every deployment, and, when exported, to every stack in the region that imports them. CloudFormation has no way to mask an output.',
  severity: 'critical',
  service: 'cloudformation',
  domain: 'secrets',
  kind: 'cloudformation.stack',
  scope: 'resource',
  reads: ['name', 'outputs'],
  remediation: {
    text: 'Output the ARN or name of the secret (an AWS::SecretsManager::Secret, or a SecureString parameter) instead of its value, and let consumers read it with their own permissions. Update the stack without the output, then rotate the secret: past deployments have shown it.',
    cli: 'aws cloudformation deploy --stack-name <stack> --template-file template-without-secret-output.yaml',
    cloudformation: 'Outputs:\n  DatabaseSecretArn:\n    Value: !Ref DatabaseSecret',
    terraform: 'output "database_secret_arn" {\n  value = aws_secretsmanager_secret.db.arn\n}',
    url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html',
  },
  evaluate(stack) {
    const { name, outputs } = stack.attributes;
    const findings = secretsInVariables(
      Object.fromEntries(outputs.map((output) => [output.key, output.value])),
    );
    return findings.length === 0
      ? pass(`Stack ${name} shows no secret in its ${outputs.length} outputs`, { outputs: outputs.length })
      : fail(`Stack ${name} shows secrets in its outputs: ${describeFindings(findings)}`, { findings });
  },
});
