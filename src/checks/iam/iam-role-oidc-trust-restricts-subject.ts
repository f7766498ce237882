import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { unrestrictedOidcStatements } from '../../iam/analyses/documents.js';

export default defineCheck({
  id: 'iam-role-oidc-trust-restricts-subject',
  title: 'Roles trusting GitHub Actions OIDC restrict the token subject',
  description:
    'A role whose trust policy lets the GitHub Actions OIDC provider (token.actions.githubusercontent.com) in must test the token "sub" claim with StringEquals or StringLike and a specific value (repository, branch or environment).',
  risk: 'GitHub issues tokens to every workflow of every repository on github.com; without a condition on the subject, any GitHub user can write a workflow that assumes the role.',
  severity: 'critical',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.role',
  scope: 'resource',
  reads: ['name', 'trustPolicy'],
  remediation: {
    text: 'Add a condition on token.actions.githubusercontent.com:sub naming your repository (and branch or environment), and on token.actions.githubusercontent.com:aud = sts.amazonaws.com.',
    cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json',
    cloudformation:
      'Role:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Principal:\n            Federated: !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com\n          Action: sts:AssumeRoleWithWebIdentity\n          Condition:\n            StringEquals:\n              token.actions.githubusercontent.com:aud: sts.amazonaws.com\n            StringLike:\n              token.actions.githubusercontent.com:sub: repo:<org>/<repo>:ref:refs/heads/main',
    terraform:
      'data "aws_iam_policy_document" "trust" {\n  statement {\n    actions = ["sts:AssumeRoleWithWebIdentity"]\n    principals {\n      type        = "Federated"\n      identifiers = [aws_iam_openid_connect_provider.github.arn]\n    }\n    condition {\n      test     = "StringLike"\n      variable = "token.actions.githubusercontent.com:sub"\n      values   = ["repo:<org>/<repo>:ref:refs/heads/main"]\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
  },
  appliesTo: (role) => JSON.stringify(role.attributes.trustPolicy).includes('oidc-provider/'),
  evaluate(role) {
    const { name, trustPolicy } = role.attributes;
    const open = unrestrictedOidcStatements(trustPolicy, { arn: role.arn, account: role.account, name });
    if (open.length === 0) return pass(`Role ${name} restricts which OIDC token subjects may assume it`);
    return fail(
      `Role ${name} trusts GitHub Actions OIDC tokens with no condition on the subject: any repository on GitHub can assume it`,
      { statements: open },
    );
  },
});
