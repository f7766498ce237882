import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { exposureTarget, judgePolicy } from '../../iam/analyses/exposure.js';

export default defineCheck({
  id: 'kms-key-policy-not-public',
  title: 'KMS key policy does not grant access to everyone',
  description:
    'A key policy is public when an Allow names every principal and no condition ties it to an account or organization (kms:CallerAccount, aws:PrincipalOrgID, aws:PrincipalAccount...). kms:ViaService alone does not restrict. Only customer managed keys are checked: AWS managed key policies are written by AWS.',
  risk: 'Anyone with an AWS account can use the key as the policy allows: decrypt data encrypted under it, or, with administrative actions, change its policy or schedule its deletion.',
  severity: 'critical',
  service: 'kms',
  domain: 'keys',
  kind: 'kms.key',
  scope: 'resource',
  reads: ['keyId', 'keyManager', 'policy'],
  appliesTo: (key) => key.attributes.keyManager === 'CUSTOMER',
  remediation: {
    text: 'Rewrite the key policy so that statements with Principal "*" are conditioned on kms:CallerAccount or aws:PrincipalOrgID, or name the principals instead. Keep the statement that lets the account root manage the key.',
    cli: 'aws kms get-key-policy --key-id <key-id> --policy-name default\naws kms put-key-policy --key-id <key-id> --policy-name default --policy file://policy.json',
    cloudformation:
      "Key:\n  Type: AWS::KMS::Key\n  Properties:\n    KeyPolicy:\n      Version: '2012-10-17'\n      Statement:\n        - Sid: Enable IAM User Permissions\n          Effect: Allow\n          Principal: { AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root' }\n          Action: 'kms:*'\n          Resource: '*'",
    terraform:
      'resource "aws_kms_key" "this" {\n  policy = data.aws_iam_policy_document.key.json # kms:CallerAccount or named principals, never "*" alone\n}',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
  },
  evaluate(resource) {
    const { keyId, policy } = resource.attributes;
    const verdict = judgePolicy(`Key ${keyId}`, policy, exposureTarget(resource, 'kms', 'kms-key'));
    return verdict.public ? fail(verdict.message, verdict.evidence) : pass(verdict.message, verdict.evidence);
  },
});
