import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

/**
 * A parameter name in one spelling: lower case, words joined by hyphens, so that `DB_PASSWORD`, `dbPassword`,
 * `db.password` and `db-password` all read `db-password`, and `apiKey` reads `api-key`.
 */
function normalize(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[_.\s]+/g, '-');
}

/**
 * Words that mark a parameter name as holding a secret, in normalized spelling. A fixed list rather than a
 * threshold: it decides which parameters the check applies to, and `appliesTo` does not see thresholds.
 */
const SECRET_WORDS = [
  'password',
  'passwd',
  'secret',
  'token',
  'api-key',
  'apikey',
  'private-key',
  'credential',
];

/** The secret words that occur in a parameter's name. */
function secretWordsIn(name: string): string[] {
  const normalized = normalize(name);
  return SECRET_WORDS.filter((word) => normalized.includes(word));
}

export default defineCheck({
  id: 'ssm-parameter-secret-not-plaintext',
  title: 'Parameters that hold secrets are SecureString parameters',
  description:
    'A Parameter Store parameter whose name says it holds a secret (password, secret, token, API key, private key, credential) must be a SecureString, encrypted with KMS. String and StringList parameters with such names fail; SecureString parameters pass; other parameters are not concerned. The name is the only evidence: parameter values are never read.',
  risk: 'String parameters are stored and returned in plain text: anyone with ssm:GetParameter(s) or ssm:GetParametersByPath on the path, or with access to CloudFormation templates and pipelines that resolve them, reads the secret, and no KMS key policy limits or records who decrypted it.',
  severity: 'high',
  service: 'ssm',
  domain: 'secrets',
  kind: 'ssm.parameter',
  scope: 'resource',
  reads: ['name', 'type'],
  appliesTo: ({ attributes }) =>
    attributes.type === 'SecureString' || secretWordsIn(attributes.name).length > 0,
  remediation: {
    text: 'Treat the value as exposed: issue a new secret (a new password, token or key) at its source. Store it as a SecureString parameter (ideally under a customer managed KMS key), or in Secrets Manager if it needs rotation, and grant ssm:GetParameter with decryption only to the roles that use it. CloudFormation cannot create SecureString parameters; Terraform can.',
    cli: '# after issuing a new value at its source:\naws ssm delete-parameter --name <name>\naws ssm put-parameter --name <name> --type SecureString --key-id <kms-key-id> --value file://new-value.txt',
    cloudformation:
      "# AWS::SSM::Parameter cannot create a SecureString parameter. Create it with the CLI or Terraform (or use\n# AWS::SecretsManager::Secret) and reference it with a dynamic reference:\n#   '{{resolve:ssm-secure:<name>}}'",
    terraform:
      'resource "aws_ssm_parameter" "this" {\n  name   = "<name>"\n  type   = "SecureString"\n  key_id = aws_kms_key.parameters.arn\n  value  = var.secret_value # sensitive; never committed\n}',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html',
  },
  evaluate(parameter) {
    const { name, type } = parameter.attributes;
    if (type === 'SecureString') return pass(`Parameter ${name} is a SecureString`, { type });
    const words = secretWordsIn(name);
    return fail(
      `Parameter ${name} is a ${type} parameter, stored in plain text, but its name says it holds a secret (${words.join(', ')})`,
      {
        type,
        matchedWords: words,
      },
    );
  },
});
