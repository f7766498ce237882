import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

/** AWSSupportAccess in any partition. */
const SUPPORT_ACCESS = /^arn:[^:]+:iam::aws:policy\/AWSSupportAccess$/;
const grantsSupport = (arns: readonly string[]) => arns.some((arn) => SUPPORT_ACCESS.test(arn));

export default defineCheck({
  id: 'iam-support-role-exists',
  title: 'A role is set up to manage incidents with AWS Support',
  description:
    'The AWS managed policy AWSSupportAccess is attached to a role, so the people who handle incidents can open and follow AWS Support cases without the root user or an administrator (CIS 1.16). A user, or a group with members, that has it also counts.',
  risk: 'During an incident, nobody but the root user or an administrator can reach AWS Support; the case waits, or root credentials come out of the safe.',
  severity: 'low',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.role',
  scope: 'account',
  reads: ['name', 'attachedManagedPolicies'],
  related: {
    'iam.user': ['name', 'attachedManagedPolicies'],
    'iam.group': ['name', 'attachedManagedPolicies', 'memberCount'],
  },
  remediation: {
    text: 'Create a role that your incident responders can assume (from your identity provider or a trusted account) and attach the AWSSupportAccess managed policy to it.',
    cli: 'aws iam create-role --role-name aws-support --assume-role-policy-document file://trust.json\naws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess',
    cloudformation:
      'SupportRole:\n  Type: AWS::IAM::Role\n  Properties:\n    RoleName: aws-support\n    AssumeRolePolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Principal:\n            AWS: !Sub arn:aws:iam::${AWS::AccountId}:root\n          Action: sts:AssumeRole\n    ManagedPolicyArns:\n      - arn:aws:iam::aws:policy/AWSSupportAccess',
    terraform:
      'resource "aws_iam_role" "support" {\n  name               = "aws-support"\n  assume_role_policy = data.aws_iam_policy_document.support_trust.json\n}\n\nresource "aws_iam_role_policy_attachment" "support" {\n  role       = aws_iam_role.support.name\n  policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess"\n}',
    url: 'https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html',
  },
  evaluate(scope, ctx) {
    const role = scope.resources.find((candidate) =>
      grantsSupport(candidate.attributes.attachedManagedPolicies),
    );
    if (role)
      return pass(`Role ${role.attributes.name} has AWSSupportAccess attached`, {
        role: role.attributes.name,
      });
    const where = { account: scope.account };
    const group = ctx
      .related('iam.group', where)
      .find(
        (candidate) =>
          grantsSupport(ctx.read(candidate, 'attachedManagedPolicies')) &&
          ctx.read(candidate, 'memberCount') > 0,
      );
    if (group) {
      const name = ctx.read(group, 'name');
      return pass(`Group ${name} has AWSSupportAccess attached (no role has it)`, { group: name });
    }
    const user = ctx
      .related('iam.user', where)
      .find((candidate) => grantsSupport(ctx.read(candidate, 'attachedManagedPolicies')));
    if (user) {
      const name = ctx.read(user, 'name');
      return pass(`User ${name} has AWSSupportAccess attached (no role has it)`, { user: name });
    }
    return fail('No role, group with members or user has the AWSSupportAccess policy attached', {
      roles: scope.resources.length,
    });
  },
});
