import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { exposureTarget, judgePolicy } from '../../iam/analyses/exposure.js';

export default defineCheck({
  id: 'secretsmanager-secret-policy-not-public',
  title: 'Secrets Manager secret policy does not grant access to everyone',
  description:
    "A secret's resource policy is public when an Allow names every principal and no condition ties it to an account, organization or VPC endpoint. Secrets without a resource policy are only reachable through IAM policies in their own account.",
  risk: 'Anyone with an AWS account can read the secret value (secretsmanager:GetSecretValue) or change it, taking over whatever the credential unlocks.',
  severity: 'critical',
  service: 'secretsmanager',
  domain: 'secrets',
  kind: 'secretsmanager.secret',
  scope: 'resource',
  reads: ['name', 'policy'],
  remediation: {
    text: 'Remove the public statements, or condition them on aws:PrincipalOrgID or aws:SourceVpce. Put the policy with --block-public-policy so Secrets Manager refuses public policies from then on.',
    cli: 'aws secretsmanager get-resource-policy --secret-id <secret>\naws secretsmanager put-resource-policy --secret-id <secret> --resource-policy file://policy.json --block-public-policy',
    cloudformation:
      "SecretPolicy:\n  Type: AWS::SecretsManager::ResourcePolicy\n  Properties:\n    SecretId: !Ref Secret\n    BlockPublicPolicy: true\n    ResourcePolicy:\n      Version: '2012-10-17'\n      Statement:\n        - Effect: Allow\n          Principal: { AWS: !GetAtt AppRole.Arn }\n          Action: secretsmanager:GetSecretValue\n          Resource: '*'",
    terraform:
      'resource "aws_secretsmanager_secret_policy" "this" {\n  secret_arn          = aws_secretsmanager_secret.this.arn\n  block_public_policy = true\n  policy              = data.aws_iam_policy_document.secret.json\n}',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html',
  },
  evaluate(resource) {
    const { name, policy } = resource.attributes;
    if (policy === null) {
      return pass(`Secret ${name} has no resource policy`, { policy: null });
    }
    const verdict = judgePolicy(`Secret ${name}`, policy, exposureTarget(resource, 'secretsmanager'));
    return verdict.public ? fail(verdict.message, verdict.evidence) : pass(verdict.message, verdict.evidence);
  },
});
