import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeFindings, secretsInVariables } from '../../secrets/findings.js';

export default defineCheck({
  id: 'cloudformation-stack-secret-parameters-no-echo',
  title: 'CloudFormation stack parameters that hold secrets are NoEcho',
  description:
    'A stack parameter with a secret-like name (DbPassword, ApiToken...) or a credential-shaped value must be declared NoEcho, so that DescribeStacks shows `****` instead of the value. Parameters resolved from Parameter Store (SSM parameter types) show the parameter’s name and are not counted. Better still, a template takes no secret as a parameter at all and uses a `{{resolve:secretsmanager:...}}` dynamic reference.',
  risk: 'A parameter without NoEcho is shown in clear text to anyone allowed cloudformation:DescribeStacks, in the console and in the stack’s events and change sets; the value also stays in the deployment scripts or CI variables that pass it.',
  severity: 'high',
  service: 'cloudformation',
  domain: 'secrets',
  kind: 'cloudformation.stack',
  scope: 'resource',
  reads: ['name', 'parameters'],
  remediation: {
    text: 'Declare the parameter `NoEcho: true`, or better remove it and resolve the secret in the template with a `{{resolve:secretsmanager:<secret>:SecretString:<key>}}` dynamic reference (or let the resource manage it, e.g. `ManageMasterUserPassword` on RDS). Update the stack, then rotate the secret: it has been visible.',
    cli: 'aws cloudformation update-stack --stack-name <stack> --template-body file://template-with-noecho.yaml --parameters ParameterKey=DbPassword,ParameterValue=<new-secret>',
    cloudformation:
      "Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n# or, without a parameter:\n#   MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'",
    terraform:
      'resource "aws_cloudformation_stack" "this" {\n  # ... the template declares NoEcho: true on DbPassword\n  parameters = {\n    DbPassword = data.aws_secretsmanager_secret_version.db.secret_string\n  }\n}',
    url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds',
  },
  evaluate(stack) {
    const { name, parameters } = stack.attributes;
    // NoEcho values come back as `****`, which the detector takes for a placeholder.
    const visible = parameters.filter((parameter) => !parameter.resolvedFromSsm);
    const findings = secretsInVariables(
      Object.fromEntries(visible.map((parameter) => [parameter.key, parameter.value])),
    );
    return findings.length === 0
      ? pass(`Stack ${name} shows no secret among its ${parameters.length} parameters`, {
          parameters: parameters.length,
        })
      : fail(
          `Stack ${name} shows secret parameters in clear text (no NoEcho): ${describeFindings(findings)}`,
          {
            findings,
          },
        );
  },
});
