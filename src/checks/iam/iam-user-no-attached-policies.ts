import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'iam-user-no-attached-policies',
  title: 'IAM users get permissions only through groups',
  description:
    'No IAM user has a managed policy attached directly or an inline policy of its own: permissions come from the groups the user belongs to (CIS 1.14).',
  risk: 'Permissions granted user by user pile up unnoticed, survive role changes and are missed in reviews that look at groups; a leaver or a moved team member keeps what was granted to them personally.',
  severity: 'low',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.user',
  scope: 'resource',
  reads: ['name', 'attachedManagedPolicies', 'inlinePolicies'],
  remediation: {
    text: 'Create a group for each job function, attach the policies to the group, add the user to it, then detach the managed policies from the user and delete its inline policies.',
    cli: 'aws iam add-user-to-group --group-name <group> --user-name <user>\naws iam detach-user-policy --user-name <user> --policy-arn <policy-arn>\naws iam delete-user-policy --user-name <user> --policy-name <inline-policy>',
    cloudformation:
      'Developers:\n  Type: AWS::IAM::Group\n  Properties:\n    ManagedPolicyArns:\n      - <policy-arn>\nAlice:\n  Type: AWS::IAM::User\n  Properties:\n    Groups:\n      - !Ref Developers\n    # no ManagedPolicyArns, no Policies',
    terraform:
      'resource "aws_iam_group_policy_attachment" "developers" {\n  group      = aws_iam_group.developers.name\n  policy_arn = "<policy-arn>"\n}\n\nresource "aws_iam_user_group_membership" "alice" {\n  user   = aws_iam_user.alice.name\n  groups = [aws_iam_group.developers.name]\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html',
  },
  evaluate(user) {
    const { name, attachedManagedPolicies, inlinePolicies } = user.attributes;
    const inline = inlinePolicies.map((policy) => policy.name);
    if (attachedManagedPolicies.length === 0 && inline.length === 0)
      return pass(`User ${name} has no policy of its own: its permissions come from groups`);
    const parts = [
      attachedManagedPolicies.length > 0 ? `managed ${attachedManagedPolicies.join(', ')} attached` : null,
      inline.length > 0 ? `inline ${inline.join(', ')}` : null,
    ].filter((part) => part !== null);
    return fail(`User ${name} has policies of its own rather than through a group: ${parts.join('; ')}`, {
      attachedManagedPolicies,
      inlinePolicies: inline,
    });
  },
});
