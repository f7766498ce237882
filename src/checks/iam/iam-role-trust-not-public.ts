import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { publicTrustStatements } from '../../iam/analyses/documents.js';

export default defineCheck({
  id: 'iam-role-trust-not-public',
  title: 'IAM role trust policies do not let anyone assume the role',
  description:
    'No Allow statement of a role trust policy names every principal ("*" or {"AWS": "*"}) without a condition that pins the caller down (sts:ExternalId, aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount or aws:SourceArn tested with StringEquals, StringLike, ArnEquals or ArnLike and a specific value; the ...IfExists forms do not count).',
  risk: 'Any AWS account in the world can call sts:AssumeRole and act with the role permissions: a public door into the account that needs no stolen credential.',
  severity: 'critical',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.role',
  scope: 'resource',
  reads: ['name', 'trustPolicy'],
  remediation: {
    text: 'Name the accounts, roles or services that may assume the role in the Principal element, or keep "*" only with a condition on aws:PrincipalOrgID (your organization) or sts:ExternalId (a third party).',
    cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json',
    cloudformation:
      'Role:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Principal:\n            AWS: arn:aws:iam::<trusted-account>:root\n          Action: sts:AssumeRole',
    terraform:
      'data "aws_iam_policy_document" "trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::<trusted-account>:root"]\n    }\n  }\n}\n\nresource "aws_iam_role" "this" {\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
  },
  evaluate(role) {
    const { name, trustPolicy } = role.attributes;
    const open = publicTrustStatements(trustPolicy, { arn: role.arn, account: role.account, name });
    if (open.length === 0)
      return pass(`Role ${name} can be assumed only by the principals its trust policy names`);
    const which = open.map((label) => `statement ${label}`).join(', ');
    return fail(
      `Role ${name} can be assumed by anyone: ${which} trusts every principal with no restricting condition`,
      {
        statements: open,
      },
    );
  },
});
