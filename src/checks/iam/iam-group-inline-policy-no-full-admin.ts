import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeStatement, fullAdminStatements } from '../../iam/analyses/documents.js';

export default defineCheck({
  id: 'iam-group-inline-policy-no-full-admin',
  title: 'IAM group inline policies do not grant full "*:*" administrative access',
  description:
    'No inline policy of an IAM group contains an unconditional Allow of every action ("*") on every resource ("*"). Inline policies are not listed with the account\'s managed policies, so an administrator grant there is easy to miss. Every member of the group holds what the group is granted.',
  risk: 'With full administrator access, every member of the group can do anything in the account: read any data, disable logging and detection, delete backups and create backdoor credentials.',
  severity: 'high',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.group',
  scope: 'resource',
  reads: ['name', 'inlinePolicies', 'memberCount'],
  remediation: {
    text: 'Replace the inline policy with a least-privilege one (IAM Access Analyzer can generate one from CloudTrail activity), or delete it. Grant administration only to a few break-glass roles, through managed policies that reviews can see.',
    cli: 'aws iam delete-group-policy --group-name <group> --policy-name <policy>\n# or, narrowed:\naws iam put-group-policy --group-name <group> --policy-name <policy> --policy-document file://least-privilege.json',
    cloudformation:
      'Group:\n  Type: AWS::IAM::Group\n  Properties:\n    Policies:\n      - PolicyName: least-privilege\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: ["s3:GetObject"]\n              Resource: "arn:aws:s3:::reports/*"',
    terraform:
      'resource "aws_iam_group_policy" "least_privilege" {\n  # ...\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::reports/*" }]\n  })\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html',
  },
  evaluate(group) {
    const { name, inlinePolicies, memberCount } = group.attributes;
    const granting = inlinePolicies.flatMap((policy) => {
      const statements = fullAdminStatements(policy.document, `inline policy ${policy.name}`);
      return statements.length > 0
        ? [`${policy.name} (${statements.map(describeStatement).join(', ')})`]
        : [];
    });
    if (granting.length === 0)
      return pass(`Group ${name} has no inline policy granting every action on every resource`, {
        inlinePolicies: inlinePolicies.map((policy) => policy.name),
      });
    return fail(
      `Group ${name} (${memberCount} member(s)) has full administrator access (* on *) through inline policy ${granting.join('; ')}`,
      {
        inlinePolicies: granting,
      },
    );
  },
});
