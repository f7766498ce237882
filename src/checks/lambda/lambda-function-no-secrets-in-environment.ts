import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeFindings, secretsInVariables } from '../../secrets/findings.js';

export default defineCheck({
  id: 'lambda-function-no-secrets-in-environment',
  title: 'Lambda function environment variables hold no hardcoded secrets',
  description:
    'No environment variable of a Lambda function may hold a credential: an AWS access key, a private key, a GitHub, Slack, Stripe or Google token, or a literal value under a secret-like name (password, secret, token, api_key...). Values that refer to a secret kept elsewhere (a Secrets Manager or SSM ARN, a `${...}` reference) and masked values are not counted.',
  risk: 'Environment variables are plain configuration: anyone allowed lambda:GetFunctionConfiguration (a read-only role, a support engineer, a CI log, an IaC state file) reads them in clear text, and they cannot be rotated without redeploying. A leaked credential gives its holder everything it grants.',
  severity: 'critical',
  service: 'lambda',
  domain: 'secrets',
  kind: 'lambda.function',
  scope: 'resource',
  reads: ['name', 'environment'],
  remediation: {
    text: 'Move each secret to AWS Secrets Manager (or an SSM SecureString parameter), give the execution role permission to read it, and read it at run time (the AWS Parameters and Secrets Lambda Extension caches it). Put only the secret’s ARN or name in the environment. Rotate every secret that was in the environment: it has been readable by anyone with read access to the function.',
    cli: 'aws lambda update-function-configuration --function-name <function> --environment "Variables={DB_SECRET_ARN=arn:aws:secretsmanager:<region>:<account>:secret:<name>}"',
    cloudformation:
      'Function:\n  Type: AWS::Lambda::Function\n  Properties:\n    # ...\n    Environment:\n      Variables:\n        DB_SECRET_ARN: !Ref DatabaseSecret',
    terraform:
      'resource "aws_lambda_function" "this" {\n  # ...\n  environment {\n    variables = {\n      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
  },
  evaluate(fn) {
    const { name, environment } = fn.attributes;
    const findings = secretsInVariables(environment);
    const variables = Object.keys(environment).length;
    if (variables === 0) return pass(`Function ${name} has no environment variables`, { variables });
    if (findings.length === 0) {
      return pass(`Function ${name} has no hardcoded secret in its ${variables} environment variables`, {
        variables,
      });
    }
    return fail(`Function ${name} has hardcoded secrets in its environment: ${describeFindings(findings)}`, {
      findings,
    });
  },
});
