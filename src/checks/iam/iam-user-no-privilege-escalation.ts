import { defineCheck } from '../../core/check.js';
import { escalationsFor } from '../../iam/analyses/escalation.js';
import {
  ACCOUNT_MODEL_RELATED,
  accountModelFor,
  escalationOutcome,
  principalOf,
} from './support/account-model.js';

export default defineCheck({
  id: 'iam-user-no-privilege-escalation',
  title: 'IAM users cannot escalate their own privileges to administrator',
  description:
    "Evaluates every user's effective permissions (inline, attached and group policies, with onus's IAM policy engine) against documented privilege-escalation methods: writing or attaching policies to itself or its groups, new policy versions, joining an administrators group, creating keys or passwords for administrator users, rewriting or assuming administrator roles, passing an administrator role to a new EC2 instance, Lambda function, Glue endpoint, CloudFormation stack, Data Pipeline, SageMaker job, CodeBuild project or ECS task, and taking over functions and instances that run as one. Users that are already administrators are reported by iam-user-not-effective-admin instead.",
  risk: 'A user who can grant itself more permissions has those permissions in all but name: whoever steals its keys or password becomes administrator, and least-privilege reviews of its policies understate what it can do.',
  severity: 'high',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.user',
  scope: 'resource',
  reads: ['name', 'inlinePolicies', 'attachedManagedPolicies', 'groups'],
  related: ACCOUNT_MODEL_RELATED,
  remediation: {
    text: 'Remove the permissions each path names, or scope them to resources that cannot raise privileges: restrict iam:PassRole to the roles the user must pass (with an iam:PassedToService condition), never grant IAM write actions on the user itself, its groups or its policies, and set a permissions boundary that denies IAM changes to users who manage other principals.',
    cli: 'aws iam put-user-policy --user-name <user> --policy-name <policy> --policy-document file://least-privilege.json\naws iam put-user-permissions-boundary --user-name <user> --permissions-boundary <boundary-policy-arn>',
    cloudformation:
      'User:\n  Type: AWS::IAM::User\n  Properties:\n    PermissionsBoundary: !Ref NoIamWriteBoundary\n    Policies:\n      - PolicyName: deploy\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: iam:PassRole\n              Resource: arn:aws:iam::<account>:role/<the-one-role>\n              Condition:\n                StringEquals:\n                  iam:PassedToService: cloudformation.amazonaws.com',
    terraform:
      'resource "aws_iam_user" "this" {\n  name                 = "<user>"\n  permissions_boundary = aws_iam_policy.no_iam_write.arn\n}\n\ndata "aws_iam_policy_document" "deploy" {\n  statement {\n    actions   = ["iam:PassRole"]\n    resources = ["arn:aws:iam::<account>:role/<the-one-role>"]\n    condition {\n      test     = "StringEquals"\n      variable = "iam:PassedToService"\n      values   = ["cloudformation.amazonaws.com"]\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
  },
  evaluate(user, ctx) {
    const model = accountModelFor(ctx, user.account);
    return escalationOutcome('User', user.attributes.name, escalationsFor(model, principalOf(model, user)));
  },
});
