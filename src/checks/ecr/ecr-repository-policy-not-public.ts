import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { exposureTarget, judgePolicy } from '../../iam/analyses/exposure.js';

export default defineCheck({
  id: 'ecr-repository-policy-not-public',
  title: 'ECR repository policy does not grant access to everyone',
  description:
    'A repository policy is public when an Allow names every principal and no condition ties it to an account or organization. Public images belong in ECR Public, not in a private repository opened to "*".',
  risk: 'Anyone with an AWS account can pull the images (and the code, credentials or configuration baked into them), or push and overwrite tags if write actions are granted.',
  severity: 'high',
  service: 'ecr',
  domain: 'compute',
  kind: 'ecr.repository',
  scope: 'resource',
  reads: ['name', 'policy'],
  remediation: {
    text: 'Replace "*" with the accounts that pull the images, or condition the statement on aws:PrincipalOrgID; publish deliberately public images to ECR Public instead.',
    cli: 'aws ecr get-repository-policy --repository-name <repository>\naws ecr set-repository-policy --repository-name <repository> --policy-text file://policy.json',
    cloudformation:
      "Repository:\n  Type: AWS::ECR::Repository\n  Properties:\n    RepositoryPolicyText:\n      Version: '2012-10-17'\n      Statement:\n        - Effect: Allow\n          Principal: '*'\n          Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]\n          Condition:\n            StringEquals: { 'aws:PrincipalOrgID': o-xxxxxxxxxx }",
    terraform:
      'resource "aws_ecr_repository_policy" "this" {\n  repository = aws_ecr_repository.this.name\n  policy     = data.aws_iam_policy_document.pull.json # aws:PrincipalOrgID or named accounts, never "*" alone\n}',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html',
  },
  evaluate(resource) {
    const { name, policy } = resource.attributes;
    if (policy === null) {
      return pass(`Repository ${name} has no repository policy`, { policy: null });
    }
    const verdict = judgePolicy(`Repository ${name}`, policy, exposureTarget(resource, 'ecr'));
    return verdict.public ? fail(verdict.message, verdict.evidence) : pass(verdict.message, verdict.evidence);
  },
});
