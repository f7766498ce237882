import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { unverifiedCrossAccountPrincipals } from '../../iam/analyses/documents.js';

export default defineCheck({
  id: 'iam-role-cross-account-trust-external-id',
  title: 'Roles trusted by other AWS accounts require an external id or the same organization',
  description:
    'Every AWS principal of another account named in a role trust policy is allowed in only with a condition on sts:ExternalId (third parties), aws:PrincipalOrgID (accounts of the same organization) or aws:PrincipalArn (a named role). Service and federated principals are not concerned.',
  risk: 'A third-party service that assumes roles for many customers can be tricked into using its access on your account by another of its customers (the confused deputy); without an external id, your role cannot tell them apart.',
  severity: 'medium',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.role',
  scope: 'resource',
  reads: ['name', 'trustPolicy'],
  remediation: {
    text: 'Ask the third party for the external id it generated for you and require it in the trust policy (StringEquals sts:ExternalId); for accounts of your own organization, require aws:PrincipalOrgID instead.',
    cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-with-external-id.json',
    cloudformation:
      'Role:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Principal:\n            AWS: arn:aws:iam::<vendor-account>:root\n          Action: sts:AssumeRole\n          Condition:\n            StringEquals:\n              sts:ExternalId: <external-id>',
    terraform:
      'data "aws_iam_policy_document" "trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::<vendor-account>:root"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "sts:ExternalId"\n      values   = ["<external-id>"]\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  },
  evaluate(role) {
    const { name, trustPolicy } = role.attributes;
    const unverified = unverifiedCrossAccountPrincipals(trustPolicy, {
      arn: role.arn,
      account: role.account,
      name,
    });
    if (unverified.length === 0)
      return pass(`Role ${name} trusts no other account without an external id or organization condition`);
    const accounts = [...new Set(unverified.map((entry) => entry.account))];
    return fail(
      `Role ${name} can be assumed from account ${accounts.join(', ')} without sts:ExternalId or aws:PrincipalOrgID (${unverified.map((entry) => entry.principal).join(', ')})`,
      { principals: unverified.map((entry) => entry.principal), accounts },
    );
  },
});
