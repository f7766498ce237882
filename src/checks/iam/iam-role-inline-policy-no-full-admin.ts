import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeStatement, fullAdminStatements } from '../../iam/analyses/documents.js';

export default defineCheck({
  id: 'iam-role-inline-policy-no-full-admin',
  title: 'IAM role inline policies do not grant full "*:*" administrative access',
  description:
    'No inline policy of an IAM role contains an unconditional Allow of every action ("*") on every resource ("*"). Inline policies are not listed with the account\'s managed policies, so an administrator grant there is easy to miss. Service-linked roles are written by AWS and left out.',
  risk: 'With full administrator access, anyone who can assume the role, and any workload running with it, can do anything in the account: read any data, disable logging and detection, delete backups and create backdoor credentials.',
  severity: 'high',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.role',
  scope: 'resource',
  reads: ['name', 'inlinePolicies', 'isServiceLinked'],
  appliesTo: (role) => !role.attributes.isServiceLinked,
  remediation: {
    text: 'Replace the inline policy with a least-privilege one (IAM Access Analyzer can generate one from CloudTrail activity), or delete it. Grant administration only to a few break-glass roles, through managed policies that reviews can see.',
    cli: 'aws iam delete-role-policy --role-name <role> --policy-name <policy>\n# or, narrowed:\naws iam put-role-policy --role-name <role> --policy-name <policy> --policy-document file://least-privilege.json',
    cloudformation:
      'Role:\n  Type: AWS::IAM::Role\n  Properties:\n    Policies:\n      - PolicyName: least-privilege\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: ["s3:GetObject"]\n              Resource: "arn:aws:s3:::reports/*"',
    terraform:
      'resource "aws_iam_role_policy" "least_privilege" {\n  # ...\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::reports/*" }]\n  })\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html',
  },
  evaluate(role) {
    const { name, inlinePolicies } = role.attributes;
    const granting = inlinePolicies.flatMap((policy) => {
      const statements = fullAdminStatements(policy.document, `inline policy ${policy.name}`);
      return statements.length > 0
        ? [`${policy.name} (${statements.map(describeStatement).join(', ')})`]
        : [];
    });
    if (granting.length === 0)
      return pass(`Role ${name} has no inline policy granting every action on every resource`, {
        inlinePolicies: inlinePolicies.map((policy) => policy.name),
      });
    return fail(
      `Role ${name} has full administrator access (* on *) through inline policy ${granting.join('; ')}`,
      {
        inlinePolicies: granting,
      },
    );
  },
});
